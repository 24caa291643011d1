/**
 * `npm run smoke -- FILE --target kubernetes`: the kubernetes bundle run for real from what its
 * manifests declare, without a cluster. Each Pod (every replica of every Deployment or StatefulSet)
 * gets a network namespace of its own; its init containers run to their end first, in order (the
 * app's image filling nginx's static files); each of its containers a container-lite (containerLite.ts)
 * in that namespace, started with the manifest's command, working directory, user, environment
 * (values, the Secret kustomize would generate from .env, the Pod's name), ConfigMaps mounted at their
 * mountPath, emptyDir and volume-claim folders, and a read-only root filesystem. A Service is a
 * virtual address whose connections are spread over its ready Pods (nftables, as kube-proxy does),
 * and its name resolves to that address in every Pod. The hops are then curled through the
 * LoadBalancer Service of the entry nginx (the plan's probes: the page, the API, a static file);
 * with replicas, every Pod copy must answer through its Service.
 * The images are the bundle's own build folders, staged as the compose smoke stages them.
 */
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  copyFileSync,
  lstatSync,
  mkdirSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import type { Design } from '../../src/model/design';
import { generate } from '../../src/exporters/generate';
import { oneServicePerBuild } from '../../src/exporters/plan';
import type { DeploymentPlan, PlannedService } from '../../src/exporters/planTypes';
import { loadTemplate, TEMPLATE_IDS } from '../../src/model/templates';
import { hasErrors, hasInputErrors, validate } from '../../src/validation/validate';
import { makeTempDir, writeFiles } from './bundle';
import {
  createNetwork,
  hostSideCommand,
  killNow,
  type ContainerSpec,
  type Network,
  type RunningContainer,
} from './containerLite';
import { readManifests, type Manifests } from './k8sChecks';
import { runProbes } from './probes';
import { run, runSync, waitFor } from './proc';
import { makeTestCertificate } from './testCertificate';
import {
  containerCommand,
  prepareService,
  provision,
  tlsHostName,
  type PreparedService,
  type TlsEntry,
} from './stack';
import {
  clusterPlan,
  tlsSecretsOfCluster,
  type TlsSecret,
} from '../../src/exporters/targets/kubernetes/cluster';
import { setNodeProps } from '../../src/model/edit';
import { isApp } from '../../src/nodes/registry';
import { runOnce, startContainer } from './containerLite';
import { requireTools } from './tools';

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface K8sSmokeStep {
  name: string;
  ok: boolean;
}

export interface K8sSmokeOutcome {
  ok: boolean;
  refused?: string;
  steps: K8sSmokeStep[];
}

/** Service virtual addresses: beside the Pods' 10.89.0.0/24, never on a wire (rewritten before routing). */
const SERVICE_ADDRESS_PREFIX = '10.89.1';

interface Pod {
  name: string;
  workload: Doc;
  netns: string;
  address: string;
}

/** A path inside the image with the host root's symlinks followed (/var/run → /run), as runc resolves mount targets. */
function resolveInImage(path: string): string {
  const parts = path.split('/').filter(Boolean);
  let resolved = '';
  for (const part of parts) {
    const candidate = `${resolved}/${part}`;
    let next = candidate;
    try {
      if (lstatSync(candidate).isSymbolicLink()) {
        const link = readlinkSync(candidate);
        next = link.startsWith('/') ? resolveInImage(link) : resolveInImage(`${resolved}/${link}`);
      }
    } catch {
      /* not on the host: taken as written */
    }
    resolved = next;
  }
  return resolved || '/';
}

/** The Secret kustomize's secretGenerator makes from k8s/.env (here: .env.example with a random key). */
function generatedSecrets(
  manifests: Manifests,
  files: Record<string, string>,
): Map<string, Record<string, string>> {
  const secrets = new Map<string, Record<string, string>>();
  for (const generator of manifests.kustomization.secretGenerator ?? []) {
    const values: Record<string, string> = {};
    for (const env of generator.envs ?? [])
      for (const match of (files[`k8s/${env}.example`] ?? '').matchAll(/^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/gm))
        values[match[1]!] = match[1] === 'SECRET_KEY' ? randomBytes(32).toString('hex') : match[2]!;
    secrets.set(generator.name, values);
  }
  return secrets;
}

