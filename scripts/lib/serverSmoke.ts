/**
 * The `server` target for real: boot a Debian 12 root with systemd under systemd-nspawn (private
 * network, nothing registered on the host), run the bundle's install.sh inside it with Debian's
 * packages, let systemd start the units, curl the hops through nginx (over HTTPS trusting only the
 * certificate install.sh made, and plain HTTP answering 301, when the site has HTTPS), restart the app units and
 * check no stored item is lost, then run uninstall.sh. The root is made once with debootstrap and
 * cached; each run boots an overlay of it, so the cache stays clean.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Design } from '../../src/model/design';
import { generate } from '../../src/exporters/generate';
import { hostNames } from '../../src/exporters/targets/server/names';
import type { DeploymentPlan, Probe } from '../../src/exporters/planTypes';
import { hostPlan } from '../../src/exporters/targets/server/hostPlan';
import { tlsOf } from '../../src/exporters/targets/server/tls';
import { tlsHostName } from './stack';
import { hasErrors, hasInputErrors, validate } from '../../src/validation/validate';
import { makeTempDir, writeFiles } from './bundle';
import { run, runSync, sleep, tail, waitFor } from './proc';
import { requireTools } from './tools';

/** The cached Debian 12 root: systemd plus the Debian packages a server bundle installs. */
export const SERVER_ROOT_CACHE =
  process.env.STACKSKETCH_SERVER_ROOT ?? '/var/cache/stacksketch/debian12-root';
const ROOT_PACKAGES = [
  'systemd',
  'systemd-sysv',
  'dbus',
  'nginx',
  'python3-flask',
  'python3-django',
  'python3-venv',
  'gunicorn',
  'uwsgi',
  'uwsgi-plugin-python3',
  'curl',
  'ca-certificates',
];

export interface ServerStep {
  step: string;
  ok: boolean;
  detail: string;
}

export interface ServerSmokeOutcome {
  ok: boolean;
  refused?: string;
  steps: ServerStep[];
}

export interface ServerSmokeOptions {
  force?: boolean;
  print?: (line: string) => void;
  /** Where the React app's node_modules are cached between runs. */
  frontendCacheDir?: string;
}

/**
 * The Debian mirror this machine's apt already uses (deb822 `URIs:` or a one-line `deb` entry), so
 * the root comes from the same archive as the host's own packages.
 */
export function aptMirror(): string {
  const sources = ['/etc/apt/sources.list.d', '/etc/apt']
    .filter((dir) => existsSync(dir))
    .flatMap((dir) =>
      readdirSync(dir)
        .filter((name) => name.endsWith('.sources') || name === 'sources.list' || name.endsWith('.list'))
        .map((name) => readFileSync(join(dir, name), 'utf8')),
    );
  for (const text of sources) {
    const found = mirrorIn(text);
    if (found) return found;
  }
  throw new Error('no Debian mirror found in /etc/apt (needed to debootstrap the server root)');
}

/** The first Debian archive (not security, not another vendor's) named in one apt sources file. */
export function mirrorIn(text: string): string | undefined {
  const uris = [
    ...[...text.matchAll(/^URIs:\s*(\S+)/gm)].map((m) => m[1]!),
    ...[...text.matchAll(/^deb\s+(?:\[[^\]]*\]\s+)?(\S+)\s+bookworm\s/gm)].map((m) => m[1]!),
  ];
  return uris.find((uri) => /\/debian\/?$/.test(uri));
}

/** The packages of ROOT_PACKAGES a root does not have yet (a cache made before one was added). */
function missingPackages(root: string): string[] {
  const status = readText(join(root, 'var/lib/dpkg/status'));
  const installed = new Set(
    status
      .split('\n\n')
      .filter((block) => /^Status: install ok installed$/m.test(block))
      .map((block) => /^Package: (.*)$/m.exec(block)?.[1]),
  );
  return ROOT_PACKAGES.filter((name) => !installed.has(name));
}

