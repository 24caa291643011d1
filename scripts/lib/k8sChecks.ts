/**
 * The checks of a kubernetes bundle's k8s/ folder, without a cluster: every manifest parses as YAML
 * and validates against the Kubernetes OpenAPI schemas (k8sSchema.ts) with no field the schemas do not
 * define; kustomization.yaml lists every manifest and names every image; every ConfigMap, Secret,
 * volume and Service a Pod refers to exists; selectors match the Pod labels; no two Services claim
 * one port of the same Pods, and no two LoadBalancers one port.
 */
import { parseAllDocuments } from 'yaml';
import { schemaProblems, unknownFields } from './k8sSchema';

// The manifests are plain data read from YAML: any is the honest type for walking them.
type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface K8sCheck {
  name: string;
  ok: boolean;
  detail: string;
}

export interface Manifests {
  kustomization: Doc;
  /** Manifest file name (inside k8s/) → its object. */
  objects: Map<string, Doc>;
}

const KUSTOMIZATION_KEYS = new Set([
  'apiVersion',
  'kind',
  'labels',
  'resources',
  'images',
  'secretGenerator',
]);

/** Parses k8s/*.yaml of a bundle's files: one document each, no duplicate keys, no YAML errors. */
export function readManifests(files: Record<string, string>): { manifests: Manifests; problems: string[] } {
  const problems: string[] = [];
  const objects = new Map<string, Doc>();
  let kustomization: Doc = {};
  for (const [path, text] of Object.entries(files)) {
    if (!path.startsWith('k8s/') || !path.endsWith('.yaml')) continue;
    const documents = parseAllDocuments(text, { uniqueKeys: true });
    if (!Array.isArray(documents) || documents.length !== 1) {
      problems.push(`${path}: expected exactly one YAML document`);
      continue;
    }
    const [document] = documents;
    if (document!.errors.length > 0) {
      problems.push(`${path}: ${document!.errors.map((error) => error.message).join('; ')}`);
      continue;
    }
    const value = document!.toJS() as Doc;
    if (path === 'k8s/kustomization.yaml') kustomization = value;
    else objects.set(path.slice('k8s/'.length), value);
  }
  return { manifests: { kustomization, objects }, problems };
}

const podTemplateOf = (doc: Doc): Doc | null => doc.spec?.template ?? null;

function workloads(manifests: Manifests): Doc[] {
  return [...manifests.objects.values()].filter((doc) => podTemplateOf(doc) !== null);
}

function byKind(manifests: Manifests, kind: string): Doc[] {
  return [...manifests.objects.values()].filter((doc) => doc.kind === kind);
}

/** k8s/.env.example's keys: what the secretGenerator's .env holds. */
function envKeys(files: Record<string, string>): Set<string> {
  const text = files['k8s/.env.example'] ?? '';
  return new Set([...text.matchAll(/^([A-Za-z_][A-Za-z0-9_]*)=/gm)].map((match) => match[1]!));
}

function kustomizationProblems(manifests: Manifests, files: Record<string, string>): string[] {
  const { kustomization } = manifests;
  const problems = Object.keys(kustomization)
    .filter((key) => !KUSTOMIZATION_KEYS.has(key))
    .map((key) => `kustomization.yaml: unexpected field ${key}`);
  const resources: string[] = kustomization.resources ?? [];
  for (const resource of resources)
    if (!manifests.objects.has(resource))
      problems.push(`kustomization.yaml lists ${resource}, which is missing`);
  for (const file of manifests.objects.keys())
    if (!resources.includes(file)) problems.push(`kustomization.yaml does not list ${file}`);
  const images = new Set((kustomization.images ?? []).map((image: Doc) => image.name));
  for (const doc of workloads(manifests))
    for (const container of podContainers(podTemplateOf(doc)!.spec))
      if (!images.has(container.image))
        problems.push(`${doc.metadata.name}: image ${container.image} is not in kustomization images`);
  for (const generator of kustomization.secretGenerator ?? [])
    for (const env of generator.envs ?? [])
      if (!files[`k8s/${env}.example`]) problems.push(`secretGenerator reads ${env}, which has no .example`);
  const labels = kustomization.labels?.[0]?.pairs ?? {};
  if (!Object.keys(labels).some((key) => key.startsWith('app.kubernetes.io/')))
    problems.push('kustomization.yaml: no app.kubernetes.io/* common labels');
  return problems;
}

/** A Pod's init containers, then its containers: all of them mount volumes and read Secrets. */
function podContainers(pod: Doc): Doc[] {
  return [...(pod.initContainers ?? []), ...pod.containers];
}