function environment(
  container: Doc,
  pod: Pod,
  secrets: Map<string, Record<string, string>>,
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const entry of container.env ?? []) {
    if (entry.value !== undefined) env[entry.name] = String(entry.value);
    const secret = entry.valueFrom?.secretKeyRef;
    if (secret) env[entry.name] = secrets.get(secret.name)?.[secret.key] ?? '';
    if (entry.valueFrom?.fieldRef?.fieldPath === 'metadata.name') env[entry.name] = pod.name;
  }
  return env;
}

interface PodVolumes {
  /** Volume name → host folder (emptyDir, claim) or ConfigMap data folder. */
  dirs: Map<string, string>;
  configMaps: Map<string, Doc>;
}

/**
 * A kubernetes.io/tls Secret as the user would create it from their files (`kubectl create secret tls`)
 * or cert-manager would issue it: here a self-signed pair for the server's names, under its keys.
 */
function tlsSecretFiles(secret: TlsSecret, dir: string): Record<string, string> {
  makeTestCertificate(secret.domains, join(dir, '.crt'), join(dir, '.key'));
  return { 'tls.crt': join(dir, '.crt'), 'tls.key': join(dir, '.key') };
}

/** Each Pod's volumes as host folders: emptyDir (shared by its containers), claims (its own), ConfigMap files, TLS Secrets. */
function podVolumes(
  pod: Pod,
  manifests: Manifests,
  runDir: string,
  tlsSecrets: ReadonlyMap<string, TlsSecret>,
): PodVolumes {
  const spec = pod.workload.spec.template.spec;
  const dirs = new Map<string, string>();
  const configMaps = new Map<string, Doc>();
  const fsGroup: number | undefined = spec.securityContext?.fsGroup;
  for (const volume of spec.volumes ?? []) {
    const dir = join(runDir, 'pods', pod.name, volume.name);
    mkdirSync(dir, { recursive: true });
    if (volume.configMap) {
      const map = [...manifests.objects.values()].find(
        (doc) => doc.kind === 'ConfigMap' && doc.metadata.name === volume.configMap.name,
      );
      if (!map) throw new Error(`${pod.name}: ConfigMap ${volume.configMap.name} does not exist`);
      for (const [key, text] of Object.entries<string>(map.data ?? {})) writeFileSync(join(dir, key), text);
      configMaps.set(volume.name, map);
    } else if (volume.secret) {
      const secret = tlsSecrets.get(volume.secret.secretName);
      if (!secret)
        throw new Error(`${pod.name}: Secret ${volume.secret.secretName} is no TLS Secret of the design`);
      const made = tlsSecretFiles(secret, dir);
      const items: { key: string; path: string }[] = volume.secret.items ?? [
        { key: 'tls.crt', path: 'tls.crt' },
        { key: 'tls.key', path: 'tls.key' },
      ];
      for (const item of items) {
        copyFileSync(made[item.key]!, join(dir, item.path));
        chmodSync(join(dir, item.path), 0o644);
      }
    } else chmodSync(dir, 0o777);
    dirs.set(volume.name, dir);
  }
  for (const claim of pod.workload.spec.volumeClaimTemplates ?? []) {
    const dir = join(runDir, 'claims', `${claim.metadata.name}-${pod.name}`);
    mkdirSync(dir, { recursive: true });
    // fsGroup: the volume belongs to the Pod's group, writable by it.
    if (fsGroup !== undefined) chownSync(dir, 0, fsGroup);
    chmodSync(dir, 0o2775);
    dirs.set(claim.metadata.name, dir);
  }
  return { dirs, configMaps };
}

function containerVolumes(container: Doc, volumes: PodVolumes): ContainerSpec['volumes'] {
  return (container.volumeMounts ?? []).map((mount: Doc) => {
    const dir = volumes.dirs.get(mount.name);
    if (!dir) throw new Error(`volume ${mount.name} is not declared`);
    const target = resolveInImage(mount.mountPath);
    if (mount.subPath)
      return { hostDir: join(dir, mount.subPath), target, file: true, readOnly: !!mount.readOnly };
    return { hostDir: dir, target, readOnly: !!mount.readOnly };
  });
}

