/**
 * Start a generated bundle on this machine "as docker compose would", each service in its own
 * container-lite (see containerLite.ts), and stop it again. Used by `npm run smoke`, the bundle
 * checks and the benchmark of the generated stack:
 *
 *   const stack = await startDesign(loadTemplate('gunicorn-flask-sqlite'));
 *   try {
 *     await run(stack.hostSideCommand(['wrk', '-c', '50', '-d', '10s', `${stack.entryUrl}/api/items`]));
 *   } finally {
 *     await stack.stop();
 *   }
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  writeFileSync,
  chownSync,
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Design } from '../../src/model/design';
import type { DeploymentPlan, Listener, PlannedService } from '../../src/exporters/planTypes';
import { writeBundle, makeTempDir } from './bundle';
import {
  createNetwork,
  hostSideCommand,
  killNow,
  publishPort,
  startContainer,
  type ContainerSpec,
  type Network,
  type RunningContainer,
  type UserSpec,
} from './containerLite';
import { readImageFacts, type ImageFacts } from './dockerfile';
import { run, waitFor } from './proc';
import { makeTestCertificate } from './testCertificate';
import { requireTools } from './tools';

/** What the official nginx image has: user and group "nginx" with id 101. */
export const NGINX_IMAGE_USER: UserSpec = { name: 'nginx', uid: 101, gid: 101 };

export interface Stack {
  plan: DeploymentPlan;
  bundleDir: string;
  /** The published entry, as a client on the Docker host would call it (http://host-side-address:port). */
  entryUrl: string;
  /** Prefix argv so the command runs on the host side of the stack's network (curl, wrk, …). */
  hostSideCommand(argv: string[]): string[];
  containers: RunningContainer[];
  /** Each service's address on the stack's network (reachable from the host side, e.g. app:5000 directly). */
  addresses: Map<string, string>;
  /** Problems seen while starting (a container that exited, a healthcheck that never passed). */
  startupProblems: string[];
  /**
   * With HTTPS at the entry: its published address under the certificate's name (curl's --resolve
   * maps the name to it) and the certificate nginx served at start, the trust anchor of every check.
   */
  https?: TlsEntry;
  /** Each service's log (stdout + stderr: nginx error and access logs, gunicorn/uWSGI/Flask output). */
  logs(): { service: string; text: string }[];
  /** Stop every container, remove the namespaces and the run folder; returns container PIDs that survived (none). */
  stop(): Promise<number[]>;
}

export interface TlsEntry {
  /** Like https://localhost:443 */
  url: string;
  /** curl --resolve NAME:PORT:ADDRESS, so the name on the certificate reaches the published port. */
  resolve: string;
  host: string;
  port: number;
  /** The published address the name resolves to. */
  address: string;
  /** A file holding the certificate nginx serves (PEM), for curl --cacert. */
  caFile: string;
}

/** The name a check calls the site by: the certificate's first name (a wildcard's "www" host). */
export function tlsHostName(domains: readonly string[]): string {
  const first = domains[0] ?? 'localhost';
  return first.startsWith('*.') ? `www.${first.slice(2)}` : first;
}

/**
 * The user's own certificate and key (tls "files"): what the Docker host would hold at those paths,
 * made here as a self-signed pair for the server's names, and bind-mounted like compose does.
 */
function hostFileVolumes(
  service: PlannedService,
  workDir: string,
): { hostDir: string; target: string; file: boolean }[] {
  if (!service.hostFiles || service.runs.kind !== 'web') return [];
  const volumes: { hostDir: string; target: string; file: boolean }[] = [];
  for (const server of service.runs.servers) {
    const tls = server.tls;
    if (tls?.mode !== 'files') continue;
    const dir = join(workDir, 'host-files', server.node.replace(/[^A-Za-z0-9_-]/g, '_'));
    mkdirSync(dir, { recursive: true });
    const cert = join(dir, 'cert.pem');
    const key = join(dir, 'key.pem');
    makeTestCertificate(tls.domains, cert, key);
    volumes.push({ hostDir: cert, target: tls.certificate, file: true });
    volumes.push({ hostDir: key, target: tls.key, file: true });
  }
  return volumes;
}

