/**
 * Load balancing and fault figures of the generated stack: req/s through nginx with 1 and 3 copies of
 * the app container, and the fault proofs' counts (scripts/lib/faults.ts) on the replicated template.
 * Traffic stays inside the stack's own network namespaces.
 */
import { setReplicas } from '../../src/model/containers';
import { loadTemplate } from '../../src/model/templates';
import { faultProofs, failedRequests, loadThrough, type FaultFigures } from '../../scripts/lib/faults';
import { startDesign } from '../../scripts/lib/stack';
import { round } from './stats';

export interface LbReport {
  requestsPerSec: { 1: number; 3: number };
  scaleRatio3: number;
  faults: FaultFigures;
  failedChecks: string[];
}

async function requestsPerSec(copies: number): Promise<number> {
  const design = setReplicas(loadTemplate('load-balanced-gunicorn'), 'app', copies);
  const stack = await startDesign(design);
  try {
    if (stack.startupProblems.length > 0) throw new Error(stack.startupProblems.join('; '));
    const health = stack.plan.probes.find((probe) => probe.path.endsWith('health'))!.path;
    const spec = { url: `${stack.entryUrl}${health}`, method: 'GET' as const, concurrency: 50 };
    await loadThrough(stack, { ...spec, count: 500, durationMs: 2000 });
    const result = await loadThrough(stack, { ...spec, count: 1_000_000, durationMs: 8000 });
    if (failedRequests(result) > 0) throw new Error(`${failedRequests(result)} failed requests`);
    return round((result.sent / result.elapsedMs) * 1000, 0);
  } finally {
    await stack.stop();
  }
}

export async function benchLoadBalancing(log: (line: string) => void): Promise<LbReport> {
  const one = await requestsPerSec(1);
  log(`  1 copy: ${one} req/s`);
  const three = await requestsPerSec(3);
  log(`  3 copies: ${three} req/s`);
  const { checks, figures } = await faultProofs(
    'load-balanced-gunicorn',
    loadTemplate('load-balanced-gunicorn'),
  );
  return {
    requestsPerSec: { 1: one, 3: three },
    scaleRatio3: round(three / one, 2),
    faults: figures,
    failedChecks: checks.filter((check) => !check.ok).map((check) => check.label),
  };
}
