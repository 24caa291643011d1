/**
 * The plan as it runs on Kubernetes: each container of the design is a Pod template (a Deployment,
 * or a StatefulSet when it keeps SQLite data) with the design's replicas; the plan's services are the
 * Pod's containers (nginx and a Python server drawn in one container share one Pod); every service
 * that listens on TCP gets a Service of its name, so the host names nginx.conf uses resolve as they
 * do under Compose. The copies of a replicated container are one workload behind one Service, which
 * spreads the connections: nginx's upstream names that Service alone.
 */
import type { Lang } from '../../../i18n/lang';
import type { Design } from '../../../model/design';
import { replicasOf } from '../../../model/containers';
import { appPart, wsgiServerPart } from '../../../nodes/planParts';
import { checkKubernetesName } from '../../../model/fields';
import { oneServicePerBuild } from '../../plan/copies';
import type { DeploymentPlan, PlannedLocation, PlannedService, PythonRun, WebRun } from '../../planTypes';
import { renderNginxConf } from '../../render/nginxConf';
import { pythonStopSeconds } from '../shared';

/** A generated config file a ConfigMap holds and the container mounts over the image's copy. */
export interface MountedConfig {
  /** The key in the ConfigMap: the file's name. */
  file: string;
  /** Where the container reads it. */
  mountPath: string;
  text: string;
}

/**
 * A Secret of type kubernetes.io/tls (keys tls.crt and tls.key) an HTTPS server of nginx reads: the user
 * creates it from their own files, or cert-manager issues Let's Encrypt's certificate into it. The
 * bundle never holds the key.
 */
export interface TlsSecret {
  name: string;
  mode: 'files' | 'letsencrypt';
  /** Where nginx.conf reads the certificate chain and the key. */
  certificate: string;
  key: string;
  domains: string[];
  email: string;
}

export interface PodContainer {
  /** The container's name in the Pod: the plan's service name (before copy numbers). */
  name: string;
  service: PlannedService;
  config: MountedConfig | null;
  /** The TLS Secrets its HTTPS servers read (none when they make a self-signed certificate at start). */
  tlsSecrets: TlsSecret[];
  /** Seconds a graceful stop of its process may take. */
  stopSeconds: number;
}

/**
 * A container that runs to its end before the Pod's own start: in the nginx Pod, the app's image writing
 * the app's static files into the emptyDir nginx serves them from (the app's Pod keeps its own copy).
 */
export interface InitContainer {
  name: string;
  /** The app's service: the image and the working folder. */
  service: PlannedService;
  command: string[];
  /** The Pod's emptyDir it fills, mounted where nginx's alias reads it. */
  volume: string;
  mountPath: string;
}

export interface Workload {
  /** The design's container name (a DNS-1123 label, checked by invalid-container-name). */
  name: string;
  replicas: number;
  /** It keeps SQLite data on a volume: a StatefulSet with a volume claim per Pod. */
  stateful: boolean;
  /** Run in order before the containers start (none: the Pod starts its containers at once). */
  initContainers: InitContainer[];
  containers: PodContainer[];
}

export interface ServicePort {
  name: string;
  port: number;
  targetPort: number;
}

export interface ClusterService {
  name: string;
  /** The workload whose Pods it selects. */
  workload: string;
  type: 'ClusterIP' | 'LoadBalancer';
  ports: ServicePort[];
}

export interface ClusterPlan {
  /** The app's name: labels, image names and the Secret's name start with it. */
  app: string;
  workloads: Workload[];
  services: ClusterService[];
}

/** A DNS-1123 label from the bundle folder (dots and underscores become "-"), at most 40 characters. */
export function appName(folder: string): string {
  const name = folder
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return name || 'stack';
}

/** Refuses a name the bundle derived (a container name plus a suffix) that is no longer a label. */
function checkedName(name: string, what: string): string {
  const problem = checkKubernetesName(name);
  if (problem !== null) throw new Error(`kubernetes: the ${what} "${name}" cannot be used: ${problem}`);
  return name;
}