export interface StackOptions {
  /** Progress lines (building the frontend, starting services). */
  progress?: (line: string) => void;
  /** Keep the run folder (bundle, logs, volumes) after stop, for inspection. */
  keep?: boolean;
  /** Where frontend node_modules are cached between runs, keyed by package.json. */
  frontendCacheDir?: string;
}

const active = new Set<{
  containers: RunningContainer[];
  network: Network | null;
  runDir: string;
  keep: boolean;
}>();
let handlersInstalled = false;

/** On Ctrl-C or exit, end every container and namespace this process started, synchronously. */
function installCleanupHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  const cleanAll = () => {
    for (const entry of active) {
      killNow(entry.containers);
      entry.network?.remove();
      if (!entry.keep) removeDir(entry.runDir);
    }
    active.clear();
  };
  process.on('exit', cleanAll);
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      process.stderr.write(`\nstopping the stack (${signal})\n`);
      // Asynchronous on purpose: a wrapper (tsx, npm) that gets no answer while we block would SIGKILL us.
      void (async () => {
        for (const entry of active) {
          killNow(entry.containers);
          await entry.network?.removeAsync();
          entry.network = null;
          if (!entry.keep)
            await rm(entry.runDir, { recursive: true, force: true, maxRetries: 3 }).catch(() => {});
        }
        active.clear();
        process.exit(130);
      })();
    });
  }
  removeStaleRunDirs();
}

/** Run folders of earlier runs that were killed outright (their process is gone). */
function removeStaleRunDirs(): void {
  for (const name of readdirSync(tmpdir())) {
    const match = /^stacksketch-run-(\d+)-/.exec(name);
    if (match && Number(match[1]) !== process.pid && !existsSync(`/proc/${match[1]}`))
      removeDir(join(tmpdir(), name));
  }
}

function isZombie(pid: number): boolean {
  try {
    return /^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return true;
  }
}

function removeDir(dir: string): void {
  try {
    rmSync(dir, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 });
  } catch (error) {
    process.stderr.write(
      `could not remove ${dir}: ${error instanceof Error ? error.message : String(error)}\n`,
    );
  }
}

/** Export the design into a fresh run folder and start it. */
export async function startDesign(design: Design, options: StackOptions = {}): Promise<Stack> {
  const runDir = makeTempDir(`run-${process.pid}`);
  try {
    const bundle = writeBundle(design, join(runDir, 'bundle'));
    return await startBundle(bundle.dir, bundle.plan, { ...options, runDir });
  } catch (error) {
    if (!options.keep) rmSync(runDir, { recursive: true, force: true });
    throw error;
  }
}

function topologicalOrder(services: PlannedService[]): PlannedService[] {
  const byName = new Map(services.map((service) => [service.name, service]));
  const ordered: PlannedService[] = [];
  const seen = new Set<string>();
  const visit = (service: PlannedService, path: Set<string>) => {
    if (seen.has(service.name) || path.has(service.name)) return;
    path.add(service.name);
    for (const dependency of service.dependsOn) {
      const target = byName.get(dependency);
      if (target) visit(target, path);
    }
    seen.add(service.name);
    ordered.push(service);
  };
  for (const service of services) visit(service, new Set());
  return ordered;
}

/** `.env` as `make up` creates it from `.env.example`: SECRET_KEY gets a random value. */
function dotEnv(bundleDir: string): Record<string, string> {
  const file = join(bundleDir, '.env.example');
  const values: Record<string, string> = {};
  if (!existsSync(file)) return values;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line.trim());
    if (match) values[match[1]!] = match[1] === 'SECRET_KEY' ? randomBytes(32).toString('hex') : match[2]!;
  }
  return values;
}

interface ComposeService {
  healthcheck?: { test?: string[] | string; disable?: boolean };
}

function composeServices(bundleDir: string): Record<string, ComposeService> {
  const file = join(bundleDir, 'docker-compose.yml');
  if (!existsSync(file)) return {};
  const parsed = parseYaml(readFileSync(file, 'utf8')) as {
    services?: Record<string, ComposeService>;
  } | null;
  return parsed?.services ?? {};
}

/** Copy a bundle path into the image's staging tree with Docker COPY's semantics. */
function stageCopy(source: string, stageDir: string, target: string): void {
  const destination = join(stageDir, target);
  if (statSync(source).isDirectory()) {
    mkdirSync(destination, { recursive: true });
    cpSync(source, destination, { recursive: true });
    return;
  }
  const file = target.endsWith('/') ? join(destination, source.split('/').at(-1)!) : destination;
  mkdirSync(dirname(file), { recursive: true });
  copyFileSync(source, file);
}

function cleanNpmEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    // The outer `npm run` leaks its own package's settings; the build stage is a separate project.
    if (
      /^npm_(lifecycle|package|command|config_(prefix|global|local_prefix))/i.test(key) ||
      key === 'INIT_CWD'
    )
      continue;
    env[key] = value;
  }
  return env;
}

/** The multi-stage build: run the stage's commands in a copy of its folder, with a node_modules cache. */
async function runBuildStage(
  bundleDir: string,
  service: PlannedService,
  workDir: string,
  stageDir: string,
  options: StackOptions,
): Promise<void> {
  const stage = service.buildStage!;
  const buildDir = join(workDir, 'build', service.name);
  cpSync(join(bundleDir, stage.dir), buildDir, { recursive: true });
  const packageJson = join(buildDir, 'package.json');
  const key = existsSync(packageJson)
    ? createHash('sha256').update(readFileSync(packageJson)).digest('hex').slice(0, 16)
    : null;
  const cacheRoot = options.frontendCacheDir ?? join(tmpdir(), 'stacksketch-frontend-cache');
  const cached = key ? join(cacheRoot, key, 'node_modules') : null;
  if (cached && existsSync(cached)) {
    try {
      renameSync(cached, join(buildDir, 'node_modules'));
      options.progress?.(`build ${service.name}: reusing node_modules for package.json ${key}`);
    } catch {
      /* another run holds the cache: build without it */
    }
  }
  for (const command of stage.commands) {
    options.progress?.(`build ${service.name}: ${command.join(' ')}`);
    const result = await run(command, { cwd: buildDir, env: cleanNpmEnv(), timeoutMs: 8 * 60 * 1000 });
    if (result.status !== 0)
      throw new Error(
        `build stage of ${service.name} failed: ${command.join(' ')} (exit ${result.status})\n${result.output}`,
      );
  }
  const output = join(buildDir, stage.output);
  if (!existsSync(output)) throw new Error(`build stage of ${service.name} produced no ${stage.output}/`);
  stageCopy(output, stageDir, stage.to.endsWith('/') ? stage.to : `${stage.to}/`);
  if (cached && existsSync(join(buildDir, 'node_modules'))) {
    rmSync(cached, { recursive: true, force: true });
    mkdirSync(dirname(cached), { recursive: true });
    renameSync(join(buildDir, 'node_modules'), cached);
  }
}

function imageUsers(service: PlannedService, facts: ImageFacts): UserSpec[] {
  if (service.image === 'web') return [NGINX_IMAGE_USER];
  const users: UserSpec[] = [];
  for (const [name, user] of Object.entries(facts.users)) {
    const uid = user.uid ?? (user.system ? 999 : 1000);
    users.push({ name, uid, gid: user.gid ?? uid });
  }
  if (!users.some((user) => user.name === service.user) && service.user !== 'root')
    users.push({ name: service.user, uid: 1000, gid: 1000 });
  return users;
}

/** The rest of what the image provides, as shell lines run as root inside the container. */
export function provision(service: PlannedService, facts: ImageFacts, users: UserSpec[]): string[] {
  const lines: string[] = [];
  if (service.image === 'web') {
    // The official image: a cache folder, logs to the container's stdout/stderr, no Debian site files.
    lines.push(
      'mkdir -p /var/cache/nginx /var/log/nginx',
      'ln -sf /dev/stdout /var/log/nginx/access.log',
      'ln -sf /dev/stderr /var/log/nginx/error.log',
      'rm -f /etc/nginx/sites-enabled/*',
    );
  } else {
    // The python image's interpreter, with the requirements pip-installed (Debian's Flask, Gunicorn, uWSGI).
    lines.push(
      'ln -sf /usr/bin/python3 /usr/local/bin/python',
      'ln -sf /usr/bin/python3 /usr/local/bin/python3',
    );
  }
  lines.push(`mkdir -p '${service.workdir.replace(/'/g, '')}'`);
  const volumeTargets = new Set(service.mounts.map((mount) => mount.target.replace(/\/+$/, '')));
  for (const [path, owner] of Object.entries(facts.chowned)) {
    if (volumeTargets.has(path.replace(/\/+$/, ''))) continue;
    const [user, group] = owner.split(':');
    const uid = users.find((candidate) => candidate.name === user)?.uid ?? user;
    const gid = users.find((candidate) => candidate.name === (group ?? user))?.gid ?? group ?? uid;
    lines.push(`mkdir -p '${path.replace(/'/g, '')}' && chown ${uid}:${gid} '${path.replace(/'/g, '')}'`);
  }
  return lines;
}