/**
 * An emptyDir starts empty: one that a container mounts read-only must be written by another container
 * of the same Pod (an init container, or a server that writes it at start), or it stays empty (nginx
 * answering 404 on an app's static files).
 */
function unwrittenVolumes(name: string, pod: Doc): string[] {
  const emptyDirs = new Set((pod.volumes ?? []).filter((v: Doc) => v.emptyDir).map((v: Doc) => v.name));
  const mounts = podContainers(pod).flatMap((container) => container.volumeMounts ?? []);
  const written = new Set(mounts.filter((mount) => !mount.readOnly).map((mount) => mount.name));
  return [
    ...new Set(
      mounts
        .filter((mount) => mount.readOnly && emptyDirs.has(mount.name) && !written.has(mount.name))
        .map((mount) => mount.name as string),
    ),
  ].map((volume) => `${name}: the emptyDir ${volume} is only mounted read-only, so it stays empty`);
}

/** Names of the Secrets (generated or written) and their keys. */
function secrets(manifests: Manifests, files: Record<string, string>): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  for (const generator of manifests.kustomization.secretGenerator ?? [])
    found.set(generator.name, envKeys(files));
  for (const doc of byKind(manifests, 'Secret'))
    found.set(doc.metadata.name, new Set(Object.keys({ ...doc.data, ...doc.stringData })));
  return found;
}

/**
 * The kubernetes.io/tls Secrets the README has the user make (the bundle never holds a private key):
 * `kubectl create secret tls NAME`, or a cert-manager Certificate's `secretName: NAME`.
 */
function readmeTlsSecrets(files: Record<string, string>): Set<string> {
  const readme = files['README.md'] ?? '';
  return new Set(
    [...readme.matchAll(/kubectl create secret tls ([a-z0-9-]+) |^\s*secretName: ([a-z0-9-]+)$/gm)].map(
      (match) => (match[1] ?? match[2])!,
    ),
  );
}

const TLS_KEYS = new Set(['tls.crt', 'tls.key']);

function referenceProblems(manifests: Manifests, files: Record<string, string>): string[] {
  const problems: string[] = [];
  const configMaps = new Map(byKind(manifests, 'ConfigMap').map((doc) => [doc.metadata.name, doc]));
  const secretKeys = secrets(manifests, files);
  for (const name of readmeTlsSecrets(files)) if (!secretKeys.has(name)) secretKeys.set(name, TLS_KEYS);
  const services = new Set(byKind(manifests, 'Service').map((doc) => doc.metadata.name));
  for (const doc of workloads(manifests)) {
    const name = `${doc.kind} ${doc.metadata.name}`;
    const pod = podTemplateOf(doc)!.spec;
    const volumes = new Map<string, Doc>((pod.volumes ?? []).map((volume: Doc) => [volume.name, volume]));
    const claims = new Set((doc.spec.volumeClaimTemplates ?? []).map((claim: Doc) => claim.metadata.name));
    for (const volume of volumes.values()) {
      if (volume.configMap && !configMaps.has(volume.configMap.name))
        problems.push(`${name}: ConfigMap ${volume.configMap.name} does not exist`);
      const secret = volume.secret?.secretName;
      if (secret && !secretKeys.has(secret))
        problems.push(`${name}: Secret ${secret} does not exist and the README does not have it made`);
      for (const item of volume.secret?.items ?? [])
        if (secret && secretKeys.has(secret) && !secretKeys.get(secret)!.has(item.key))
          problems.push(`${name}: Secret ${secret} has no key ${item.key}`);
    }
    if (doc.kind === 'StatefulSet' && doc.spec.serviceName && !services.has(doc.spec.serviceName))
      problems.push(`${name}: its serviceName ${doc.spec.serviceName} is no Service`);
    problems.push(...unwrittenVolumes(name, pod));
    for (const container of podContainers(pod)) {
      for (const mount of container.volumeMounts ?? []) {
        const volume = volumes.get(mount.name);
        if (!volume && !claims.has(mount.name))
          problems.push(`${name}/${container.name}: volume ${mount.name} does not exist`);
        const mountedSecret: string | undefined = volume?.secret?.secretName;
        const keysOfMount = mountedSecret ? secretKeys.get(mountedSecret) : undefined;
        if (keysOfMount && mount.subPath && !keysOfMount.has(mount.subPath))
          problems.push(`${name}/${container.name}: Secret ${mountedSecret} has no key ${mount.subPath}`);
        const map = volume?.configMap ? configMaps.get(volume.configMap.name) : undefined;
        if (map && mount.subPath && !(mount.subPath in (map.data ?? {})))
          problems.push(
            `${name}/${container.name}: ConfigMap ${map.metadata.name} has no key ${mount.subPath}`,
          );
      }
      for (const env of container.env ?? []) {
        const ref = env.valueFrom?.secretKeyRef;
        if (ref && !secretKeys.get(ref.name)?.has(ref.key))
          problems.push(`${name}/${container.name}: Secret ${ref.name} has no key ${ref.key}`);
        const mapRef = env.valueFrom?.configMapKeyRef;
        if (mapRef && !(mapRef.key in (configMaps.get(mapRef.name)?.data ?? {})))
          problems.push(`${name}/${container.name}: ConfigMap ${mapRef.name} has no key ${mapRef.key}`);
      }
    }
  }
  // The host names nginx proxies to are Services (with that port).
  for (const map of configMaps.values())
    for (const text of Object.values<string>(map.data ?? {}))
      for (const match of text.matchAll(/^\s*server ([a-z0-9-]+):(\d+)\b/gm)) {
        const service = byKind(manifests, 'Service').find((doc) => doc.metadata.name === match[1]);
        if (!service || !service.spec.ports?.some((port: Doc) => String(port.port) === match[2]))
          problems.push(
            `ConfigMap ${map.metadata.name}: nginx proxies to ${match[1]}:${match[2]}, which no Service offers`,
          );
      }
  return problems;
}

