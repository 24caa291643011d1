import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpus } from 'node:os';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { COMPOSE_EN, generate } from '../../src/exporters/generate';
import { loadTemplate } from '../../src/model/templates';
import type { Extra } from './report';
import { round } from './stats';
import { runWrk, type WrkResult } from './wrk';
import { startNativeBundle, startNativeStack, type NativeStack } from './native';
import { writeBundle } from '../../scripts/lib/bundle';
import type { Design } from '../../src/model/design';
import { readFileSync } from 'node:fs';

const ROOT = resolve(import.meta.dirname, '../..');
const PYTHON = '/usr/bin/python3';
const DEV_PORT = Number(process.env.BENCH_DEV_PORT ?? 4306);
export const CONNECTIONS = [50, 400] as const;
const DURATION_S = Number(process.env.BENCH_WRK_SECONDS ?? 10);
const SEED_ITEMS = 20;
/** An unrecorded wrk run before the measured ones, the same for both servers. */
const WARMUP_S = 3;
const VARIANT_SECONDS = Number(process.env.BENCH_VARIANT_SECONDS ?? 5);

export interface StackReport {
  ratio: number | null;
  reason?: string;
  summary: Record<string, unknown>;
  details: Record<string, unknown>;
  extras: Extra[];
  sections: { title: string; body: string }[];
}

type Log = (message: string) => void;

/**
 * wrk from Debian, installed by the project's setup script (STACKSKETCH_BENCH=1 adds it to the packages it
 * checks; it installs only what is missing). A failing setup only matters when wrk is still missing.
 */
