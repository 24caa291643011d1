/**
 * The Kubernetes objects of a cluster plan, as data: a ConfigMap per generated config, a Deployment or
 * StatefulSet per workload, a Service per listening service, and the kustomization that ties them
 * together. The serializer (serializers/kubernetes.ts) writes them as YAML.
 */
import { INSTANCE_VARIABLE } from '../../plan/copies';
import type { PlannedService } from '../../planTypes';
import { NGINX_HEALTH_PATH } from '../../render/nginxConf';
import { sha256Hex } from '../../serializers/sha256';
import { APP_UID, healthCommand } from '../compose/docker';
import { STOP_MARGIN_SECONDS } from '../shared';
import type {
  ClusterPlan,
  ClusterService,
  InitContainer,
  PodContainer,
  TlsSecret,
  Workload,
} from './cluster';

type Manifest = Record<string, unknown>;
type Image = PlannedService['image'];

/** The official nginx image's unprivileged user (uid 101); the python image's app user (the Dockerfile's). */
const RUN_AS: Record<Image, number> = { web: 101, python: APP_UID };

/**
 * Folders each image's process writes at run time, each an emptyDir under a read-only root: nginx's
 * temp files and pid, Python's temp files.
 */
const WRITABLE_DIRS: Record<Image, { suffix: string; path: string }[]> = {
  web: [
    { suffix: 'cache', path: '/var/cache/nginx' },
    { suffix: 'run', path: '/var/run' },
  ],
  python: [{ suffix: 'tmp', path: '/tmp' }],
};

const RESOURCES: Record<Image, Manifest> = {
  web: { requests: { cpu: '50m', memory: '32Mi' }, limits: { cpu: '500m', memory: '128Mi' } },
  python: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '1', memory: '512Mi' } },
};

/** What the SQLite volume claim asks for: one node mounts it read-write. */
const DATA_CLAIM = { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } };

export const SECRET_KEYS = ['SECRET_KEY'];

export const secretName = (plan: ClusterPlan) => `${plan.app}-secrets`;
export const configMapName = (container: PodContainer) => `${container.name}-config`;
export const imageName = (plan: ClusterPlan, service: PlannedService) => `${plan.app}-${service.buildDir}`;

export function selectorLabels(plan: ClusterPlan, workload: string): Record<string, string> {
  return { 'app.kubernetes.io/name': workload, 'app.kubernetes.io/part-of': plan.app };
}

function labels(plan: ClusterPlan, workload: string, component: string): Record<string, string> {
  return { ...selectorLabels(plan, workload), 'app.kubernetes.io/component': component };
}

const componentOf = (workload: Workload) =>
  workload.containers.some((container) => container.service.image === 'web') ? 'web' : 'app';

export function configMapManifest(plan: ClusterPlan, workload: Workload, container: PodContainer): Manifest {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: configMapName(container), labels: labels(plan, workload.name, componentOf(workload)) },
    data: { [container.config!.file]: container.config!.text },
  };
}

/** The Pod's own volumes: configs, writable folders, and the shared socket folders (emptyDir). */
function podVolumes(workload: Workload, dataVolumes: ReadonlySet<string>): Manifest[] {
  const volumes: Manifest[] = [];
  const seen = new Set<string>();
  for (const container of workload.containers) {
    if (container.config)
      volumes.push({ name: configMapName(container), configMap: { name: configMapName(container) } });
    for (const dir of WRITABLE_DIRS[container.service.image])
      volumes.push({ name: `${container.name}-${dir.suffix}`, emptyDir: {} });
    for (const mount of container.service.mounts) {
      if (dataVolumes.has(mount.volume) || seen.has(mount.volume)) continue;
      seen.add(mount.volume);
      volumes.push({ name: mount.volume, emptyDir: {} });
    }
    for (const secret of container.tlsSecrets) volumes.push(tlsSecretVolume(secret));
  }
  for (const init of workload.initContainers)
    for (const dir of WRITABLE_DIRS[init.service.image])
      volumes.push({ name: `${init.name}-${dir.suffix}`, emptyDir: {} });
  const names = volumes.map((volume) => volume.name as string);
  if (new Set(names).size !== names.length)
    throw new Error(`kubernetes: two volumes of Pod "${workload.name}" would share a name`);
  return volumes;
}

/**
 * A TLS Secret as a volume. Let's Encrypt's goes where the certificate script would have made it (the
 * file names nginx.conf reads), as a folder so cert-manager's renewals reach the Pod.
 */