/** Add what a cached root lacks, with apt inside it from the host's mirror (nothing registered). */
export async function completeServerRoot(root: string, missing: string[], print: (line: string) => void) {
  print(`add ${missing.join(', ')} to the cached root ${root}`);
  const result = await run(
    [
      'systemd-nspawn',
      '-D',
      root,
      '--register=no',
      '--keep-unit',
      '-q',
      'sh',
      '-c',
      'echo "deb $1 bookworm main" >/etc/apt/sources.list && shift && apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@" && apt-get clean',
      'sh',
      aptMirror(),
      ...missing,
    ],
    { timeoutMs: 10 * 60 * 1000 },
  );
  if (result.status !== 0)
    throw new Error(
      `adding ${missing.join(', ')} to the root failed (exit ${result.status})\n${tail(result.output)}`,
    );
}

/** debootstrap the root once (about a minute); later runs reuse it, adding packages listed since. */
export async function ensureServerRoot(print: (line: string) => void): Promise<string> {
  if (existsSync(join(SERVER_ROOT_CACHE, 'usr/sbin/nginx'))) {
    const missing = missingPackages(SERVER_ROOT_CACHE);
    if (missing.length > 0) await completeServerRoot(SERVER_ROOT_CACHE, missing, print);
    return SERVER_ROOT_CACHE;
  }
  const partial = `${SERVER_ROOT_CACHE}.partial-${process.pid}`;
  mkdirSync(join(SERVER_ROOT_CACHE, '..'), { recursive: true });
  print(`debootstrap a Debian 12 root into ${SERVER_ROOT_CACHE} (once)`);
  const result = await run(
    [
      'debootstrap',
      '--variant=minbase',
      `--include=${ROOT_PACKAGES.join(',')}`,
      'bookworm',
      partial,
      aptMirror(),
    ],
    { timeoutMs: 15 * 60 * 1000 },
  );
  if (result.status !== 0) {
    rmSync(partial, { recursive: true, force: true });
    throw new Error(`debootstrap failed (exit ${result.status})\n${tail(result.output)}`);
  }
  renameSync(partial, SERVER_ROOT_CACHE);
  return SERVER_ROOT_CACHE;
}

/** The container's PID 1: the descendant of systemd-nspawn whose innermost pid is 1. */
function leaderOf(nspawnPid: number): number | null {
  const queue = [nspawnPid];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    let status = '';
    try {
      status = readFileSync(`/proc/${pid}/status`, 'utf8');
    } catch {
      continue;
    }
    const nspid = /^NSpid:\s+(.*)$/m.exec(status)?.[1]?.trim().split(/\s+/);
    if (pid !== nspawnPid && nspid && nspid.length > 1 && nspid.at(-1) === '1') return pid;
    for (const task of safeList(`/proc/${pid}/task`)) {
      const children = readText(`/proc/${pid}/task/${task}/children`).trim();
      if (children) queue.push(...children.split(/\s+/).map(Number));
    }
  }
  return null;
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