/** The design container a planned service runs (the container of its first node). */
function containerOf(design: Design, service: PlannedService): string {
  return design.nodes.find((node) => node.id === service.nodes[0])?.container ?? service.name;
}

/** A location's upstream addresses the Service of the server, not each copy. */
function clusterLocation(location: PlannedLocation): PlannedLocation {
  if (location.kind !== 'proxy' || location.address.kind !== 'tcp' || !location.address.copies)
    return location;
  const { copies: _copies, ...address } = location.address;
  const { balance: _balance, ...rest } = location;
  return { ...rest, address };
}

export function clusterWebRun(run: WebRun): WebRun {
  return {
    kind: 'web',
    servers: run.servers.map((server) => ({ ...server, locations: server.locations.map(clusterLocation) })),
  };
}

function pythonContainer(service: PlannedService, run: PythonRun, lang: Lang): PodContainer {
  const name = checkedName(service.copyOf ?? service.name, 'service name');
  let config: MountedConfig | null = null;
  if (run.process.role === 'wsgi-server') {
    const part = wsgiServerPart(run.process.kind);
    config = {
      file: part.configFile,
      mountPath: `${service.workdir}/${part.configFile}`,
      text: part.renderConfig(run.process, run.apps[0]!, service.workdir, lang),
    };
  }
  return { name, service, config, tlsSecrets: [], stopSeconds: pythonStopSeconds(run) };
}

/** nginx finishes the requests it proxies before it stops: it waits as long as the slowest server. */
function webContainer(
  service: PlannedService,
  run: WebRun,
  stopByNode: ReadonlyMap<string, number>,
  lang: Lang,
): PodContainer {
  const clusterRun = clusterWebRun(run);
  const upstreamStops = clusterRun.servers.flatMap((server) =>
    server.locations.flatMap((location) =>
      location.kind === 'proxy' ? [stopByNode.get(location.node) ?? 10] : [],
    ),
  );
  const config = {
    file: 'nginx.conf',
    mountPath: '/etc/nginx/nginx.conf',
    // A Pod has no Docker DNS: the cluster's resolver is not known when the bundle is written.
    text: renderNginxConf(clusterRun, service.user, lang, { dockerDns: false }),
  };
  const name = checkedName(service.name, 'service name');
  return {
    name,
    service,
    config,
    tlsSecrets: tlsSecretsOf(name, run),
    stopSeconds: Math.max(10, ...upstreamStops),
  };
}

/**
 * The Secrets of a web container's HTTPS servers that use a certificate from outside the Pod (the user's
 * files, or Let's Encrypt's through cert-manager), named after the server's position like the slots.
 */
function tlsSecretsOf(container: string, run: WebRun): TlsSecret[] {
  return run.servers.flatMap((server, position): TlsSecret[] => {
    const tls = server.tls;
    if (!tls || tls.mode === 'self-signed') return [];
    const { mode, certificate, key, domains, email } = tls;
    const name = checkedName(`${container}-site-${position + 1}-tls`, 'TLS Secret name');
    return [{ name, mode, certificate, key, domains, email }];
  });
}

/** Every TLS Secret the cluster's Pods read. */
export function tlsSecretsOfCluster(cluster: ClusterPlan): TlsSecret[] {
  return cluster.workloads.flatMap((workload) =>
    workload.containers.flatMap((container) => container.tlsSecrets),
  );
}

/** Whether a container of the cluster makes a self-signed certificate when it starts. */
export function makesSelfSigned(cluster: ClusterPlan): boolean {
  return cluster.workloads.some((workload) =>
    workload.containers.some(
      (container) =>
        container.service.runs.kind === 'web' &&
        container.service.runs.servers.some((server) => server.tls?.mode === 'self-signed'),
    ),
  );
}