export function provisionFor(prepared: PreparedService): string[] {
  return provision(prepared.service, prepared.facts, prepared.users);
}

/** A new named volume takes the ownership of the image's folder at the mount target (if the image has it). */
function initVolume(hostDir: string, target: string, facts: ImageFacts, users: UserSpec[]): void {
  const owner = facts.chowned[target] ?? facts.chowned[`${target}/`];
  if (!owner) return;
  const [userName, groupName] = owner.split(':');
  const user = users.find((candidate) => candidate.name === userName);
  const uid = user?.uid ?? Number(userName);
  const gid = users.find((candidate) => candidate.name === (groupName ?? userName))?.gid ?? user?.gid ?? uid;
  if (Number.isInteger(uid) && Number.isInteger(gid)) chownSync(hostDir, uid, gid);
}

/** The container command: the plan's command, with what the pip-installed image has built in. */
export function containerCommand(service: PlannedService): string[] {
  const command = service.command;
  // `sh -c '… && exec "$@"' NAME SERVER…`: a project's start-up, then the server's own words.
  const wrapped = command[0] === 'sh' && command[1] === '-c' && /exec "\$@"$/.test(command[2] ?? '');
  const head = wrapped ? command.slice(0, 4) : [];
  const [program, ...rest] = wrapped ? command.slice(4) : command;
  // Debian's uWSGI loads Python as a plugin; the pip-installed one has it built in. Never in the ini.
  if (program === 'uwsgi') return [...head, 'uwsgi', '--plugin', 'python3', ...rest];
  return [...command];
}

export interface PreparedService {
  service: PlannedService;
  facts: ImageFacts;
  users: UserSpec[];
  stageDir: string;
  fsDir: string;
  env: Record<string, string>;
  runAs: string | null;
}

/** Stage one service's image (copies, build stage) and read the Dockerfile facts. */
export async function prepareService(
  bundleDir: string,
  service: PlannedService,
  workDir: string,
  options: StackOptions = {},
): Promise<PreparedService> {
  const stageDir = join(workDir, 'images', service.name);
  const fsDir = join(workDir, 'containers', service.name);
  mkdirSync(stageDir, { recursive: true });
  mkdirSync(fsDir, { recursive: true });
  for (const copy of service.copies) stageCopy(join(bundleDir, copy.from), stageDir, copy.to);
  if (service.buildStage) await runBuildStage(bundleDir, service, workDir, stageDir, options);
  const dockerfile = join(bundleDir, service.buildDir, 'Dockerfile');
  const facts = readImageFacts(existsSync(dockerfile) ? readFileSync(dockerfile, 'utf8') : '');
  const users = imageUsers(service, facts);
  const imageEnv: Record<string, string> = service.image === 'python' ? { LANG: 'C.UTF-8' } : {};
  const dotenv = dotEnv(bundleDir);
  const env: Record<string, string> = { ...imageEnv, ...facts.env };
  for (const [key, value] of Object.entries(service.env))
    env[key] = value === '' && dotenv[key] ? dotenv[key] : value;
  const runAs = service.image === 'web' ? null : (facts.user ?? null);
  return { service, facts, users, stageDir, fsDir, env, runAs };
}

export function hostsFile(addresses: Map<string, string>): string {
  const lines = ['127.0.0.1\tlocalhost', '::1\tlocalhost ip6-localhost ip6-loopback'];
  for (const [name, address] of addresses) lines.push(`${address}\t${name}`);
  return `${lines.join('\n')}\n`;
}

async function listenerReady(
  container: RunningContainer,
  network: Network,
  address: string,
  listener: Listener,
): Promise<boolean> {
  if (listener.kind === 'unix')
    return (await container.exec(['test', '-S', listener.path], null, 5000)).status === 0;
  // Reachable from another container (a server bound to 127.0.0.1 only would not be).
  const probe = await run(
    hostSideCommand(network, ['bash', '-c', `exec 3<>/dev/tcp/${address}/${listener.port}`]),
    { timeoutMs: 3000 },
  );
  return probe.status === 0;
}