/** The user a container runs as: the image's user with that uid, else the bare uid. */
function runAsUser(container: Doc, prepared: PreparedService): string | null {
  const uid: number | undefined = container.securityContext?.runAsUser;
  if (uid === undefined) return prepared.runAs;
  return prepared.users.find((user) => user.uid === uid)?.name ?? String(uid);
}

/** What the image provides beyond its files (see stack.ts), plus Debian's nginx temp folder where the official image has it. */
function imageSetup(prepared: PreparedService): string[] {
  const lines = provision(prepared.service, prepared.facts, prepared.users);
  if (prepared.service.image === 'web')
    lines.push('rm -rf /var/lib/nginx && ln -s /var/cache/nginx /var/lib/nginx');
  return lines;
}

async function readinessOk(
  container: RunningContainer,
  probe: Doc | undefined,
  pod: Pod,
  network: Network,
  runAs: string | null,
): Promise<boolean> {
  if (!probe) return true;
  if (probe.exec) return (await container.exec(probe.exec.command, runAs, 6000)).status === 0;
  if (probe.httpGet) {
    const url = `http://${pod.address}:${probe.httpGet.port}${probe.httpGet.path}`;
    const result = await run(
      hostSideCommand(network, ['curl', '-sf', '--noproxy', '*', '--max-time', '3', '-o', '/dev/null', url]),
      { timeoutMs: 5000 },
    );
    return result.status === 0;
  }
  return true;
}

/** nftables rules in every namespace: each Service address spread over its Pods (numgen round robin). */
function serviceRules(services: Doc[], vips: Map<string, string>, pods: Pod[], network: Network): string[] {
  const problems: string[] = [];
  const rules: string[] = [
    'add table ip k8s_services',
    'add chain ip k8s_services out { type nat hook output priority -100 ; }',
  ];
  for (const service of services) {
    const selected = pods.filter((pod) =>
      Object.entries(service.spec.selector ?? {}).every(
        ([key, value]) => pod.workload.spec.template.metadata.labels?.[key] === value,
      ),
    );
    if (selected.length === 0) {
      problems.push(`Service ${service.metadata.name} selects no Pod`);
      continue;
    }
    for (const port of service.spec.ports ?? []) {
      const endpoints = selected
        .map((pod, index) => `${index} : ${pod.address} . ${port.targetPort ?? port.port}`)
        .join(', ');
      rules.push(
        `add rule ip k8s_services out ip daddr ${vips.get(service.metadata.name)} tcp dport ${port.port} dnat ip to numgen inc mod ${selected.length} map { ${endpoints} }`,
      );
    }
  }
  // The host side has no default route: the Service addresses need one before nat rewrites them.
  const route = runSync([
    'ip',
    '-n',
    network.hostSide,
    'route',
    'add',
    `${SERVICE_ADDRESS_PREFIX}.0/24`,
    'dev',
    'br0',
  ]);
  if (route.status !== 0) problems.push(`route to the Service addresses: ${route.output}`);
  for (const netns of [network.hostSide, ...pods.map((pod) => pod.netns)])
    for (const rule of rules) {
      const result = runSync(['nsenter', `--net=/run/netns/${netns}`, 'nft', rule]);
      if (result.status !== 0) problems.push(`nft ${rule}: ${result.output}`);
    }
  return problems;
}

interface Started {
  pod: Pod;
  container: RunningContainer;
  doc: Doc;
  runAs: string | null;
}

/** The python service whose build an image name comes from (`<app>-<build folder>`). */
function serviceOfImage(image: string, plan: DeploymentPlan, app: string): PlannedService | undefined {
  return oneServicePerBuild(plan.services).find((service) => image === `${app}-${service.buildDir}`);
}

/** What startPods shares between the Pods: the images staged so far, the Secrets, where things go. */
interface PodContext {
  app: string;
  images: Map<string, PreparedService>;
  secrets: Map<string, Record<string, string>>;
  bundleDir: string;
  plan: DeploymentPlan;
  runDir: string;
  hosts: string;
}

