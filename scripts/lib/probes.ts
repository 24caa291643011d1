import type { Probe } from '../../src/exporters/planTypes';
import { run, tail } from './proc';
import type { Stack } from './stack';

export interface ProbeResult {
  probe: Probe;
  ok: boolean;
  /** HTTP status, or 0 when no answer came (connection refused, timeout). */
  status: number;
  /** One line: "ok   page        GET / → 200" or "FAIL api health  GET /api/health → 502 (expected 200) …". */
  line: string;
  body: string;
}

/** What the hops need of a running stack: its probes, its entry and a way to call it. */
export type ProbedStack = Pick<Stack, 'plan' | 'entryUrl' | 'hostSideCommand'> &
  Partial<Pick<Stack, 'https'>>;

const STATUS_MARKER = '\n@@stacksketch-status@@';

/** Curl one hop from the host side through the published entry, as a browser would (its Host header). */
export async function curlProbe(
  stack: ProbedStack,
  probe: Probe,
): Promise<{ status: number; body: string; error: string }> {
  const argv = [
    'curl',
    '-sS',
    '--noproxy',
    '*',
    '--max-time',
    '15',
    '-X',
    probe.method,
    '-w',
    `${STATUS_MARKER}%{http_code}`,
  ];
  if (probe.body !== undefined)
    argv.push('-H', 'Content-Type: application/json', '--data-binary', probe.body);
  // With HTTPS at the entry, every hop goes over it, trusting only the certificate nginx serves (no -k).
  if (stack.https)
    argv.push(
      '--cacert',
      stack.https.caFile,
      '--resolve',
      stack.https.resolve,
      `${stack.https.url}${probe.path}`,
    );
  else {
    const host = stack.plan.entryHost;
    if (host) argv.push('-H', `Host: ${host}`);
    argv.push(`${stack.entryUrl}${probe.path}`);
  }
  const result = await run(stack.hostSideCommand(argv), { timeoutMs: 20000 });
  const at = result.stdout.lastIndexOf(STATUS_MARKER);
  const status = at >= 0 ? Number(result.stdout.slice(at + STATUS_MARKER.length).trim()) || 0 : 0;
  const body = at >= 0 ? result.stdout.slice(0, at) : result.stdout;
  return { status, body, error: result.stderr.trim() };
}

function oneLine(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/** Curl each hop in order; every hop runs even after a failure, so the report names all of them. */
export async function runProbes(stack: ProbedStack, print: (line: string) => void): Promise<ProbeResult[]> {
  const width = Math.max(0, ...stack.plan.probes.map((probe) => probe.hop.length));
  const results: ProbeResult[] = [];
  for (const probe of stack.plan.probes) {
    const answer = await curlProbe(stack, probe);
    const statusOk = answer.status === probe.expectStatus;
    const bodyOk = probe.expectBody === undefined || answer.body.includes(probe.expectBody);
    const ok = statusOk && bodyOk;
    let line = `${ok ? 'ok  ' : 'FAIL'} ${probe.hop.padEnd(width)}  ${probe.method} ${probe.path} → ${answer.status || 'no answer'}`;
    if (!statusOk) line += ` (expected ${probe.expectStatus})`;
    else if (!bodyOk) line += ` (body lacks ${JSON.stringify(probe.expectBody)})`;
    if (!ok) {
      const detail = answer.status === 0 ? answer.error : answer.body;
      if (detail) line += ` … ${oneLine(detail)}`;
    }
    print(line);
    results.push({ probe, ok, status: answer.status, line, body: answer.body });
  }
  return results;
}

/** Every service's log, trimmed, for the report after a failing hop. */
export function formatLogs(stack: Stack, lines = 40): string {
  return stack
    .logs()
    .map(
      ({ service, text }) =>
        `--- ${service} log (stdout+stderr: nginx error/access log, server output)\n${text.trim() ? tail(text, lines) : '(empty)'}`,
    )
    .join('\n');
}