const matches = (selector: Doc, labels: Doc) =>
  Object.entries(selector).every(([key, value]) => labels?.[key] === value);

function selectorProblems(manifests: Manifests): string[] {
  const problems: string[] = [];
  const pods = workloads(manifests);
  for (const doc of pods)
    if (!matches(doc.spec.selector?.matchLabels ?? {}, podTemplateOf(doc)!.metadata?.labels))
      problems.push(`${doc.kind} ${doc.metadata.name}: its selector does not match its Pod labels`);
  const claimed = new Map<string, string>();
  for (const service of byKind(manifests, 'Service')) {
    const selected = pods.filter((doc) =>
      matches(service.spec.selector ?? {}, podTemplateOf(doc)!.metadata.labels),
    );
    if (selected.length !== 1) {
      problems.push(`Service ${service.metadata.name} selects ${selected.length} workloads (expected 1)`);
      continue;
    }
    const [workload] = selected;
    const containerPorts = new Set(
      podTemplateOf(workload!)!.spec.containers.flatMap((c: Doc) =>
        (c.ports ?? []).map((p: Doc) => p.containerPort),
      ),
    );
    for (const port of service.spec.ports ?? []) {
      if (!containerPorts.has(port.targetPort))
        problems.push(
          `Service ${service.metadata.name}: no container of ${workload!.metadata.name} listens on ${port.targetPort}`,
        );
      const keys = [`pod ${workload!.metadata.name}:${port.targetPort}`];
      if (service.spec.type === 'LoadBalancer') keys.push(`load balancer port ${port.port}`);
      for (const key of keys) {
        const other = claimed.get(key);
        if (other) problems.push(`Services ${other} and ${service.metadata.name} both claim ${key}`);
        claimed.set(key, service.metadata.name);
      }
    }
  }
  return problems;
}

/** Every check of a kubernetes bundle's files, one result per check. */
export async function checkKubernetesBundle(files: Record<string, string>): Promise<K8sCheck[]> {
  const { manifests, problems: parse } = readManifests(files);
  const results: K8sCheck[] = [
    {
      name: `${manifests.objects.size} manifests parse as YAML`,
      ok: parse.length === 0,
      detail: parse.join('\n'),
    },
  ];
  const schema: string[] = [];
  const strict: string[] = [];
  for (const [file, doc] of manifests.objects) {
    for (const problem of await schemaProblems(doc)) schema.push(`${file}: ${problem}`);
    for (const problem of unknownFields(doc)) strict.push(`${file}: ${problem}`);
  }
  const check = (name: string, problems: string[]) => ({
    name,
    ok: problems.length === 0,
    detail: problems.join('\n'),
  });
  results.push(
    check('manifests validate against the Kubernetes OpenAPI schemas', schema),
    check('no field the schemas do not define', strict),
    check(
      'kustomization.yaml lists every manifest, image and secret source',
      kustomizationProblems(manifests, files),
    ),
    check(
      'every ConfigMap, Secret, volume and Service a Pod uses exists',
      referenceProblems(manifests, files),
    ),
    check('selectors match Pod labels; no two Services claim one port', selectorProblems(manifests)),
  );
  return results;
}