/** One container of a Pod as a container-lite: the manifest's command, user, environment and mounts. */
async function containerSpec(
  context: PodContext,
  pod: Pod,
  doc: Doc,
  volumes: PodVolumes,
): Promise<{ spec: ContainerSpec; runAs: string | null }> {
  let prepared = context.images.get(doc.image);
  if (!prepared) {
    const service = serviceOfImage(doc.image, context.plan, context.app);
    if (!service) throw new Error(`no build folder makes image ${doc.image}`);
    prepared = await prepareService(context.bundleDir, service, join(context.runDir, 'work'));
    context.images.set(doc.image, prepared);
  }
  const runAs = runAsUser(doc, prepared);
  const command = containerCommand({
    ...prepared.service,
    command: [...doc.command, ...(doc.args ?? [])],
  });
  const spec: ContainerSpec = {
    name: pod.name,
    netns: pod.netns,
    fsDir: join(context.runDir, 'fs', `${pod.name}-${doc.name}`),
    stageDir: prepared.stageDir,
    hosts: context.hosts,
    users: prepared.users,
    provision: imageSetup(prepared),
    volumes: containerVolumes(doc, volumes),
    readOnlyRoot: doc.securityContext?.readOnlyRootFilesystem === true,
    workdir: doc.workingDir ?? prepared.service.workdir,
    env: {
      ...(prepared.service.image === 'python' ? { LANG: 'C.UTF-8' } : {}),
      ...prepared.facts.env,
      ...environment(doc, pod, context.secrets),
    },
    runAs,
    command,
    logFile: join(context.runDir, 'logs', `${pod.name}-${doc.name}.log`),
  };
  mkdirSync(spec.fsDir, { recursive: true });
  writeFileSync(spec.logFile, '');
  // The runtime's log pipe is writable by whatever user the container runs as.
  chmodSync(spec.logFile, 0o666);
  return { spec, runAs };
}

/**
 * The Pods, as the kubelet starts them: each init container runs to its end, in order (one that fails
 * keeps the Pod's containers from starting, and is returned as a problem), then the containers start.
 */
async function startPods(
  pods: Pod[],
  manifests: Manifests,
  files: Record<string, string>,
  context: Omit<PodContext, 'app' | 'images' | 'secrets'>,
  print: (line: string) => void,
  started: Started[],
  tlsSecrets: ReadonlyMap<string, TlsSecret>,
): Promise<string[]> {
  const shared: PodContext = {
    ...context,
    app: manifests.kustomization.labels?.[0]?.pairs?.['app.kubernetes.io/part-of'] ?? '',
    images: new Map(),
    secrets: generatedSecrets(manifests, files),
  };
  const problems: string[] = [];
  pods: for (const pod of pods) {
    const volumes = podVolumes(pod, manifests, context.runDir, tlsSecrets);
    for (const doc of pod.workload.spec.template.spec.initContainers ?? []) {
      const { spec } = await containerSpec(shared, pod, doc, volumes);
      print(`init pod ${pod.name} container ${doc.name}: ${spec.command.join(' ')}`);
      const result = await runOnce(spec, spec.command, 120000);
      writeFileSync(spec.logFile, result.output);
      if (result.status !== 0) {
        problems.push(`${pod.name}/${doc.name} (init) exited with status ${result.status}: ${result.output}`);
        continue pods;
      }
    }
    for (const doc of pod.workload.spec.template.spec.containers) {
      const { spec, runAs } = await containerSpec(shared, pod, doc, volumes);
      print(`start pod ${pod.name} (${pod.address}) container ${doc.name}: ${spec.command.join(' ')}`);
      started.push({ pod, container: startContainer(spec), doc, runAs });
    }
  }
  return problems;
}

/**
 * The design with the quick fixes of its kubernetes errors applied, one at a time (a container renamed
 * to a DNS-1123 label, a server switched to TCP, SQLite set back to one replica), as a user clicking them would.
 */
export function fixedForKubernetes(design: Design): Design {
  let fixed = design;
  for (let round = 0; round < 100; round++) {
    const fix = validate(fixed, 'kubernetes').find(
      (diagnostic) => diagnostic.severity === 'error' && diagnostic.fix,
    )?.fix;
    if (!fix) break;
    fixed = fix.apply(fixed);
  }
  return fixed;
}

/** The design with a static route on each of its apps. */
function withStaticRoute(design: Design, route: string): Design {
  return design.nodes
    .filter(isApp)
    .reduce((edited, app) => setNodeProps(edited, app.id, { staticRoute: route }), design);
}