const CLEAN_ENV = { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', LANG: 'C.UTF-8' };

/** A command inside the booted container (all its namespaces, a clean environment). */
export function inside(leader: number, argv: readonly string[], timeoutMs = 120_000) {
  return run(
    [
      'nsenter',
      '-t',
      String(leader),
      '-a',
      'env',
      '-i',
      ...Object.entries(CLEAN_ENV).map(([k, v]) => `${k}=${v}`),
      ...argv,
    ],
    {
      timeoutMs,
    },
  );
}

/**
 * How the smoke reaches the site: plain HTTP on the entry port, or HTTPS on the TLS port with the
 * name on the certificate resolved to 127.0.0.1 and only the certificate install.sh made trusted
 * (never -k).
 */
export interface Entry {
  port: number;
  host: string | null;
  https?: { name: string; caFile: string; keyFile: string };
}

function entryUrl(entry: Entry, path: string): { url: string; args: string[] } {
  if (entry.https) {
    const { name, caFile } = entry.https;
    return {
      url: `https://${name}:${entry.port}${path}`,
      args: ['--cacert', caFile, '--resolve', `${name}:${entry.port}:127.0.0.1`],
    };
  }
  return {
    url: `http://127.0.0.1:${entry.port}${path}`,
    args: entry.host ? ['-H', `Host: ${entry.host}`] : [],
  };
}

/** Curl one hop through the site's nginx, with the Host header a browser sends (Django checks it). */
async function curlProbe(leader: number, entry: Entry, probe: Probe): Promise<ServerStep> {
  const argv = ['curl', '-sS', '--max-time', '10', '-o', '-', '-w', '\n%{http_code}', '-X', probe.method];
  if (probe.body !== undefined) argv.push('-H', 'Content-Type: application/json', '--data', probe.body);
  const { url, args } = entryUrl(entry, probe.path);
  argv.push(...args, url);
  const result = await inside(leader, argv, 20_000);
  const lines = result.stdout.split('\n');
  const status = Number(lines.at(-1));
  const body = lines.slice(0, -1).join('\n');
  const ok =
    result.status === 0 &&
    status === probe.expectStatus &&
    (probe.expectBody === undefined || body.includes(probe.expectBody));
  return {
    step: `${probe.hop} ${probe.method} ${entry.https ? url : probe.path} → ${Number.isFinite(status) ? status : 'no answer'}`,
    ok,
    detail: ok
      ? ''
      : `expected ${probe.expectStatus}${probe.expectBody ? ` with ${JSON.stringify(probe.expectBody)}` : ''}\n${tail(body || result.output, 15)}`,
  };
}

/** The private key install.sh made: root's alone (0600), in a folder only root enters (0700). */
async function keyIsPrivate(leader: number, keyFile: string): Promise<ServerStep> {
  const folder = keyFile.slice(0, keyFile.lastIndexOf('/'));
  const result = await inside(leader, ['stat', '-c', '%a %U:%G %n', keyFile, folder]);
  const expected = `600 root:root ${keyFile}\n700 root:root ${folder}`;
  const ok = result.status === 0 && result.stdout.trim() === expected;
  return {
    step: `the TLS key is root's alone: ${result.stdout.trim().replace(/\n/g, '; ')}`,
    ok,
    detail: ok ? '' : `expected ${expected}\n${result.output}`,
  };
}

/** With HTTPS and the redirect: plain HTTP answers 301 to the same path on https. */
async function redirectsToHttps(
  leader: number,
  httpPort: number,
  entry: Entry,
  path: string,
): Promise<ServerStep> {
  const name = entry.https!.name;
  const expected = `https://${name}${entry.port === 443 ? '' : `:${entry.port}`}${path}`;
  const result = await inside(
    leader,
    [
      'curl',
      '-sS',
      '--max-time',
      '10',
      '-o',
      '/dev/null',
      '-w',
      '%{http_code} %{redirect_url}',
      '-H',
      `Host: ${name}`,
      `http://127.0.0.1:${httpPort}${path}`,
    ],
    20_000,
  );
  const ok = result.status === 0 && result.stdout.trim() === `301 ${expected}`;
  return {
    step: `http://${name}:${httpPort}${path} → ${result.stdout.trim() || 'no answer'}`,
    ok,
    detail: ok ? '' : `expected 301 ${expected}\n${tail(result.output, 10)}`,
  };
}

/** Replicas: 60 GETs through nginx meet every copy's INSTANCE in the answers (round robin). */
async function everyCopyAnswers(
  leader: number,
  entry: Entry,
  probe: Probe,
  copies: number,
): Promise<ServerStep> {
  const { url, args } = entryUrl(entry, probe.path);
  const result = await inside(
    leader,
    [
      'sh',
      '-c',
      `url="$1"; shift; for i in $(seq 60); do curl -sS --max-time 5 "$@" "$url"; echo; done`,
      'sh',
      url,
      ...args,
    ],
    60_000,
  );
  const seen = new Set([...result.stdout.matchAll(/"instance":\s*"([^"]*)"/g)].map((m) => m[1]));
  return {
    step: `60 GETs through nginx reach every copy (${seen.size} of ${copies}: ${[...seen].sort().join(', ')})`,
    ok: result.status === 0 && seen.size === copies,
    detail: tail(result.output, 15),
  };
}

/** Build the React app on this machine (npm, with a node_modules cache) into the bundle's dist/. */
async function prebuildFrontend(bundleDir: string, frontendDir: string, cacheRoot: string): Promise<void> {
  const dir = join(bundleDir, frontendDir);
  const key = createHash('sha256')
    .update(readFileSync(join(dir, 'package.json')))
    .digest('hex')
    .slice(0, 16);
  const cached = join(cacheRoot, key, 'node_modules');
  if (existsSync(cached)) renameSync(cached, join(dir, 'node_modules'));
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env))
    if (!/^npm_/i.test(name) && name !== 'INIT_CWD') env[name] = value;
  for (const command of [
    ['npm', 'install', '--no-audit', '--no-fund'],
    ['npm', 'run', 'build'],
  ]) {
    const result = await run(command, { cwd: dir, env, timeoutMs: 8 * 60 * 1000 });
    if (result.status !== 0) throw new Error(`${command.join(' ')} failed\n${tail(result.output)}`);
  }
  mkdirSync(join(cacheRoot, key), { recursive: true });
  // Another run on this machine may have filled the cache meanwhile: then its copy stays, ours goes
  // with the bundle's folder.
  if (!existsSync(cached)) {
    try {
      renameSync(join(dir, 'node_modules'), cached);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw error;
    }
  }
}

