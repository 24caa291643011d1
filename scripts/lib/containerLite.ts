/**
 * A container-lite: what Docker gives a Compose service, made from Linux namespaces (as root).
 *
 * - Network: one network namespace per service, each with its own address on a bridge. The bridge
 *   lives in a separate "host side" namespace (the role of docker0 on a Docker host), so the real host's
 *   network is never touched. Published ports are DNAT rules in the host-side namespace.
 * - Filesystem: a private mount namespace with an overlay of / whose upper layer is a tmpfs, so writes
 *   (the app's /data folder, sockets in /run, users added to /etc/passwd) vanish with the container.
 *   The image's files (what the Dockerfile COPYs) are copied in; named volumes are host folders of the
 *   run bind-mounted at their targets (how two containers share a unix socket).
 * - Processes: a private PID namespace; killing its first process ends everything inside.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { run, runSync, shellLine, shellQuote, sleep, type RunResult } from './proc';

export const HOST_SIDE_ADDRESS_PREFIX = '10.89.0';
const NETNS_PREFIX = 'stacksketch';

export interface Network {
  /** Name of the host-side namespace (holds the bridge; the client's point of view). */
  hostSide: string;
  /** The host-side address on the bridge (like the Docker host's docker0 address). */
  hostAddress: string;
  /** Per service: its namespace and address. */
  services: Map<string, { netns: string; address: string }>;
  remove(): void;
  /** The same without blocking the event loop (signal handlers: the runner's parent waits for an answer). */
  removeAsync(): Promise<void>;
}

function netnsPath(name: string): string {
  return `/run/netns/${name}`;
}

function ip(args: string[]): void {
  const result = runSync(['ip', ...args]);
  if (result.status !== 0) throw new Error(`ip ${args.join(' ')} failed: ${result.output}`);
}

/** Remove namespaces left by an earlier run that was killed (its process id is gone). */
export function removeStaleNamespaces(): void {
  if (!existsSync('/run/netns')) return;
  for (const name of readdirSync('/run/netns')) {
    const match = new RegExp(`^${NETNS_PREFIX}-(\\d+)-`).exec(name);
    if (!match) continue;
    const pid = Number(match[1]);
    if (pid !== process.pid && !existsSync(`/proc/${pid}`)) deleteNamespace(name);
  }
}

/**
 * Kill whatever still runs in a network namespace, then delete it. A process that changed its user
 * (setpriv) loses unshare's parent-death signal, so this sweep is what guarantees nothing survives.
 */