/** Every template, each made valid for this target by its own quick fixes, and a replicated design without SQLite. */
export function kubernetesSmokeDesigns(): { id: string; design: Design }[] {
  const designs = TEMPLATE_IDS.map((id) => ({
    id: `template ${id}`,
    design: fixedForKubernetes(loadTemplate(id)),
  }));
  // nginx and uWSGI drawn in one container: one Pod, the unix socket on an emptyDir both containers mount.
  const socket = loadTemplate('uwsgi-unix-socket');
  designs.push({
    id: 'uwsgi-unix-socket in one container (one Pod)',
    design: {
      ...socket,
      containers: { web: { replicas: 1 } },
      nodes: socket.nodes.map((node) =>
        node.container === undefined ? node : { ...node, container: 'web' },
      ),
    },
  });
  // HTTPS, self-signed: the image's start script makes the certificate into an emptyDir.
  designs.push({
    id: 'react-nginx-gunicorn with a self-signed certificate (HTTPS through the Service)',
    design: setNodeProps(loadTemplate('react-nginx-gunicorn'), 'proxy', { tls: 'self-signed' }),
  });
  // A Flask static route beside the React build: the app's image fills the nginx Pod's copy first.
  const reactStatic = loadTemplate('react-nginx-gunicorn');
  designs.push({
    id: 'react-nginx-gunicorn with a Flask static route (init container in the nginx Pod)',
    design: withStaticRoute(reactStatic, '/static/'),
  });
  // nginx and the app in one container: one Pod, whose app container fills the shared emptyDir itself.
  const onePod = withStaticRoute(loadTemplate('gunicorn-flask-sqlite'), '/assets/');
  designs.push({
    id: 'gunicorn-flask-sqlite with a static route in one container (one Pod, no init container)',
    design: {
      ...onePod,
      containers: { web: { replicas: 1 } },
      nodes: onePod.nodes.map((node) =>
        node.container === undefined ? node : { ...node, container: 'web' },
      ),
    },
  });
  const replicated = loadTemplate('load-balanced-gunicorn');
  designs.push({
    id: 'load-balanced-gunicorn without SQLite (3 replicas)',
    design: {
      ...replicated,
      nodes: replicated.nodes.filter((node) => node.id !== 'db'),
      edges: replicated.edges.filter((edge) => edge.target !== 'db'),
    },
  });
  return designs;
}

/** Every Pod answers its readiness probe (30 s at most, as a first start may take). */
async function waitReady(started: Started[], network: Network): Promise<string[]> {
  const problems: string[] = [];
  for (const item of started) {
    const ready = await waitFor(
      async () =>
        item.container.exited ||
        (await readinessOk(item.container, item.doc.readinessProbe, item.pod, network, item.runAs)),
      30000,
      250,
    );
    if (item.container.exited)
      problems.push(`${item.pod.name}/${item.doc.name} exited with status ${item.container.exitCode}`);
    else if (!ready) problems.push(`${item.pod.name}/${item.doc.name} never became ready`);
  }
  return problems;
}

/** Each container runs as its runAsUser, and its root filesystem refuses writes when declared read-only. */
async function securityHolds(started: Started[]): Promise<K8sSmokeStep[]> {
  const steps: K8sSmokeStep[] = [];
  for (const item of started) {
    const want = item.doc.securityContext?.runAsUser;
    // The main process (PID 1 of the container) is who serves: its real and effective uid.
    const status = await item.container.exec(['cat', '/proc/1/status'], null, 5000);
    const uids = /^Uid:\s+(\d+)\s+(\d+)/m.exec(status.stdout);
    const write = await item.container.exec(
      ['sh', '-c', 'echo x > /.stacksketch-write-test'],
      item.runAs,
      5000,
    );
    const readOnly = item.doc.securityContext?.readOnlyRootFilesystem === true;
    const ok =
      uids !== null &&
      uids[1] === String(want) &&
      uids[2] === String(want) &&
      (readOnly ? write.status !== 0 : true);
    steps.push({
      name: `${item.pod.name}/${item.doc.name}: runs as uid ${uids?.[1] ?? '?'} (declared ${want}), root filesystem ${write.status !== 0 ? 'read-only' : 'writable'}`,
      ok,
    });
  }
  return steps;
}