function serviceOf(container: PodContainer, workload: string): ClusterService | null {
  const { service } = container;
  const published = new Map(service.published.map((port) => [port.container, port.host]));
  const httpsPorts = new Set(
    service.runs.kind === 'web' ? service.runs.servers.flatMap((server) => server.tls?.port ?? []) : [],
  );
  const ports = service.listens.flatMap((listener): ServicePort[] => {
    if (listener.kind !== 'tcp') return [];
    // A Python server's port is named by its wire protocol (http, uwsgi); nginx's by HTTP or HTTPS.
    const protocol =
      service.runs.kind === 'python'
        ? service.runs.process.protocol
        : httpsPorts.has(listener.port)
          ? 'https'
          : 'http';
    return [
      {
        name: `${protocol}-${listener.port}`,
        port: published.get(listener.port) ?? listener.port,
        targetPort: listener.port,
      },
    ];
  });
  if (ports.length === 0) return null;
  return {
    name: container.name,
    workload,
    type: service.published.length > 0 ? 'LoadBalancer' : 'ClusterIP',
    ports,
  };
}

/**
 * The static files an nginx container of the Pod serves that no container of the same Pod writes: each
 * is filled before nginx starts by an init container of the app's image, running the app's own collect
 * command into the volume nginx reads (what a shared volume does under Compose).
 */
function staticFileFillers(
  containers: readonly PodContainer[],
  pythonServices: readonly PlannedService[],
): InitContainer[] {
  const appsInPod = new Set(
    containers.flatMap((container) =>
      container.service.runs.kind === 'python' ? container.service.runs.apps.map((app) => app.node) : [],
    ),
  );
  const fillers = new Map<string, InitContainer>();
  for (const container of containers) {
    if (container.service.runs.kind !== 'web') continue;
    for (const server of container.service.runs.servers)
      for (const location of server.locations) {
        if (location.kind !== 'files' || appsInPod.has(location.node)) continue;
        const folder = location.alias.replace(/\/$/, '');
        const mount = container.service.mounts.find((candidate) => candidate.target === folder);
        const source = pythonServices.find(
          (service) =>
            service.runs.kind === 'python' && service.runs.apps.some((app) => app.node === location.node),
        );
        const app =
          source?.runs.kind === 'python'
            ? source.runs.apps.find((candidate) => candidate.node === location.node)
            : undefined;
        const command = app ? appPart(app.kind).collectCommand?.(app) : null;
        if (!mount || !source || !command)
          throw new Error(`kubernetes: the static files under ${location.route} have no way into their Pod`);
        if (fillers.has(mount.volume)) continue;
        const name = checkedName(`${source.copyOf ?? source.name}-static`, 'init container name');
        fillers.set(mount.volume, {
          name,
          service: source,
          command,
          volume: mount.volume,
          mountPath: folder,
        });
      }
  }
  return [...fillers.values()];
}

/** The cluster's workloads and services; `lang`: the language of the mounted configs' comments. */
export function clusterPlan(design: Design, plan: DeploymentPlan, lang: Lang): ClusterPlan {
  const byContainer = new Map<string, PlannedService[]>();
  for (const service of oneServicePerBuild(plan.services)) {
    const container = containerOf(design, service);
    byContainer.set(container, [...(byContainer.get(container) ?? []), service]);
  }
  const dataVolumes = new Set(plan.volumes.filter((v) => v.purpose === 'data').map((v) => v.name));
  // By the node that runs each process: what a proxy location points at.
  const stopByNode = new Map<string, number>();
  const python = new Map<PlannedService, PodContainer>();
  for (const service of oneServicePerBuild(plan.services))
    if (service.runs.kind === 'python') {
      const container = pythonContainer(service, service.runs, lang);
      python.set(service, container);
      stopByNode.set(service.runs.process.node, container.stopSeconds);
    }
  const workloads = [...byContainer].map(([name, services]): Workload => {
    const containers = services.map(
      (service) => python.get(service) ?? webContainer(service, service.runs as WebRun, stopByNode, lang),
    );
    return {
      name: checkedName(name, 'container name'),
      replicas: replicasOf(design, name),
      stateful: services.some((service) => service.mounts.some((mount) => dataVolumes.has(mount.volume))),
      initContainers: staticFileFillers(containers, [...python.keys()]),
      containers,
    };
  });
  const services = workloads.flatMap((workload) =>
    workload.containers.flatMap((container) => serviceOf(container, workload.name) ?? []),
  );
  return { app: appName(plan.folder), workloads, services };
}