export function ensureWrk(log: Log): void {
  try {
    execFileSync('bash', [join(ROOT, 'scripts/setup-system.sh')], {
      env: { ...process.env, STACKSKETCH_BENCH: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    log(`setup-system.sh failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
  execFileSync('sh', ['-c', 'command -v wrk'], { stdio: 'ignore' });
}

/** Write a generated bundle to disk (what `cli export` writes). */
export function writeBundleFiles(files: Record<string, string>, dir: string): void {
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

const GUNICORN_PORT = DEV_PORT + 1;

async function benchGunicornAlone(appDir: string, dbPath: string, path: string, log: Log) {
  rmSync(dirname(dbPath), { recursive: true, force: true });
  mkdirSync(dirname(dbPath), { recursive: true });
  const child = spawn(
    'gunicorn',
    ['--config', 'gunicorn.conf.py', '--bind', `127.0.0.1:${GUNICORN_PORT}`, 'wsgi:app'],
    {
      cwd: appDir,
      env: { ...process.env, DATABASE_PATH: dbPath, SECRET_KEY: 'bench-only-secret' },
      stdio: 'ignore',
    },
  );
  try {
    const url = `http://127.0.0.1:${GUNICORN_PORT}`;
    await waitForHttp(`${url}/api/health`, 20_000);
    seed(url, path);
    log(`wrk -c50 gunicorn alone ${path}`);
    return brief(await runWrk(`${url}${path}`, 50, VARIANT_SECONDS));
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    if (child.exitCode === null) child.kill('SIGKILL');
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
  const files = generate(design, COMPOSE_EN).files;
  const appPy = files['app/app.py'];
  if (!appPy) throw new Error('the gunicorn-flask-sqlite bundle has no app/app.py');
  const path = itemsPath(appPy);
  const bundleDir = join(workDir, 'bundle');
  writeBundleFiles(files, bundleDir);

  const results: Record<string, Record<number, ReturnType<typeof brief>>> = { native: {}, devServer: {} };
  const raw: Record<string, string> = {};
  let nativeReason: string | undefined;

  // The native stack first, as `npm run smoke` runs it (scripts/lib).
  let native: NativeStack | null = null;
  try {
    native = await startNativeStack(design, log);
    seed(native.wrkBase, path, native.wrkWrap);
    // not recorded: the first seconds pay for imports, first connections and cold caches
    await runWrk(`${native.wrkBase}${path}`, 50, WARMUP_S, native.wrkWrap);
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
    await runWrk(`${dev.url}${path}`, 50, WARMUP_S);
    for (const connections of CONNECTIONS) {
      log(`wrk -c${connections} flask run ${path}`);
      const result = await runWrk(`${dev.url}${path}`, connections, DURATION_S);
      results.devServer![connections] = brief(result);
      raw[`dev-c${connections}`] = result.raw;
    }
  } finally {
    await dev.stop();
  }

  // Gunicorn alone on loopback with the generated config: separates the app server from nginx and the network.
  let gunicornAlone: ReturnType<typeof brief> | null = null;
  try {
    gunicornAlone = await benchGunicornAlone(
      join(bundleDir, 'app'),
      join(workDir, 'gunicorn-data', 'app.db'),
      path,
      log,
    );
    results.gunicornAlone = { 50: gunicornAlone };
  } catch (error) {
    log(`gunicorn alone: ${error instanceof Error ? error.message : String(error)}`);
  }

  let variants: Awaited<ReturnType<typeof benchVariants>> = [];
  if (process.env.BENCH_VARIANTS !== '0') {
    try {
      variants = await benchVariants(design, path, workDir, VARIANT_SECONDS, log);
    } catch (error) {
      log(`variants failed: ${error instanceof Error ? error.message : String(error)}`);
    }
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
    sections: [stackSection(path, results, variants, ratio, files['app/gunicorn.conf.py'] ?? '')],
    ...(ratio === null ? { reason: nativeReason ?? 'no requests/s figure for one of the servers' } : {}),
    summary,
    details: { results, raw, variants, bundleFiles: Object.keys(files) },
    extras,
  };
}

interface Variant {
  name: string;
  change: string;
  edits: { file: string; from: RegExp; to: string }[];
}

const NO_ACCESS_LOGS = [
  { file: 'app/gunicorn.conf.py', from: /^accesslog = .*$/m, to: 'accesslog = None' },
  { file: 'web/nginx.conf', from: /access_log \/var\/log\/nginx\/access\.log main;/, to: 'access_log off;' },
];
const GTHREAD = [
  { file: 'app/gunicorn.conf.py', from: /^workers = .*$/m, to: 'workers = multiprocessing.cpu_count() + 1' },
  { file: 'app/gunicorn.conf.py', from: /^threads = .*$/m, to: 'threads = 4' },
  { file: 'app/gunicorn.conf.py', from: /^worker_class = .*$/m, to: 'worker_class = "gthread"' },
];

const THREADS_AUTO_WORKERS = (threads: number) => [
  { file: 'app/gunicorn.conf.py', from: /^threads = .*$/m, to: `threads = ${threads}` },
  { file: 'app/gunicorn.conf.py', from: /^worker_class = .*$/m, to: 'worker_class = "gthread"' },
];

/** Re-tuned copies of the generated defaults, each changed in one respect the issue names. */
export const VARIANTS: Variant[] = [
  { name: 'as generated', change: 'none', edits: [] },
  {
    name: 'access logs off',
    change: 'nginx `access_log off` (Gunicorn writes none already)',
    edits: NO_ACCESS_LOGS,
  },
  {
    name: 'gthread',
    change:
      '`worker_class = "gthread"`, `threads = 4`, `workers = CPU + 1` (upstream keepalive then reuses connections)',
    edits: GTHREAD,
  },
  {
    name: 'gthread 4 threads',
    change: '`worker_class = "gthread"`, `threads = 4`, the generated workers',
    edits: THREADS_AUTO_WORKERS(4),
  },
];

type VariantResult = {
  name: string;
  change: string;
  /** The best round (req/s): on a shared machine the least disturbed one. */
  result?: ReturnType<typeof brief>;
  rounds: number[];
  error?: string;
};

/**
 * Each variant natively for `seconds` at 50 connections, in `rounds` interleaved rounds so that a burst
 * of other load on the machine does not land on one variant only; the best round counts.
 */
export async function benchVariants(
  design: Design,
  path: string,
  workDir: string,
  seconds: number,
  log: Log,
  rounds = 2,
): Promise<VariantResult[]> {
  const out: VariantResult[] = VARIANTS.map((v) => ({ name: v.name, change: v.change, rounds: [] }));
  for (let round = 0; round < rounds; round++) {
    for (const [index, variant] of VARIANTS.entries()) {
      const entry = out[index]!;
      if (entry.error) continue;
      const parent = join(workDir, 'variants', variant.name.replace(/\W+/g, '-'));
      rmSync(parent, { recursive: true, force: true });
      mkdirSync(parent, { recursive: true });
      let native: NativeStack | null = null;
      try {
        const bundle = writeBundle(design, parent);
        for (const edit of variant.edits) {
          const file = join(bundle.dir, edit.file);
          const text = readFileSync(file, 'utf8');
          if (!edit.from.test(text)) throw new Error(`${edit.file} has no line matching ${edit.from}`);
          writeFileSync(file, text.replace(edit.from, edit.to));
        }
        native = await startNativeBundle(bundle.dir, bundle.plan, () => undefined);
        seed(native.wrkBase, path, native.wrkWrap);
        log(`variant "${variant.name}" round ${round + 1}: wrk -c50 -d${seconds}s`);
        const result = brief(await runWrk(`${native.wrkBase}${path}`, 50, seconds, native.wrkWrap));
        entry.rounds.push(result.requestsPerSec);
        if (!entry.result || result.requestsPerSec > entry.result.requestsPerSec) entry.result = result;
      } catch (error) {
        entry.error = error instanceof Error ? error.message : String(error);
      } finally {
        await native?.stop();
      }
    }
  }
  return out;
}

type Brief = ReturnType<typeof brief>;

function stackSection(
  path: string,
  results: Record<string, Record<number, Brief>>,
  variants: Awaited<ReturnType<typeof benchVariants>>,
  ratio: number | null,
  gunicornConf: string,
): { title: string; body: string } {
  const cores = cpus().length;
  const dev = results.devServer![50];
  const base = variants.find((v) => v.name === 'as generated')?.result;
  const rows = variants.map((v) => {
    if (!v.result) return `| ${v.name} | ${v.change} | not measured: ${v.error ?? '?'} | | |`;
    const vsBase = base ? round(v.result.requestsPerSec / base.requestsPerSec, 2) : '—';
    const vsDev = dev ? round(v.result.requestsPerSec / dev.requestsPerSec, 2) : '—';
    return `| ${v.name} | ${v.change} | ${v.result.requestsPerSec} req/s (rounds: ${v.rounds.join(', ')}), p99 ${v.result.p99Ms} ms, ${v.result.socketErrors} socket errors | ×${vsBase} | ×${vsDev} |`;
  });
  const best = variants
    .filter((v) => v.result)
    .sort((a, b) => b.result!.requestsPerSec - a.result!.requestsPerSec)[0];
  const generatedWorkers = /^workers = (.*)$/m.exec(gunicornConf)?.[1] ?? '?';
  const generatedClass = /^worker_class = (.*)$/m.exec(gunicornConf)?.[1] ?? '?';
  const lines = [
    `GET ${path} (20 items seeded through POST first, so both servers read the same rows). wrk -t2, 10 s per level after an unrecorded ${WARMUP_S} s run at 50 connections;`,
    'the native stack is the `gunicorn-flask-sqlite` bundle started by scripts/lib/stack.ts (what `npm run smoke` uses):',
    'nginx and Gunicorn each in their own network namespace, wrk on the host side of that network, the entry port',
    'published with nftables DNAT as Compose would. The dev server is `python3 -m flask --app app run` of the same',
    'app.py on 127.0.0.1 with its own SQLite file (DATABASE_PATH), so it has one network hop fewer.',
    '',
    '| connections | nginx + Gunicorn | flask run |',
    '|---|---|---|',
    ...CONNECTIONS.map((c) => `| ${c} | ${cell(results.native![c])} | ${cell(results.devServer![c])} |`),
    '',
    `Ratio of req/s at 50 connections: ${ratio ?? 'not measured'}.`,
    '',
    `Gunicorn alone with the generated gunicorn.conf.py on 127.0.0.1 (no nginx, no namespaces; ${VARIANT_SECONDS} s, 50 connections): ${cell(results.gunicornAlone?.[50])}.`,
    '',
    'What the figure means on this machine (facts of the set-up, and what was measured above):',
    `- ${cores} CPU cores are shared by wrk (2 threads), nginx and the Gunicorn workers (or the dev server): at most`,
    `  ${cores} of these processes run at any moment, so extra workers add no parallelism for a CPU-bound request`,
    '  on this machine, whatever the study notes measured elsewhere.',
    `- The generated Gunicorn runs \`workers = ${generatedWorkers}\`, \`worker_class = ${generatedClass}\`. Sync workers close`,
    '  the connection after every response, so the generated `keepalive 16` in nginx’s upstream never reuses a',
    '  connection: every request pays a new TCP connection to Gunicorn plus one through the DNAT.',
    '- `flask run` has been threaded by default since Flask 1.0 and speaks HTTP/1.1 keep-alive, so under wrk it is not',
    '  the one-request-at-a-time server the study notes describe; what it lacks is what the rule',
    '  `flask-dev-server` warns about (no buffering proxy in front, no worker supervision, the Werkzeug debugger',
    '  a flag away), not raw throughput on a quiet loopback.',
    '- The endpoint only reads SQLite (WAL lets readers run alongside one writer); writes would be serialised by',
    '  SQLite’s single write lock whatever the server.',
    '- The generated app keeps one SQLite connection per worker thread. A Gunicorn worker opens it once and reuses',
    '  it for every request (measured while choosing it: ×1.44 req/s and a lower p99 than a connection per request);',
    '  `flask run` starts a thread per connection, so it still opens one per keep-alive connection.',
  ];
  if (variants.length > 0) {
    lines.push(
      '',
      `### Tuning the generated defaults (each variant run natively, wrk -c50, ${VARIANT_SECONDS} s, best of 2 interleaved rounds)`,
      '',
      '| variant | change | result | vs as generated | vs flask run (10 s) |',
      '|---|---|---|---|---|',
      ...rows,
    );
    if (best?.result && base) {
      lines.push(
        '',
        `Best measured: "${best.name}" at ${best.result.requestsPerSec} req/s (×${round(best.result.requestsPerSec / base.requestsPerSec, 2)} of the generated defaults${dev ? `, ×${round(best.result.requestsPerSec / dev.requestsPerSec, 2)} of flask run` : ''}).`,
        '',
        'Recommendations for the generated defaults, from these figures (a change counts when its best round beats',
        'the generated defaults’ best round by more than 20 %):',
      );
      for (const v of variants) {
        if (v.name === 'as generated' || !v.result) continue;
        const gain = v.result.requestsPerSec / base.requestsPerSec;
        lines.push(
          gain > 1.2
            ? `- adopt ${v.change}: ×${round(gain, 2)} req/s, p99 ${v.result.p99Ms} ms instead of ${base.p99Ms} ms.`
            : `- ${v.change}: no measurable gain here (×${round(gain, 2)}).`,
        );
      }
    }
    const alone = results.gunicornAlone?.[50];
    const stack = results.native![50];
    if (alone && stack)
      lines.push(
        '',
        `Gunicorn alone (${alone.requestsPerSec} req/s) against the whole stack as generated (${stack.requestsPerSec} req/s): the nginx → Gunicorn hop`,
        `keeps ${round((100 * stack.requestsPerSec) / alone.requestsPerSec)} % of Gunicorn’s own throughput here.`,
      );
  }
  return { title: 'The generated stack against the Flask dev server', body: lines.join('\n') };
}

export function bundleExists(dir: string): boolean {
  return existsSync(join(dir, 'app', 'app.py'));
}