/** With replicas, each Pod copy answers through its Service: its name comes back in /api/health's "instance". */
async function copiesAnswer(
  services: Doc[],
  vips: Map<string, string>,
  pods: Pod[],
  plan: DeploymentPlan,
  network: Network,
): Promise<K8sSmokeStep[]> {
  const steps: K8sSmokeStep[] = [];
  for (const service of services) {
    const selected = pods.filter((pod) =>
      Object.entries(service.spec.selector ?? {}).every(
        ([key, value]) => pod.workload.spec.template.metadata.labels?.[key] === value,
      ),
    );
    const http = (service.spec.ports ?? []).find((port: Doc) => String(port.name).startsWith('http'));
    const planned = plan.services.find(
      (candidate) => (candidate.copyOf ?? candidate.name) === service.metadata.name,
    );
    if (selected.length < 2 || !http || planned?.runs.kind !== 'python') continue;
    const path = `${planned.runs.apps[0]!.apiBases[0]}health`;
    const seen = new Set<string>();
    for (let attempt = 0; attempt < selected.length * 3; attempt++) {
      const result = await run(
        hostSideCommand(network, [
          'curl',
          '-sS',
          '--noproxy',
          '*',
          '--max-time',
          '5',
          `http://${vips.get(service.metadata.name)}:${http.port}${path}`,
        ]),
        { timeoutMs: 8000 },
      );
      const instance = /"instance"\s*:\s*"([^"]+)"/.exec(result.stdout)?.[1];
      if (instance) seen.add(instance);
    }
    const expected = selected.map((pod) => pod.name).sort();
    steps.push({
      name: `Service ${service.metadata.name}: every Pod copy answers (${[...seen].sort().join(', ') || 'none'} of ${expected.join(', ')})`,
      ok: expected.every((name) => seen.has(name)),
    });
  }
  return steps;
}

/**
 * The HTTPS entry through the LoadBalancer Service: the certificate the web container reads (made at
 * start, or from its Secret) is the only trust anchor of the hops (curl --cacert, never -k).
 */
async function httpsEntry(
  plan: DeploymentPlan,
  entry: Doc,
  vip: string,
  started: Started[],
  runDir: string,
): Promise<TlsEntry | undefined> {
  const tls = plan.entryTls!;
  if (!(entry.spec.ports ?? []).some((port: Doc) => port.port === tls.port)) return undefined;
  for (const item of started) {
    const read = await item.container.exec(['cat', tls.certificate], null, 5000);
    if (read.status !== 0 || !read.output.includes('BEGIN CERTIFICATE')) continue;
    const caFile = join(runDir, 'entry-ca.pem');
    writeFileSync(caFile, read.output.slice(read.output.indexOf('-----BEGIN')));
    const host = tlsHostName(tls.domains);
    return {
      url: `https://${host}:${tls.port}`,
      resolve: `${host}:${tls.port}:${vip}`,
      host,
      port: tls.port,
      address: vip,
      caFile,
    };
  }
  return undefined;
}