function tlsSecretVolume(secret: TlsSecret): Manifest {
  const items =
    secret.mode === 'letsencrypt'
      ? [
          { key: 'tls.crt', path: baseName(secret.certificate) },
          { key: 'tls.key', path: baseName(secret.key) },
        ]
      : [];
  return {
    name: secret.name,
    secret: { secretName: secret.name, ...(items.length > 0 ? { items } : {}) },
  };
}

const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);
const folderOf = (path: string) => path.slice(0, path.lastIndexOf('/'));

/** The user's files go to the exact paths nginx.conf names; Let's Encrypt's folder to its slot. */
function tlsSecretMounts(secret: TlsSecret): Manifest[] {
  if (secret.mode === 'letsencrypt')
    return [{ name: secret.name, mountPath: folderOf(secret.certificate), readOnly: true }];
  return [
    { name: secret.name, mountPath: secret.certificate, subPath: 'tls.crt', readOnly: true },
    { name: secret.name, mountPath: secret.key, subPath: 'tls.key', readOnly: true },
  ];
}

function volumeMounts(container: PodContainer): Manifest[] {
  const mounts: Manifest[] = [];
  if (container.config)
    mounts.push({
      name: configMapName(container),
      mountPath: container.config.mountPath,
      subPath: container.config.file,
      readOnly: true,
    });
  for (const dir of WRITABLE_DIRS[container.service.image])
    mounts.push({ name: `${container.name}-${dir.suffix}`, mountPath: dir.path });
  // nginx reads an app's static files and never writes them.
  for (const mount of container.service.mounts)
    mounts.push({
      name: mount.volume,
      mountPath: mount.target,
      ...(mount.readOnly ? { readOnly: true } : {}),
    });
  for (const secret of container.tlsSecrets) mounts.push(...tlsSecretMounts(secret));
  return mounts;
}

/** The secret keys an app reads (Django's settings refuse to load without SECRET_KEY). */
function secretEnvironment(plan: ClusterPlan): Manifest[] {
  return SECRET_KEYS.map((key) => ({
    name: key,
    valueFrom: { secretKeyRef: { name: secretName(plan), key } },
  }));
}

function environment(plan: ClusterPlan, workload: Workload, container: PodContainer): Manifest[] {
  if (container.service.image !== 'python') return [];
  const env: Manifest[] = [{ name: 'PYTHONUNBUFFERED', value: '1' }, ...secretEnvironment(plan)];
  // Each copy says who it is in /api/health: its Pod's name.
  if (workload.replicas > 1)
    env.push({ name: INSTANCE_VARIABLE, valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } });
  return env;
}

/** Readiness and liveness from the health checks the Compose bundle runs. */
function probes(container: PodContainer): Manifest {
  const { service } = container;
  const first = service.listens[0];
  const check =
    service.image === 'web' && first?.kind === 'tcp'
      ? { httpGet: { path: NGINX_HEALTH_PATH, port: first.port } }
      : { exec: { command: healthCommand(service) } };
  return {
    readinessProbe: { ...check, periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 3 },
    livenessProbe: {
      ...check,
      initialDelaySeconds: 15,
      periodSeconds: 20,
      timeoutSeconds: 5,
      failureThreshold: 3,
    },
  };
}

/** Non-root, no privilege escalation, no capabilities, a read-only root filesystem. */
function containerSecurity(uid: number): Manifest {
  return {
    runAsNonRoot: true,
    runAsUser: uid,
    runAsGroup: uid,
    allowPrivilegeEscalation: false,
    readOnlyRootFilesystem: true,
    capabilities: { drop: ['ALL'] },
  };
}

function containerManifest(plan: ClusterPlan, workload: Workload, container: PodContainer): Manifest {
  const { service } = container;
  const ports = service.listens.flatMap((listener) =>
    listener.kind === 'tcp' ? [{ containerPort: listener.port, protocol: 'TCP' }] : [],
  );
  const env = environment(plan, workload, container);
  return {
    name: container.name,
    image: imageName(plan, service),
    imagePullPolicy: 'IfNotPresent',
    command: [...service.command],
    workingDir: service.workdir,
    ...(env.length > 0 ? { env } : {}),
    ...(ports.length > 0 ? { ports } : {}),
    ...probes(container),
    resources: RESOURCES[service.image],
    securityContext: containerSecurity(RUN_AS[service.image]),
    volumeMounts: volumeMounts(container),
  };
}

/**
 * An init container: the app's image, as locked down as its own container, writing into the emptyDir
 * nginx mounts read-only at the same path.
 */
