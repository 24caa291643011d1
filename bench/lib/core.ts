import { Session } from 'node:inspector';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { COMPOSE_EN, generate, readmeWarnings } from '../../src/exporters/generate';
import { plan } from '../../src/exporters/plan';
import { renderComposeBundle } from '../../src/exporters/targets/compose';
import { renderReadme } from '../../src/exporters/render/readme';
import {
  composeServiceBlock,
  renderCompose,
  renderComposeFile,
} from '../../src/exporters/targets/compose/docker';
import { serializeDesign } from '../../src/model/serialize';
import type { Design } from '../../src/model/design';
import { isProxy } from '../../src/nodes/registry';
import { buildContext } from '../../src/validation/context';
import { RULES } from '../../src/validation/registry';
import { validate } from '../../src/validation/validate';
import { independentStacksDesign } from './designs';
import { median, round } from './stats';

const ROOT = resolve(import.meta.dirname, '../..');

export interface CoreResult {
  medianMs: number;
  /**
   * validate + generate after one inspector-like edit: each run replaces ONE node immutably (the
   * nginx server name of a different stack), as the store does, and times validate + generate.
   */
  editMedianMs: number;
  /** editMedianMs ÷ medianMs: the share of a full run an edit costs (generation is incremental). */
  editRatio: number;
  /** After an edit: validate and generate apart, and the whole-design files inside generate. */
  editBreakdownMs: {
    validate: number;
    generate: number;
    designJson: number;
    readme: number;
    compose: number;
  };
  editSamplesMs: number[];
  runs: number;
  nodes: number;
  edges: number;
  files: number;
  bytes: number;
  errors: number;
  warnings: number;
  samplesMs: number[];
  /** Where the time goes (medians of separate runs of each part). */
  breakdownMs: Record<string, number>;
  slowestRulesMs: { rule: string; ms: number }[];
}

function medianOf(runs: number, body: () => unknown): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    body();
    samples.push(performance.now() - start);
  }
  return round(median(samples));
}

export interface HotFunction {
  fn: string;
  where: string;
  selfMs: number;
}

/** Self time by function over `runs` calls of `body`, from V8's CPU profiler (node:inspector). */
export async function profile(body: () => unknown, runs: number, limit = 8): Promise<HotFunction[]> {
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) =>
      session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))),
    );
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 200 });
  await post('Profiler.start');
  for (let i = 0; i < runs; i++) body();
  const { profile: data } = (await post('Profiler.stop')) as {
    profile: {
      nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
      samples: number[];
      timeDeltas: number[];
    };
  };
  session.disconnect();
  const byId = new Map(data.nodes.map((node) => [node.id, node.callFrame]));
  const totals = new Map<string, HotFunction>();
  data.samples.forEach((id, index) => {
    const frame = byId.get(id);
    if (!frame) return;
    const where = frame.url.replace(/^file:\/\//, '').replace(`${ROOT}/`, '');
    const key = `${frame.functionName}@${where}`;
    const entry = totals.get(key) ?? { fn: frame.functionName || '(anonymous)', where, selfMs: 0 };
    entry.selfMs += (data.timeDeltas[index] ?? 0) / 1000 / runs;
    totals.set(key, entry);
  });
  return (
    [...totals.values()]
      // frames without a script are the profiler's own plumbing, except the garbage collector
      .filter((t) => t.where !== '' || t.fn === '(garbage collector)')
      .sort((a, b) => b.selfMs - a.selfMs)
      .slice(0, limit)
      .map((t) => ({ ...t, selfMs: round(t.selfMs) }))
  );
}

/**
 * The design with the proxy of stack `run % proxyCount` given a new server name: one new node
 * object in a new nodes array, every other node and edge the same object (as the store edits).
 */
function withEditedServerName(design: Design, run: number): Design {
  const proxyIndexes = design.nodes.flatMap((node, index) => (isProxy(node) ? [index] : []));
  const at = proxyIndexes[run % proxyIndexes.length]!;
  const nodes = design.nodes.slice();
  const node = nodes[at]!;
  nodes[at] = { ...node, props: { ...node.props, serverName: `edit-${run}.example` } } as typeof node;
  return { ...design, nodes };
}