/** Export for kubernetes, start the Pods from the manifests, curl the hops through the entry Service. */
export async function smokeKubernetes(
  design: Design,
  options: { force?: boolean; keep?: boolean; print?: (line: string) => void } = {},
): Promise<K8sSmokeOutcome> {
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  const diagnostics = validate(design, 'kubernetes');
  for (const diagnostic of diagnostics)
    print(`${diagnostic.severity === 'error' ? 'error' : 'warn '} ${diagnostic.rule}: ${diagnostic.message}`);
  if (hasInputErrors(diagnostics))
    return {
      ok: false,
      refused: 'the design has invalid-* input errors: no bundle is generated from it',
      steps: [],
    };
  if (hasErrors(diagnostics) && !options.force)
    return {
      ok: false,
      refused: 'the design has errors for kubernetes; fix them or pass --force',
      steps: [],
    };
  requireTools(['ip', 'nsenter', 'unshare', 'setpriv', 'curl', 'nginx', 'gunicorn', 'uwsgi', 'python3']);
  const { plan, files } = generate(design, { target: 'kubernetes', lang: 'en', diagnostics });
  const runDir = makeTempDir(`k8s-${process.pid}`);
  const bundleDir = join(runDir, 'bundle', plan.folder);
  mkdirSync(join(runDir, 'logs'), { recursive: true });
  writeFiles(bundleDir, files);
  const { manifests, problems } = readManifests(files);
  if (problems.length > 0) return { ok: false, refused: problems.join('\n'), steps: [] };
  const workloads = [...manifests.objects.values()].filter(
    (doc) => doc.kind === 'Deployment' || doc.kind === 'StatefulSet',
  );
  const services = [...manifests.objects.values()].filter((doc) => doc.kind === 'Service');
  const podNames = workloads.flatMap((doc) =>
    Array.from({ length: doc.spec.replicas ?? 1 }, (_, index) => `${doc.metadata.name}-${index}`),
  );
  let network: Network | null = null;
  const started: Started[] = [];
  const steps: K8sSmokeStep[] = [];
  try {
    network = createNetwork(podNames);
    const net = network;
    const pods: Pod[] = podNames.map((name) => ({
      name,
      workload: workloads.find(
        (doc) =>
          name.startsWith(`${doc.metadata.name}-`) && /^\d+$/.test(name.slice(doc.metadata.name.length + 1)),
      )!,
      ...net.services.get(name)!,
    }));
    const vips = new Map(
      services.map((service, index) => [
        service.metadata.name as string,
        `${SERVICE_ADDRESS_PREFIX}.${index + 1}`,
      ]),
    );
    const hosts = [
      '127.0.0.1\tlocalhost',
      ...[...vips].map(([name, vip]) => `${vip}\t${name}`),
      ...pods.map((pod) => `${pod.address}\t${pod.name}`),
      '',
    ].join('\n');
    const tlsSecrets = new Map(
      tlsSecretsOfCluster(clusterPlan(design, plan, 'en')).map((secret) => [secret.name, secret]),
    );
    const initProblems = await startPods(
      pods,
      manifests,
      files,
      { bundleDir, plan, runDir, hosts },
      print,
      started,
      tlsSecrets,
    );
    const notReady = [...initProblems, ...(await waitReady(started, net))];
    for (const problem of notReady) print(problem);
    steps.push({
      name: `${started.length} containers in ${pods.length} Pods ready`,
      ok: notReady.length === 0,
    });
    const ruleProblems = serviceRules(services, vips, pods, net);
    for (const problem of ruleProblems) print(problem);
    steps.push({ name: `${services.length} Services route to their Pods`, ok: ruleProblems.length === 0 });
    const entry = services.find((service) => service.spec.type === 'LoadBalancer');
    if (!entry) steps.push({ name: 'a LoadBalancer Service faces the clients', ok: false });
    else {
      const vip = vips.get(entry.metadata.name)!;
      const entryUrl = `http://${vip}:${entry.spec.ports[0].port}`;
      print(`entry ${entryUrl} (Service ${entry.metadata.name}, type LoadBalancer)`);
      const https = plan.entryTls ? await httpsEntry(plan, entry, vip, started, runDir) : undefined;
      if (plan.entryTls) {
        const step = {
          name: `the entry Service offers HTTPS on ${plan.entryTls.port}; every hop below trusts only the certificate the Pod serves`,
          ok: https !== undefined,
        };
        print(`${step.ok ? 'ok  ' : 'FAIL'} ${step.name}`);
        steps.push(step);
      }
      const results = await runProbes(
        {
          plan,
          entryUrl,
          hostSideCommand: (argv) => hostSideCommand(net, argv),
          ...(https ? { https } : {}),
        },
        print,
      );
      steps.push(...results.map((result) => ({ name: result.line, ok: result.ok })));
      if (results.length === 0) steps.push({ name: 'the plan has probes', ok: false });
    }
    for (const step of [
      ...(await securityHolds(started)),
      ...(await copiesAnswer(services, vips, pods, plan, net)),
    ]) {
      print(`${step.ok ? 'ok  ' : 'FAIL'} ${step.name}`);
      steps.push(step);
    }
    if (steps.some((step) => !step.ok))
      for (const item of started)
        print(
          `--- ${item.pod.name}/${item.doc.name} log\n${item.container.log().trim().split('\n').slice(-30).join('\n')}`,
        );
  } finally {
    for (const item of [...started].reverse()) await item.container.stop();
    killNow(started.map((item) => item.container));
    network?.remove();
    if (!options.keep) rmSync(runDir, { recursive: true, force: true });
    else print(`kept ${runDir}`);
  }
  return { ok: steps.length > 0 && steps.every((step) => step.ok), steps };
}