function initContainerManifest(plan: ClusterPlan, init: InitContainer): Manifest {
  return {
    name: init.name,
    image: imageName(plan, init.service),
    imagePullPolicy: 'IfNotPresent',
    command: [...init.command],
    workingDir: init.service.workdir,
    env: [{ name: 'PYTHONUNBUFFERED', value: '1' }, ...secretEnvironment(plan)],
    resources: RESOURCES[init.service.image],
    securityContext: containerSecurity(RUN_AS[init.service.image]),
    volumeMounts: [
      { name: init.volume, mountPath: init.mountPath },
      ...WRITABLE_DIRS[init.service.image].map((dir) => ({
        name: `${init.name}-${dir.suffix}`,
        mountPath: dir.path,
      })),
    ],
  };
}

/** A checksum of the Pod's configs: a changed config changes the template, so the Pods roll. */
function configChecksum(workload: Workload): string {
  const configs = workload.containers.flatMap((container) =>
    container.config ? [`${container.config.file}\n${container.config.text}`] : [],
  );
  return sha256Hex(configs.join('\n'));
}

function podSpec(plan: ClusterPlan, workload: Workload, dataVolumes: ReadonlySet<string>): Manifest {
  const hasPython = workload.containers.some((container) => container.service.image === 'python');
  const listensLow = workload.containers.some((container) =>
    container.service.listens.some((listener) => listener.kind === 'tcp' && listener.port < 1024),
  );
  const stop = Math.max(...workload.containers.map((container) => container.stopSeconds));
  const names = [...workload.initContainers, ...workload.containers].map((container) => container.name);
  if (new Set(names).size !== names.length)
    throw new Error(`kubernetes: two containers of Pod "${workload.name}" would share a name`);
  return {
    automountServiceAccountToken: false,
    enableServiceLinks: false,
    terminationGracePeriodSeconds: stop + STOP_MARGIN_SECONDS,
    securityContext: {
      runAsNonRoot: true,
      fsGroup: hasPython ? RUN_AS.python : RUN_AS.web,
      seccompProfile: { type: 'RuntimeDefault' },
      // A non-root nginx binds port 80: this namespaced sysctl allows it without any capability.
      ...(listensLow ? { sysctls: [{ name: 'net.ipv4.ip_unprivileged_port_start', value: '0' }] } : {}),
    },
    ...(workload.initContainers.length > 0
      ? { initContainers: workload.initContainers.map((init) => initContainerManifest(plan, init)) }
      : {}),
    containers: workload.containers.map((container) => containerManifest(plan, workload, container)),
    volumes: podVolumes(workload, dataVolumes),
  };
}

export function workloadManifest(
  plan: ClusterPlan,
  workload: Workload,
  dataVolumes: ReadonlySet<string>,
): Manifest {
  const claims = [
    ...new Set(
      workload.containers.flatMap((container) =>
        container.service.mounts
          .filter((mount) => dataVolumes.has(mount.volume))
          .map((mount) => mount.volume),
      ),
    ),
  ];
  const component = componentOf(workload);
  const governing = plan.services.find((service) => service.workload === workload.name);
  const template = {
    metadata: {
      labels: labels(plan, workload.name, component),
      annotations: { 'checksum/config': configChecksum(workload) },
    },
    spec: podSpec(plan, workload, dataVolumes),
  };
  const spec: Manifest = workload.stateful
    ? {
        serviceName: governing?.name ?? workload.name,
        replicas: workload.replicas,
        selector: { matchLabels: selectorLabels(plan, workload.name) },
        template,
        volumeClaimTemplates: claims.map((name) => ({ metadata: { name }, spec: DATA_CLAIM })),
      }
    : {
        replicas: workload.replicas,
        selector: { matchLabels: selectorLabels(plan, workload.name) },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
        template,
      };
  return {
    apiVersion: 'apps/v1',
    kind: workload.stateful ? 'StatefulSet' : 'Deployment',
    metadata: { name: workload.name, labels: labels(plan, workload.name, component) },
    spec,
  };
}

export function serviceManifest(plan: ClusterPlan, service: ClusterService, component: string): Manifest {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: service.name, labels: labels(plan, service.workload, component) },
    spec: {
      type: service.type,
      selector: selectorLabels(plan, service.workload),
      ports: service.ports.map((port) => ({
        name: port.name,
        port: port.port,
        targetPort: port.targetPort,
        protocol: 'TCP',
      })),
    },
  };
}

/**
 * A StatefulSet's governing Service when no listener gives it one (a server on a unix socket only):
 * headless, so it gives the Pods stable DNS names and nothing else.
 */
export function headlessServiceManifest(plan: ClusterPlan, workload: Workload): Manifest {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: workload.name, labels: labels(plan, workload.name, componentOf(workload)) },
    spec: { clusterIP: 'None', selector: selectorLabels(plan, workload.name) },
  };
}

export { componentOf };
