import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { generate } from '../../src/exporters/generate';
import { loadTemplate } from '../../src/model/templates';
import type { Extra } from './report';
import { round } from './stats';
import { runWrk, type WrkResult } from './wrk';
import { startNativeStack, type NativeStack } from './native';

const ROOT = resolve(import.meta.dirname, '../..');
const PYTHON = '/usr/bin/python3';
const DEV_PORT = Number(process.env.BENCH_DEV_PORT ?? 4306);
export const CONNECTIONS = [50, 400] as const;
const DURATION_S = Number(process.env.BENCH_WRK_SECONDS ?? 10);
const SEED_ITEMS = 20;

export interface StackReport {
  ratio: number | null;
  reason?: string;
  summary: Record<string, unknown>;
  details: Record<string, unknown>;
  extras: Extra[];
  sections: { title: string; body: string }[];
}

type Log = (message: string) => void;

/** wrk from Debian, installed by the project's setup script when missing (STACKSKETCH_BENCH=1). */
export function ensureWrk(log: Log): void {
  try {
    execFileSync('sh', ['-c', 'command -v wrk'], { stdio: 'ignore' });
    return;
  } catch {
    log('wrk missing: installing it with scripts/setup-system.sh');
  }
  execFileSync('bash', [join(ROOT, 'scripts/setup-system.sh')], {
    env: { ...process.env, STACKSKETCH_BENCH: '1' },
    stdio: 'inherit',
  });
}