function deleteNamespace(name: string): void {
  const pids = runSync(['ip', 'netns', 'pids', name]).stdout.split(/\s+/).filter(Boolean).map(Number);
  for (const pid of pids) {
    try {
      if (pid !== process.pid) process.kill(pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
  runSync(['ip', 'netns', 'delete', name]);
}

let networkCounter = 0;

/** One bridge in a host-side namespace and one namespace (with address) per service. */
export function createNetwork(serviceNames: string[]): Network {
  removeStaleNamespaces();
  const id = `${NETNS_PREFIX}-${process.pid}-${networkCounter++}`;
  const hostSide = `${id}-h`;
  const created: string[] = [];
  const remove = () => {
    for (const name of created.splice(0).reverse()) deleteNamespace(name);
  };
  const removeAsync = async () => {
    for (const name of created.splice(0).reverse()) {
      const pids = (await run(['ip', 'netns', 'pids', name])).stdout.split(/\s+/).filter(Boolean).map(Number);
      for (const pid of pids) {
        try {
          if (pid !== process.pid) process.kill(pid, 'SIGKILL');
        } catch {
          /* already gone */
        }
      }
      await run(['ip', 'netns', 'delete', name]);
    }
  };
  const services = new Map<string, { netns: string; address: string }>();
  try {
    ip(['netns', 'add', hostSide]);
    created.push(hostSide);
    ip(['-n', hostSide, 'link', 'set', 'lo', 'up']);
    ip(['-n', hostSide, 'link', 'add', 'br0', 'type', 'bridge']);
    ip(['-n', hostSide, 'addr', 'add', `${HOST_SIDE_ADDRESS_PREFIX}.1/24`, 'dev', 'br0']);
    ip(['-n', hostSide, 'link', 'set', 'br0', 'up']);
    serviceNames.forEach((service, index) => {
      const netns = `${id}-${index}`;
      ip(['netns', 'add', netns]);
      created.push(netns);
      const address = `${HOST_SIDE_ADDRESS_PREFIX}.${index + 2}`;
      ip([
        '-n',
        hostSide,
        'link',
        'add',
        `veth${index}`,
        'type',
        'veth',
        'peer',
        'name',
        'eth0',
        'netns',
        netns,
      ]);
      ip(['-n', hostSide, 'link', 'set', `veth${index}`, 'master', 'br0', 'up']);
      ip(['-n', netns, 'link', 'set', 'lo', 'up']);
      ip(['-n', netns, 'addr', 'add', `${address}/24`, 'dev', 'eth0']);
      ip(['-n', netns, 'link', 'set', 'eth0', 'up']);
      ip(['-n', netns, 'route', 'add', 'default', 'via', `${HOST_SIDE_ADDRESS_PREFIX}.1`]);
      // Docker lets non-root processes in a container bind ports below 1024.
      inNetns(netns, ['sysctl', '-q', '-w', 'net.ipv4.ip_unprivileged_port_start=0']);
      services.set(service, { netns, address });
    });
  } catch (error) {
    remove();
    throw error;
  }
  return { hostSide, hostAddress: `${HOST_SIDE_ADDRESS_PREFIX}.1`, services, remove, removeAsync };
}

function inNetns(netns: string, argv: string[]): RunResult {
  return runSync(['nsenter', `--net=${netnsPath(netns)}`, ...argv]);
}

/** argv that runs a command on the host side (the client's point of view). */
export function hostSideCommand(network: Network, argv: string[]): string[] {
  return ['nsenter', `--net=${netnsPath(network.hostSide)}`, ...argv];
}

/**
 * Publish `hostPort` on the host-side address to `address:containerPort` (what `ports: - "80:80"`
 * does). Returns false when nftables is not usable; callers then reach the container address directly.
 */
export function publishPort(
  network: Network,
  hostPort: number,
  address: string,
  containerPort: number,
): boolean {
  const nft = (rule: string) =>
    runSync(['nsenter', `--net=${netnsPath(network.hostSide)}`, 'nft', rule]).status === 0;
  if (!nft('add table ip stacksketch_publish')) return false;
  if (!nft('add chain ip stacksketch_publish out { type nat hook output priority -100 ; }')) return false;
  return nft(
    `add rule ip stacksketch_publish out ip daddr ${network.hostAddress} tcp dport ${hostPort} dnat to ${address}:${containerPort}`,
  );
}

export interface UserSpec {
  name: string;
  uid: number;
  gid: number;
}

export interface ContainerSpec {
  /** Compose service name: also the hostname. */
  name: string;
  /** The service's network namespace; null: a private, empty one (static checks). */
  netns: string | null;
  /** Empty host folder: the container's tmpfs (overlay upper layer) is mounted here, privately. */
  fsDir: string;
  /** Host folder whose tree is copied onto / (the files the Dockerfile COPYs, at their image paths). */
  stageDir: string;
  /** /etc/hosts of the container: compose service names → addresses. */
  hosts: string;
  /** Users and groups the image has (created in the overlay unless the name exists). */
  users: UserSpec[];
  /** Shell lines run as root inside the container before the command: the rest of the image's set-up. */
  provision: string[];
  /** Named volumes: host folder → target path. */
  volumes: { hostDir: string; target: string; file?: boolean }[];
  workdir: string;
  env: Record<string, string>;
  /** The user the command runs as (null: root, like the nginx image whose master drops privileges itself). */
  runAs: string | null;
  command: string[];
  /** File receiving the container's stdout and stderr. */
  logFile: string;
}

const IMAGE_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

function envArgs(spec: ContainerSpec, home: string): string[] {
  const env: Record<string, string> = { PATH: IMAGE_PATH, HOSTNAME: spec.name, HOME: home, ...spec.env };
  return Object.entries(env).map(([key, value]) => `${key}=${value}`);
}

/** The command line that runs argv inside the (chrooted) container as its user, with its environment. */
function userCommand(spec: ContainerSpec, argv: string[], asUser: string | null): string[] {
  const user = asUser === null ? undefined : spec.users.find((candidate) => candidate.name === asUser);
  const drop =
    asUser === null
      ? []
      : [
          'setpriv',
          `--reuid=${user?.uid ?? asUser}`,
          `--regid=${user?.gid ?? asUser}`,
          '--init-groups',
          '--',
        ];
  return ['env', '-i', ...envArgs(spec, asUser === null ? '/root' : '/nonexistent'), ...drop, ...argv];
}

function insideScript(spec: ContainerSpec, argv: string[]): string {
  const lines = ['set -eu'];
  for (const user of spec.users) {
    lines.push(
      `getent group ${shellQuote(user.name)} >/dev/null || groupadd -o -g ${user.gid} ${shellQuote(user.name)}`,
      `getent passwd ${shellQuote(user.name)} >/dev/null || useradd -o ${user.uid < 1000 ? '-r ' : ''}-u ${user.uid} -g ${user.gid} -M -d /nonexistent -s /usr/sbin/nologin ${shellQuote(user.name)}`,
    );
  }
  lines.push(...spec.provision);
  lines.push(`cd ${shellQuote(spec.workdir)}`);
  lines.push(`exec ${shellLine(userCommand(spec, argv, spec.runAs))}`);
  return lines.join('\n');
}

/** The script run in the new mount namespace: overlay root, image files, volumes, hosts, then chroot. */
function containerScript(spec: ContainerSpec, argv: string[]): string {
  const root = `${spec.fsDir}/root`;
  const q = shellQuote;
  const lines = [
    'set -eu',
    'mount --make-rprivate /',
    `mount -t tmpfs -o mode=0755 stacksketch ${q(spec.fsDir)}`,
    `mkdir ${q(`${spec.fsDir}/upper`)} ${q(`${spec.fsDir}/work`)} ${q(root)}`,
    `mount -t overlay overlay -o lowerdir=/,upperdir=${q(`${spec.fsDir}/upper`)},workdir=${q(`${spec.fsDir}/work`)} ${q(root)}`,
    `mount --rbind /dev ${q(`${root}/dev`)}`,
    `mount -t tmpfs -o mode=1777 shm ${q(`${root}/dev/shm`)}`,
    `mount -t proc proc ${q(`${root}/proc`)}`,
    `mount -t tmpfs -o mode=0755 run ${q(`${root}/run`)}`,
    `mount -t tmpfs -o mode=1777 tmp ${q(`${root}/tmp`)}`,
    `cp -a ${q(`${spec.stageDir}/.`)} ${q(`${root}/`)}`,
    `printf '%s' ${q(spec.hosts)} > ${q(`${root}/etc/hosts`)}`,
    `printf '%s\\n' ${q(spec.name)} > ${q(`${root}/etc/hostname`)}`,
    `hostname ${q(spec.name)}`,
  ];
  for (const volume of spec.volumes) {
    // A single host file (a bind-mounted certificate) needs a file to mount over, not a folder.
    const target = `${root}${volume.target}`;
    lines.push(
      volume.file ? `mkdir -p "$(dirname ${q(target)})" && touch ${q(target)}` : `mkdir -p ${q(target)}`,
      `mount --bind ${q(volume.hostDir)} ${q(target)}`,
    );
  }
  lines.push(`exec chroot ${q(root)} /bin/sh -c ${q(insideScript(spec, argv))}`);
  return lines.join('\n');
}

function namespaceArgv(spec: ContainerSpec, argv: string[]): string[] {
  return [
    // If this test process dies, the container's namespaces die with it.
    'setpriv',
    '--pdeathsig',
    'KILL',
    ...(spec.netns === null ? [] : ['nsenter', `--net=${netnsPath(spec.netns)}`]),
    'unshare',
    ...(spec.netns === null ? ['--net'] : []),
    '--mount',
    '--pid',
    '--uts',
    '--ipc',
    '--fork',
    '--kill-child',
    'sh',
    '-c',
    containerScript(spec, argv),
  ];
}

export interface RunningContainer {
  spec: ContainerSpec;
  child: ChildProcess;
  exited: boolean;
  exitCode: number | null;
  /** Host PID of the container's first process (PID 1 inside), once known. */
  initPid(): number | null;
  /** Run a command inside the running container (its namespaces, root, environment) as `asUser`. */
  exec(argv: string[], asUser: string | null, timeoutMs?: number): Promise<RunResult>;
  /** Like `docker stop`: SIGTERM, a short grace period, then SIGKILL of the whole PID namespace. */
  stop(): Promise<void>;
  log(): string;
}

export function startContainer(spec: ContainerSpec): RunningContainer {
  const logFd = openSync(spec.logFile, 'a');
  const argv = namespaceArgv(spec, spec.command);
  const child = spawn(argv[0]!, argv.slice(1), {
    stdio: ['ignore', logFd, logFd],
    detached: true,
  });
  closeSync(logFd);
  let knownInit: number | null = null;
  const container: RunningContainer = {
    spec,
    child,
    exited: false,
    exitCode: null,
    initPid() {
      if (child.pid === undefined || container.exited) return null;
      if (knownInit !== null) return knownInit;
      try {
        const children = readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').trim();
        const first = Number(children.split(/\s+/)[0]);
        // PID 1 of the namespace keeps its number through the set-up shell's exec into the command.
        if (Number.isInteger(first) && first > 0) knownInit = first;
        return Number.isInteger(first) && first > 0 ? first : null;
      } catch {
        return null;
      }
    },
    async exec(argv, asUser, timeoutMs = 15000) {
      const pid = container.initPid();
      if (pid === null)
        return {
          status: 125,
          stdout: '',
          stderr: 'container is not running',
          output: 'container is not running',
        };
      return run(
        [
          'nsenter',
          '-t',
          String(pid),
          '--mount',
          '--uts',
          '--ipc',
          '--net',
          '--pid',
          '--root',
          '--wd',
          ...userCommand(spec, argv, asUser),
        ],
        { timeoutMs },
      );
    },
    async stop() {
      if (container.exited || child.pid === undefined) return;
      const pid = container.initPid();
      if (pid !== null) {
        try {
          process.kill(pid, 'SIGTERM');
        } catch {
          /* already gone */
        }
      }
      for (let i = 0; i < 20 && !container.exited; i++) await sleep(100);
      if (!container.exited) {
        killNow([container]);
        for (let i = 0; i < 30 && !container.exited; i++) await sleep(100);
      }
    },
    log() {
      try {
        return readFileSync(spec.logFile, 'utf8');
      } catch {
        return '';
      }
    },
  };
  child.on('exit', (code, signal) => {
    container.exited = true;
    container.exitCode = code ?? (signal ? 128 : null);
  });
  child.on('error', () => {
    container.exited = true;
    container.exitCode = 127;
  });
  return container;
}

/**
 * Run one command in a fresh container and wait for it (static checks: nginx -t, --check-config, …).
 * Output goes through a file, as a container runtime's log pipe would: nginx opens /dev/stderr, which
 * fails on the socket pairs Node uses for pipes.
 */
export async function runOnce(spec: ContainerSpec, argv: string[], timeoutMs = 60000): Promise<RunResult> {
  const outputFile = `${spec.fsDir}.output`;
  const fd = openSync(outputFile, 'w');
  const child = spawn(namespaceArgv(spec, argv)[0]!, namespaceArgv(spec, argv).slice(1), {
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  const status = await new Promise<number>((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', () => {
      clearTimeout(timer);
      resolve(127);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve(code ?? 137);
    });
  });
  const output = readFileSync(outputFile, 'utf8').trim();
  rmSync(outputFile, { force: true });
  return { status, stdout: output, stderr: '', output };
}

/** Kill every container synchronously (for exit and signal handlers, where nothing async may run). */
export function killNow(containers: RunningContainer[]): void {
  for (const container of containers) {
    if (container.exited || container.child.pid === undefined) continue;
    // SIGKILL to PID 1 of the namespace ends every process in it; then unshare itself.
    for (const pid of [container.initPid(), container.child.pid]) {
      try {
        if (pid !== null) process.kill(pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
  }
}