/** Wait like `depends_on: condition: service_healthy`: the compose healthcheck, else the listeners. */
async function waitHealthy(
  prepared: PreparedService,
  container: RunningContainer,
  network: Network,
  address: string,
  compose: ComposeService | undefined,
): Promise<string | null> {
  const test = compose?.healthcheck?.disable ? undefined : compose?.healthcheck?.test;
  let command: string[] | null = null;
  if (Array.isArray(test) && test[0] === 'CMD') command = test.slice(1);
  else if (Array.isArray(test) && test[0] === 'CMD-SHELL')
    command = ['/bin/sh', '-c', test.slice(1).join(' ')];
  else if (typeof test === 'string') command = ['/bin/sh', '-c', test];
  let lastOutput = '';
  let healthcheckMissing = false;
  const ok = await waitFor(
    async () => {
      if (container.exited) return true;
      if (command && !healthcheckMissing) {
        const result = await container.exec(command, prepared.runAs, 6000);
        if (result.status === 127 && /No such file|not found/i.test(result.output)) healthcheckMissing = true;
        else {
          lastOutput = result.output;
          return result.status === 0;
        }
      }
      for (const listener of prepared.service.listens)
        if (!(await listenerReady(container, network, address, listener))) return false;
      return true;
    },
    30000,
    200,
  );
  if (container.exited)
    return `${prepared.service.name} exited with status ${container.exitCode} while starting`;
  if (!ok)
    return `${prepared.service.name} did not become healthy within 30 s${command ? ` (healthcheck: ${command.join(' ')}${lastOutput ? ` → ${lastOutput.split('\n')[0]}` : ''})` : ''}`;
  return null;
}