/** Write a generated bundle to disk (what `cli export` writes). */
export function writeBundle(files: Record<string, string>, dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  for (const [path, text] of Object.entries(files)) {
    const target = join(dir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
}

/** The items endpoint as the generated app documents it ("GET  /api/items"). */
export function itemsPath(appPy: string): string {
  const match = /GET\s+(\/\S*items)\b/.exec(appPy);
  if (!match) throw new Error('the generated app.py documents no GET …items route');
  return match[1]!;
}

async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s (${last})`);
}

/**
 * POST a few items so both servers answer GET items from the same amount of SQLite data. Through curl,
 * inside `wrap` (the stack's namespace) when there is one.
 */
function seed(baseUrl: string, path: string, wrap: string[] = []): void {
  for (let i = 0; i < SEED_ITEMS; i++) {
    const command = [
      ...wrap,
      'curl',
      '-s',
      '-o',
      '/dev/null',
      '-w',
      '%{http_code}',
      '-X',
      'POST',
      '-H',
      'content-type: application/json',
      '--data',
      JSON.stringify({ name: `bench item ${i}` }),
      `${baseUrl}${path}`,
    ];
    const status = execFileSync(command[0]!, command.slice(1), { encoding: 'utf8', timeout: 10_000 }).trim();
    if (status !== '201') throw new Error(`POST ${path} answered ${status}`);
  }
}

/**
 * The same generated Flask app on Flask's own development server (`flask run`: Werkzeug, threaded by
 * default since Flask 1.0), on loopback, with its SQLite file in the work folder.
 */
async function startDevServer(
  appDir: string,
  dbPath: string,
): Promise<{ url: string; stop: () => Promise<void> }> {
  rmSync(dirname(dbPath), { recursive: true, force: true });
  mkdirSync(dirname(dbPath), { recursive: true });
  const child: ChildProcess = spawn(
    PYTHON,
    ['-m', 'flask', '--app', 'app', 'run', '--host', '127.0.0.1', '--port', String(DEV_PORT)],
    {
      cwd: appDir,
      env: { ...process.env, DATABASE_PATH: dbPath, SECRET_KEY: 'bench-only-secret', FLASK_DEBUG: '0' },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk) => (stderr = (stderr + chunk).slice(-2000)));
  const stop = async () => {
    if (child.exitCode !== null) return;
    child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    if (child.exitCode === null) child.kill('SIGKILL');
  };
  const url = `http://127.0.0.1:${DEV_PORT}`;
  try {
    await waitForHttp(`${url}/api/health`, 15_000);
  } catch (error) {
    await stop();
    throw new Error(
      `flask run did not start: ${error instanceof Error ? error.message : error}; ${stderr.slice(-300)}`,
    );
  }
  return { url, stop };
}

function brief(result: WrkResult) {
  return {
    requestsPerSec: result.requestsPerSec,
    p50Ms: result.p50Ms,
    p99Ms: result.p99Ms,
    maxMs: result.latencyMaxMs,
    socketErrors: result.socketErrors.total,
    socketErrorsByKind: result.socketErrors,
    non2xx3xx: result.non2xx3xx,
  };
}

function cell(result: ReturnType<typeof brief> | undefined): string {
  if (!result) return '—';
  return `${result.requestsPerSec} req/s, p99 ${result.p99Ms ?? '?'} ms, max ${round(result.maxMs)} ms, ${result.socketErrors} socket errors${result.non2xx3xx ? `, ${result.non2xx3xx} non-2xx` : ''}`;
}

export async function benchStack(workDir: string, log: Log): Promise<StackReport> {
  ensureWrk(log);
  const design = loadTemplate('gunicorn-flask-sqlite');
  const files = generate(design);
  const appPy = files['app/app.py'];
  if (!appPy) throw new Error('the gunicorn-flask-sqlite bundle has no app/app.py');
  const path = itemsPath(appPy);
  const bundleDir = join(workDir, 'bundle');
  writeBundle(files, bundleDir);

  const results: Record<string, Record<number, ReturnType<typeof brief>>> = { native: {}, devServer: {} };
  const raw: Record<string, string> = {};
  let nativeReason: string | undefined;

  // The native stack first, as `npm run smoke` runs it (scripts/lib).
  let native: NativeStack | null = null;
  try {
    native = await startNativeStack(bundleDir, design, log);
    seed(native.wrkBase, path, native.wrkWrap);
    for (const connections of CONNECTIONS) {
      log(`wrk -c${connections} ${native.describe}${path}`);
      const result = await runWrk(`${native.wrkBase}${path}`, connections, DURATION_S, native.wrkWrap);
      results.native![connections] = brief(result);
      raw[`native-c${connections}`] = result.raw;
    }
  } catch (error) {
    nativeReason = `the native stack could not be measured: ${error instanceof Error ? error.message : String(error)}`;
    log(nativeReason);
  } finally {
    await native?.stop();
  }

  const dev = await startDevServer(join(bundleDir, 'app'), join(workDir, 'dev-data', 'app.db'));
  try {
    seed(dev.url, path);
    for (const connections of CONNECTIONS) {
      log(`wrk -c${connections} flask run ${path}`);
      const result = await runWrk(`${dev.url}${path}`, connections, DURATION_S);
      results.devServer![connections] = brief(result);
      raw[`dev-c${connections}`] = result.raw;
    }
  } finally {
    await dev.stop();
  }

  const nativeRps = results.native![50]?.requestsPerSec;
  const devRps = results.devServer![50]?.requestsPerSec;
  const ratio = nativeRps && devRps ? round(nativeRps / devRps, 2) : null;
  const summary = {
    endpoint: `GET ${path}`,
    durationS: DURATION_S,
    nativeStack: results.native,
    flaskDevServer: results.devServer,
  };
  const extras: Extra[] = CONNECTIONS.flatMap((c) => [
    {
      label: `stack: nginx + Gunicorn, ${c} connections`,
      value: cell(results.native![c]),
      how: `wrk -t2 -c${c} -d${DURATION_S}s --latency GET ${path}`,
    },
    {
      label: `stack: flask run, ${c} connections`,
      value: cell(results.devServer![c]),
      how: `the same against the dev server`,
    },
  ]);
  return {
    ratio,
    ...(ratio === null ? { reason: nativeReason ?? 'no requests/s figure for one of the servers' } : {}),
    summary,
    details: { results, raw, bundleFiles: Object.keys(files), nativeStack: native?.describe ?? null },
    extras,
    sections: [],
  };
}

export function bundleExists(dir: string): boolean {
  return existsSync(join(dir, 'app', 'app.py'));
}