/** validate + generate after one node edit per run (see CoreResult.editMedianMs), and the two apart. */
function editRuns(design: Design, runs: number) {
  const samples: number[] = [];
  const validateMs: number[] = [];
  let current = design;
  for (let i = 0; i < runs; i++) {
    current = withEditedServerName(current, i);
    const start = performance.now();
    const diagnostics = validate(current);
    const validated = performance.now();
    generate(current, { ...COMPOSE_EN, diagnostics });
    samples.push(performance.now() - start);
    validateMs.push(validated - start);
    if (diagnostics.some((d) => d.severity === 'error')) throw new Error('the edited design has errors');
  }
  const deployment = plan(current);
  const breakdown = {
    validate: round(median(validateMs)),
    generate: round(median(samples.map((sample, index) => sample - validateMs[index]!))),
    designJson: medianOf(10, () => serializeDesign(current)),
    readme: medianOf(10, () => renderReadme(current, deployment, [])),
    compose: medianOf(10, () =>
      renderComposeFile(
        deployment.services.map((service) => composeServiceBlock(service)),
        deployment.volumes,
      ),
    ),
  };
  return { samples, breakdown, design: current };
}

/** A copy with new node and edge objects: nothing generated before is reused for it. */
function freshCopy(design: Design): Design {
  return structuredClone(design);
}

/** Median of `runs` calls of `body` on a fresh copy of the design each (made outside the timing). */
function coldMedianOf(design: Design, runs: number, body: (copy: Design) => unknown): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const copy = freshCopy(design);
    const start = performance.now();
    body(copy);
    samples.push(performance.now() - start);
  }
  return round(median(samples));
}

/** Time validate, plan, rendering (and the compose file alone) and each rule separately, cold. */
function breakdown(design: Design, runs: number) {
  const context = buildContext(design);
  const renderAll = (copy: Design) =>
    renderComposeBundle({ design: copy, plan: plan(copy), warnings: readmeWarnings([], []), lang: 'en' });
  const breakdownMs = {
    validate: medianOf(runs, () => validate(design)),
    plan: coldMedianOf(design, runs, (copy) => plan(copy)),
    renderAllFiles: round(
      coldMedianOf(design, runs, renderAll) - coldMedianOf(design, runs, (copy) => plan(copy)),
    ),
    renderDockerCompose: coldMedianOf(design, runs, (copy) => renderCompose(plan(copy))),
    buildContext: medianOf(runs, () => buildContext(design)),
  };
  const contextMs = medianOf(runs, () => buildContext(design));
  // a fresh context per call: a rule is charged for the shared data it is the first to compute
  const slowestRulesMs = RULES.map((rule) => ({
    rule: rule.id,
    ms: round(
      Math.max(
        0,
        medianOf(Math.max(3, Math.floor(runs / 3)), () => rule.check(design, buildContext(design))) -
          contextMs,
      ),
    ),
  }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 5);
  void context;
  return { breakdownMs, slowestRulesMs };
}

/**
 * validate + generate of a valid 1,000-node design in this Node process, after a warm-up, median of
 * `runs` timed runs. Each run gets a deep copy (new node and edge objects, made outside the timing),
 * so nothing generated for an earlier run is reused: every run does the full work.
 */
export function benchValidateGenerate(runs = 30, warmup = 5): CoreResult {
  const design = independentStacksDesign(200);
  // Edits first, as in the editor: a design generated once, then one-node edits (the first `warmup`
  // untimed). Timed before the cold runs, whose copies' cached results linger until a major GC.
  const edited = freshCopy(design);
  generate(edited, { ...COMPOSE_EN, diagnostics: validate(edited) });
  const warm = editRuns(edited, warmup).design;
  const { samples: editSamples, breakdown: editBreakdownMs } = editRuns(warm, runs);
  let files: Record<string, string> = {};
  let diagnostics = validate(design);
  for (let i = 0; i < warmup; i++) {
    const copy = freshCopy(design);
    diagnostics = validate(copy);
    files = generate(copy, { ...COMPOSE_EN, diagnostics }).files;
  }
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const copy = freshCopy(design);
    const start = performance.now();
    diagnostics = validate(copy);
    files = generate(copy, { ...COMPOSE_EN, diagnostics }).files;
    samples.push(performance.now() - start);
  }
  const bytes = Object.values(files).reduce((sum, text) => sum + Buffer.byteLength(text), 0);
  return {
    medianMs: round(median(samples)),
    editMedianMs: round(median(editSamples)),
    editRatio: round(median(editSamples) / median(samples), 3),
    editBreakdownMs,
    editSamplesMs: editSamples.map((s) => round(s)),
    runs,
    nodes: design.nodes.length,
    edges: design.edges.length,
    files: Object.keys(files).length,
    bytes,
    errors: diagnostics.filter((d) => d.severity === 'error').length,
    warnings: diagnostics.filter((d) => d.severity === 'warning').length,
    samplesMs: samples.map((s) => round(s)),
    ...breakdown(design, 10),
  };
}
