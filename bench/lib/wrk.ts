import { spawn } from 'node:child_process';

export interface WrkResult {
  connections: number;
  durationS: number;
  requestsPerSec: number;
  requests: number;
  latencyAvgMs: number;
  latencyMaxMs: number;
  p50Ms: number | null;
  p99Ms: number | null;
  socketErrors: { connect: number; read: number; write: number; timeout: number; total: number };
  non2xx3xx: number;
}

function toMs(value: string): number {
  const match = /^([\d.]+)(us|ms|s|m)$/.exec(value.trim());
  if (!match) throw new Error(`wrk: unreadable duration ${JSON.stringify(value)}`);
  const n = Number(match[1]);
  return { us: n / 1000, ms: n, s: n * 1000, m: n * 60_000 }[match[2] as 'us' | 'ms' | 's' | 'm'];
}

/** Read wrk's text report (run with --latency). */
export function parseWrk(output: string, connections: number, durationS: number): WrkResult {
  const latency = /^\s*Latency\s+(\S+)\s+(\S+)\s+(\S+)/m.exec(output);
  const rps = /Requests\/sec:\s+([\d.]+)/.exec(output);
  const total = /(\d+) requests in/.exec(output);
  if (!latency || !rps || !total) throw new Error(`wrk printed no result:\n${output.slice(0, 500)}`);
  const percentileOf = (p: string) => {
    const m = new RegExp(`^\\s*${p}%\\s+(\\S+)`, 'm').exec(output);
    return m ? toMs(m[1]!) : null;
  };
  const errors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  const socketErrors = {
    connect: Number(errors?.[1] ?? 0),
    read: Number(errors?.[2] ?? 0),
    write: Number(errors?.[3] ?? 0),
    timeout: Number(errors?.[4] ?? 0),
    total: 0,
  };
  socketErrors.total = socketErrors.connect + socketErrors.read + socketErrors.write + socketErrors.timeout;
  return {
    connections,
    durationS,
    requestsPerSec: Math.round(Number(rps[1])),
    requests: Number(total[1]),
    latencyAvgMs: toMs(latency[1]!),
    latencyMaxMs: toMs(latency[3]!),
    p50Ms: percentileOf('50'),
    p99Ms: percentileOf('99'),
    socketErrors,
    non2xx3xx: Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(output)?.[1] ?? 0),
  };
}

/**
 * wrk -t2 -cN -dS --latency URL. `wrap` runs it inside another namespace when the server lives
 * there (e.g. ['nsenter', '--net=/proc/PID/ns/net', '--']).
 */
export function runWrk(
  url: string,
  connections: number,
  durationS = 10,
  wrap: string[] = [],
): Promise<WrkResult & { raw: string }> {
  const command = [
    ...wrap,
    'wrk',
    '-t2',
    `-c${connections}`,
    `-d${durationS}s`,
    '--timeout',
    '2s',
    '--latency',
    url,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(command[0]!, command.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (out += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`wrk exited ${code}: ${out.slice(0, 500)}`));
      try {
        resolve({ ...parseWrk(out, connections, durationS), raw: out });
      } catch (error) {
        reject(error);
      }
    });
  });
}