/** Start every service of a written bundle, in dependency order, and publish the entry port. */
export async function startBundle(
  bundleDir: string,
  deployment: DeploymentPlan,
  options: StackOptions & { runDir?: string } = {},
): Promise<Stack> {
  requireTools(['ip', 'nsenter', 'unshare', 'setpriv', 'curl', 'nginx', 'gunicorn', 'uwsgi', 'python3']);
  installCleanupHandlers();
  const runDir = options.runDir ?? makeTempDir(`run-${process.pid}`);
  const workDir = join(runDir, 'work');
  const entry = {
    containers: [] as RunningContainer[],
    network: null as Network | null,
    runDir,
    keep: !!options.keep,
  };
  active.add(entry);
  const stop = async () => {
    const inits = entry.containers.map((container) => container.initPid()).filter((pid) => pid !== null);
    for (const container of [...entry.containers].reverse()) await container.stop();
    entry.network?.remove();
    entry.network = null;
    if (!options.keep) removeDir(runDir);
    active.delete(entry);
    // A container's PID 1 still alive after stop would be a leak (its namespace would live on).
    return inits.filter((pid) => existsSync(`/proc/${pid}`) && !isZombie(pid));
  };
  try {
    const ordered = topologicalOrder(deployment.services);
    const prepared: PreparedService[] = [];
    for (const service of ordered) prepared.push(await prepareService(bundleDir, service, workDir, options));
    const network = createNetwork(ordered.map((service) => service.name));
    entry.network = network;
    const addresses = new Map([...network.services].map(([name, value]) => [name, value.address]));
    const hosts = hostsFile(addresses);
    const volumeDirs = new Map<string, string>();
    for (const volume of deployment.volumes) {
      const dir = join(workDir, 'volumes', volume.name);
      mkdirSync(dir, { recursive: true });
      volumeDirs.set(volume.name, dir);
    }
    const initialized = new Set<string>();
    const compose = composeServices(bundleDir);
    const logDir = join(runDir, 'logs');
    mkdirSync(logDir, { recursive: true });
    const startupProblems: string[] = [];
    for (const item of prepared) {
      const { service } = item;
      const volumes: ContainerSpec['volumes'] = [];
      for (const mount of service.mounts) {
        let hostDir = volumeDirs.get(mount.volume);
        if (!hostDir) {
          hostDir = join(workDir, 'volumes', mount.volume);
          mkdirSync(hostDir, { recursive: true });
          volumeDirs.set(mount.volume, hostDir);
        }
        if (!initialized.has(mount.volume)) {
          initialized.add(mount.volume);
          initVolume(hostDir, mount.target.replace(/\/+$/, ''), item.facts, item.users);
        }
        volumes.push({ hostDir, target: mount.target });
      }
      volumes.push(...hostFileVolumes(service, workDir));
      const own = network.services.get(service.name)!;
      const spec: ContainerSpec = {
        name: service.name,
        netns: own.netns,
        fsDir: item.fsDir,
        stageDir: item.stageDir,
        hosts,
        users: item.users,
        provision: provision(service, item.facts, item.users),
        volumes,
        workdir: service.workdir,
        env: item.env,
        runAs: item.runAs,
        command: containerCommand(service),
        logFile: join(logDir, `${service.name}.log`),
      };
      options.progress?.(`start ${service.name} (${own.address}): ${spec.command.join(' ')}`);
      const container = startContainer(spec);
      entry.containers.push(container);
      const problem = await waitHealthy(item, container, network, own.address, compose[service.name]);
      if (problem) {
        startupProblems.push(problem);
        options.progress?.(problem);
      }
    }
    let entryUrl = '';
    for (const service of deployment.services) {
      const address = network.services.get(service.name)!.address;
      for (const port of service.published) {
        const published = publishPort(network, port.host, address, port.container);
        if (port.host === deployment.entryPort)
          entryUrl = published
            ? `http://${network.hostAddress}:${port.host}`
            : `http://${address}:${port.container}`;
      }
    }
    if (!entryUrl) throw new Error('the plan publishes no entry port: nothing a client could call');
    // Ready when the published port accepts connections (an HTTP request could wait on a broken upstream).
    const entryAddress = new URL(entryUrl);
    const reachable = await waitFor(async () => {
      const probe = await run(
        hostSideCommand(network, [
          'bash',
          '-c',
          `exec 3<>/dev/tcp/${entryAddress.hostname}/${entryAddress.port || 80}`,
        ]),
        { timeoutMs: 3000 },
      );
      return probe.status === 0;
    }, 15000);
    if (!reachable) startupProblems.push(`nothing answers at the published entry ${entryUrl}`);
    const https = deployment.entryTls
      ? await tlsEntry(deployment, entry.containers, network, join(runDir, 'entry-ca.pem'))
      : undefined;
    if (deployment.entryTls && !https)
      startupProblems.push('the entry serves HTTPS, but its certificate could not be read');
    return {
      ...(https ? { https } : {}),
      plan: deployment,
      bundleDir,
      entryUrl,
      hostSideCommand: (argv) => hostSideCommand(network, argv),
      containers: entry.containers,
      addresses,
      startupProblems,
      logs: () =>
        entry.containers.map((container) => ({ service: container.spec.name, text: container.log() })),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The HTTPS entry of a started stack: its published address and the certificate nginx serves. */
async function tlsEntry(
  deployment: DeploymentPlan,
  containers: readonly RunningContainer[],
  network: Network,
  caFile: string,
): Promise<TlsEntry | undefined> {
  const tls = deployment.entryTls!;
  const web = deployment.services.find(
    (service) => service.runs.kind === 'web' && service.runs.servers.some((server) => server.tls === tls),
  );
  const container = containers.find((candidate) => candidate.spec.name === web?.name);
  if (!web || !container) return undefined;
  const read = await container.exec(['cat', tls.certificate], null, 5000);
  if (read.status !== 0 || !read.output.includes('BEGIN CERTIFICATE')) return undefined;
  writeFileSync(caFile, read.output.slice(read.output.indexOf('-----BEGIN')));
  const own = network.services.get(web.name)!.address;
  const published = web.published.some((port) => port.host === tls.port);
  const address = published ? network.hostAddress : own;
  const host = tlsHostName(tls.domains);
  return {
    url: `https://${host}:${tls.port}`,
    resolve: `${host}:${tls.port}:${address}`,
    host,
    port: tls.port,
    address,
    caFile,
  };
}

/** Files under a folder (relative paths), for messages about what a build produced. */
export function listFiles(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? listFiles(join(dir, entry.name), `${prefix}${entry.name}/`)
      : [`${prefix}${entry.name}`],
  );
}