export interface Machine {
  nspawn: ChildProcess;
  leader: number;
  merged: string;
  log: () => string;
}

/** Boot an overlay of `root` (a lowerdir list, top first) with the bundle at /bundle and `binds` (read-only). */
export async function boot(
  root: string,
  work: string,
  bundleDir: string,
  binds: readonly string[] = [],
): Promise<Machine> {
  const upper = join(work, 'upper');
  const overlayWork = join(work, 'overlay-work');
  const merged = join(work, 'root');
  for (const dir of [upper, overlayWork, merged]) mkdirSync(dir, { recursive: true });
  const mounted = runSync([
    'mount',
    '-t',
    'overlay',
    'overlay',
    '-o',
    `lowerdir=${root},upperdir=${upper},workdir=${overlayWork}`,
    merged,
  ]);
  if (mounted.status !== 0) throw new Error(`overlay mount failed: ${mounted.output}`);
  let output = '';
  const nspawn = spawn(
    'systemd-nspawn',
    [
      '-D',
      merged,
      '--private-network',
      '--register=no',
      '--keep-unit',
      '-q',
      `--bind-ro=${bundleDir}:/bundle`,
      ...binds.map((bind) => `--bind-ro=${bind}`),
      '-b',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  nspawn.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  nspawn.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const machine: Machine = { nspawn, leader: 0, merged, log: () => output };
  const found = await waitFor(async () => {
    machine.leader = leaderOf(nspawn.pid!) ?? 0;
    return machine.leader > 0;
  }, 20_000);
  if (!found) throw Object.assign(new Error(`the container did not start\n${tail(output)}`), { machine });
  return machine;
}

/** Wait for the booted host's systemd to finish starting up (running, or degraded by a unit we do not use). */
export async function untilBooted(leader: number): Promise<{ ok: boolean; state: string }> {
  // PID 1 answers on its socket a moment after it starts; then `--wait` blocks until the boot is done.
  let state = '';
  const ok = await waitFor(
    async () => {
      const answer = await inside(leader, ['systemctl', 'is-system-running', '--wait'], 90_000);
      state = answer.stdout.trim() || answer.output;
      return /running|degraded/.test(answer.stdout);
    },
    90_000,
    300,
  );
  return { ok, state };
}

/** The steps of a run on a booted host, each printed as it is recorded. */
export function recordSteps(print: (line: string) => void) {
  const steps: ServerStep[] = [];
  const step = (label: string, ok: boolean, detail = '') => {
    steps.push({ step: label, ok, detail });
    print(`${ok ? 'ok  ' : 'FAIL'} ${label}${ok || !detail ? '' : `\n${detail}`}`);
    return ok;
  };
  return { steps, step };
}

/** End a run on a booted host: its log when a step failed, then power off and remove the run's folder. */
export async function closeHost(
  machine: Machine | null,
  work: string,
  steps: readonly ServerStep[],
  print: (line: string) => void,
): Promise<void> {
  if (machine && !steps.every((s) => s.ok)) print(tail(machine.log(), 30));
  await shutdown(machine, join(work, 'machine'));
  rmSync(work, { recursive: true, force: true });
}

export async function shutdown(machine: Machine | null, work: string): Promise<void> {
  if (machine) {
    if (machine.nspawn.exitCode === null) {
      machine.nspawn.kill('SIGTERM'); // nspawn asks the container's systemd to power off
      const stopped = await waitFor(
        async () => machine.nspawn.exitCode !== null || machine.nspawn.signalCode !== null,
        20_000,
      );
      if (!stopped) machine.nspawn.kill('SIGKILL');
      await sleep(200);
    }
  }
  const merged = join(work, 'root');
  if (existsSync(merged)) runSync(['umount', '--lazy', merged]);
  rmSync(work, { recursive: true, force: true });
}

/** The entry the smoke curls: with HTTPS, the TLS port and the certificate as install.sh put it on the host. */
function entryOf(design: Design, plan: DeploymentPlan): Entry {
  const plain = { port: plan.entryPort!, host: plan.entryHost };
  const entryTls = plan.entryTls;
  if (!entryTls) return plain;
  const onHost = tlsOf(hostPlan(design, plan).web.map((web) => web.run)).find(
    (tls) => tls.port === entryTls.port && tls.domains.join(' ') === entryTls.domains.join(' '),
  );
  if (!onHost) return plain;
  return {
    port: onHost.port,
    host: null,
    https: { name: tlsHostName(onHost.domains), caFile: onHost.certificate, keyFile: onHost.key },
  };
}

/** Validate and export a design for the server target, boot a host, install, probe, restart, uninstall. */
export async function smokeServer(
  design: Design,
  options: ServerSmokeOptions = {},
): Promise<ServerSmokeOutcome> {
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  const diagnostics = validate(design, 'server');
  for (const diagnostic of diagnostics)
    print(`${diagnostic.severity === 'error' ? 'error' : 'warn '} ${diagnostic.rule}: ${diagnostic.message}`);
  if (hasInputErrors(diagnostics))
    return { ok: false, refused: 'the design has invalid-* input errors', steps: [] };
  if (hasErrors(diagnostics) && !options.force)
    return {
      ok: false,
      refused: 'the design has errors; fix them or pass --force to run it anyway',
      steps: [],
    };
  const { plan, files } = generate(design, { target: 'server', lang: 'en', diagnostics });
  if (plan.entryPort === null || plan.probes.length === 0)
    return { ok: false, refused: 'the plan has no entry port or no probes: nothing to check', steps: [] };
  requireTools(['debootstrap', 'systemd-nspawn', 'nsenter']);
  const root = await ensureServerRoot(print);
  const work = makeTempDir('server-smoke');
  const bundleDir = join(work, 'bundle');
  writeFiles(bundleDir, files);
  chmodSync(join(bundleDir, 'install.sh'), 0o755);
  chmodSync(join(bundleDir, 'uninstall.sh'), 0o755);
  const { steps, step } = recordSteps(print);
  const frontend = Object.keys(files).find((path) => path.endsWith('/frontend/package.json'));
  let machine: Machine | null = null;
  try {
    if (frontend) {
      const dir = frontend.slice(0, -'/package.json'.length);
      await prebuildFrontend(
        bundleDir,
        dir,
        options.frontendCacheDir ?? join(tmpdir(), 'stacksketch-frontend-cache'),
      );
      step(`React app built on this machine with npm, copied in as ${dir}/dist`, true);
    }
    machine = await boot(root, join(work, 'machine'), bundleDir);
    const leader = machine.leader;
    const booted = await untilBooted(leader);
    if (!step(`booted Debian 12 with systemd (${booted.state})`, booted.ok)) return { ok: false, steps };
    const install = await inside(leader, ['/bundle/install.sh', '--system-packages'], 180_000);
    if (!step('install.sh --system-packages', install.status === 0, tail(install.output, 40)))
      return { ok: false, steps };
    const again = await inside(leader, ['/bundle/install.sh', '--system-packages'], 180_000);
    step('install.sh again (idempotent)', again.status === 0, tail(again.output, 40));
    const names = hostNames(design.name);
    const units = (
      await inside(leader, ['systemctl', 'list-units', '--no-legend', '--plain', `${names.site}-*`])
    ).stdout;
    step(
      `units running: ${units
        .split('\n')
        .filter(Boolean)
        .map((line) => line.split(/\s+/).slice(0, 4).join(' '))
        .join('; ')}`,
      !/failed/.test(units),
      units,
    );
    const record = (result: ServerStep) => step(result.step, result.ok, result.detail);
    const entry = entryOf(design, plan);
    // A Type=notify unit is ready when systemctl returns; a dev server only once it listens.
    const firstGet = plan.probes.find((probe) => probe.method === 'GET')!;
    const ready = () => waitFor(async () => (await curlProbe(leader, entry, firstGet)).ok, 20_000, 300);
    await ready();
    for (const probe of plan.probes) record(await curlProbe(leader, entry, probe));
    if (entry.https) record(await keyIsPrivate(leader, entry.https.keyFile));
    if (entry.https && plan.entryTls?.redirectHttp)
      record(await redirectsToHttps(leader, plan.entryPort, entry, firstGet.path));
    const copies = units.split('\n').filter((line) => /@\d+\.service/.test(line)).length;
    if (copies > 1) record(await everyCopyAnswers(leader, entry, firstGet, copies));
    const appUnits = units
      .split('\n')
      .map((line) => line.split(/\s+/)[0] ?? '')
      .filter((unit) => unit.endsWith('.service'));
    if (appUnits.length > 0) {
      const restart = await inside(leader, ['systemctl', 'restart', ...appUnits]);
      step(`systemctl restart ${appUnits.join(' ')}`, restart.status === 0, restart.output);
      await ready();
      for (const probe of plan.probes.filter((p) => p.method === 'GET' && p.expectBody !== undefined))
        record(await curlProbe(leader, entry, probe));
    }
    const uninstall = await inside(leader, ['/bundle/uninstall.sh'], 60_000);
    step('uninstall.sh', uninstall.status === 0, tail(uninstall.output, 20));
    const leftovers = await inside(leader, [
      'sh',
      '-c',
      `ls /etc/nginx/sites-enabled/; ls /etc/systemd/system | grep -c '^${names.site}-' || true; test -d /var/lib/${names.site} && echo kept-database`,
    ]);
    step(
      'uninstall.sh removed the site and the units, kept the database',
      !leftovers.stdout.includes(`${names.site}.conf`) &&
        /^0$/m.test(leftovers.stdout) &&
        leftovers.stdout.includes('kept-database'),
      leftovers.output,
    );
    return { ok: steps.every((s) => s.ok), steps };
  } catch (error) {
    step('run', false, error instanceof Error ? error.message : String(error));
    return { ok: false, steps };
  } finally {
    await closeHost(machine, work, steps, print);
  }
}
