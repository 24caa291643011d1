/** The kubernetes bundle's README: what runs where, how to build, push and apply, and what differs from Compose. */
import type { Design } from '../../../model/design';
import type { ClusterPlan } from './cluster';
import { imageName, secretName } from './manifests';
import { httpsNotes, type HttpsNotes } from './tlsNotes';

export function md(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+!|<>]/g, (c) => `\\${c}`);
}
export const code = (text: string) => `\`${text}\``;

function workloadRows(cluster: ClusterPlan): string[] {
  return cluster.workloads.map((workload) => {
    const kind = workload.stateful ? 'StatefulSet' : 'Deployment';
    const containers = [
      ...workload.initContainers.map((init) => `${code(init.name)} (init)`),
      ...workload.containers.map((container) => code(container.name)),
    ].join(', ');
    const services = cluster.services
      .filter((service) => service.workload === workload.name)
      .map(
        (service) =>
          `${code(service.name)} (${service.type}, ${service.ports.map((port) => port.port).join(', ')})`,
      )
      .join(', ');
    return `| ${code(workload.name)} | ${kind} | ${workload.replicas} | ${containers} | ${services || '—'} |`;
  });
}

export function buildLines(cluster: ClusterPlan): string[] {
  const builds = new Map<string, string>();
  for (const workload of cluster.workloads)
    for (const container of workload.containers)
      builds.set(imageName(cluster, container.service), container.service.buildDir);
  return [...builds].flatMap(([image, dir]) => [
    `docker build -t "$REGISTRY/${image}:$TAG" ${dir}`,
    `docker push "$REGISTRY/${image}:$TAG"`,
  ]);
}

export function imageEdits(cluster: ClusterPlan): string[] {
  const images = new Set(
    cluster.workloads.flatMap((workload) =>
      workload.containers.map((container) => imageName(cluster, container.service)),
    ),
  );
  return [...images].map(
    (image) => `(cd k8s && kustomize edit set image ${image}="$REGISTRY/${image}:$TAG")`,
  );
}

/** The HTTPS section: what makes each certificate, and what the user creates before applying. */
function httpsSection(notes: HttpsNotes): string[] {
  const restart = notes.restarts.map((target) => `kubectl rollout restart ${target}`);
  const lines = [
    '## HTTPS',
    '',
    'nginx serves HTTPS with the same nginx.conf as the Compose bundle; its Service exposes the HTTPS port too.',
    '',
  ];
  if (notes.selfSigned)
    lines.push(
      '**Self-signed (for trying only).** The nginx image’s start script (`tls-init.sh`, as under Compose)',
      'makes a self-signed certificate into an `emptyDir` when the Pod starts: browsers warn, and every new',
      'Pod makes a new certificate. For real clients, use your own files or Let’s Encrypt.',
      '',
    );
  if (notes.files.length > 0)
    lines.push(
      '**Your own certificate.** nginx reads it from a Secret of type `kubernetes.io/tls` (keys `tls.crt` and',
      '`tls.key`), mounted at the paths nginx.conf names. The bundle never holds the key: create the Secret',
      'from your files before `kubectl apply -k k8s/`:',
      '',
      ...notes.files.map(
        (secret) => `- ${code(secret.name)}: mounted at ${code(secret.certificate)} and ${code(secret.key)}`,
      ),
      '',
      '```sh',
      ...notes.files.map(
        (secret) => `kubectl create secret tls ${secret.name} --cert=fullchain.pem --key=privkey.pem`,
      ),
      '```',
      '',
      'When you renew the files, replace the Secret (add `--dry-run=client -o yaml | kubectl apply -f -`)',
      'and restart the Pods: files mounted one by one do not follow a changed Secret.',
      '',
      '```sh',
      ...restart,
      '```',
      '',
    );
  if (notes.letsencrypt.length > 0)
    lines.push(
      '**Let’s Encrypt: cert-manager, not certbot.** Under Compose a certbot container and nginx share a',
      'webroot and a certificate volume, and nginx reloads when certbot leaves a flag. Pods come and go and',
      'share no volume that way, so the cluster has no certbot: cert-manager is the Kubernetes way. It',
      'answers the HTTP-01 challenge, keeps the certificate in a Secret of type `kubernetes.io/tls` (the same',
      'kind the own-files mode mounts) and renews it. Install cert-manager, then apply (the domain and the',
      'address are the design’s):',
      '',
      '```yaml',
      notes.certManager.trimEnd(),
      '```',
      '',
      'The Pod waits (ContainerCreating) until the Secret exists. HTTP-01 needs',
      '`http://DOMAIN/.well-known/acme-challenge/` to reach cert-manager’s solver: through an Ingress',
      'controller of the class named in the Issuer (set yours); when the domain points straight at this',
      'LoadBalancer, use a DNS-01 solver instead. After a renewal the kubelet updates the mounted files;',
      'nginx reads them when the Pods restart:',
      '',
      '```sh',
      ...restart,
      '```',
      '',
    );
  return lines;
}

/** What each init container of the cluster runs and which folder it fills: the README's own words. */
export function staticFileSteps(cluster: ClusterPlan): { name: string; command: string; folder: string }[] {
  return cluster.workloads.flatMap((workload) =>
    workload.initContainers.map((init) => ({
      name: code(init.name),
      command: code(init.command.join(' ')),
      folder: code(init.mountPath),
    })),
  );
}

/** Said when an nginx Pod serves an app's static files: how they get there. */
function staticFilesChange(cluster: ClusterPlan): string[] {
  const steps = staticFileSteps(cluster);
  if (steps.length === 0) return [];
  return [
    '- **Static files are copied into the nginx Pod.** Under Compose the app writes its static files',
    '  (Django’s `collectstatic`, a Flask `static/` folder) into a volume nginx mounts; Pods share no',
    '  volume, so the nginx Pod first runs the app’s image as an init container, which writes them into an',
    '  `emptyDir` that nginx then mounts read-only at the folder its `alias` names:',
    ...steps.map((step) => `  ${step.name} runs ${step.command} into ${step.folder}.`),
    '  Both Pods name the same image, so a new tag in `kustomization.yaml` rolls them together and nginx’s',
    '  copy follows the app’s version.',
  ];
}

export function renderKubernetesReadme(
  design: Design,
  cluster: ClusterPlan,
  warnings: readonly string[],
): string {
  const entry = cluster.services.find((service) => service.type === 'LoadBalancer');
  const https = httpsNotes(cluster);
  return [
    `# ${md(design.name)} on Kubernetes`,
    '',
    'Generated by StackSketch from `design.json`: the same design as the Docker Compose bundle, as',
    'Kubernetes manifests in `k8s/`, applied with kustomize. The images are built from the same folders',
    'and Dockerfiles as the Compose bundle.',
    '',
    '## What runs where',
    '',
    '| Container | Workload | Replicas | Pod containers | Services |',
    '| --- | --- | --- | --- | --- |',
    ...workloadRows(cluster),
    '',
    entry
      ? `Only ${code(entry.name)} faces the clients, through a Service of type LoadBalancer; every other Service is`
      : 'No Service faces the clients (the design has no entry nginx); every Service is',
    'ClusterIP, reachable inside the cluster only. Each generated config (nginx.conf, gunicorn.conf.py,',
    'uwsgi.ini) is a ConfigMap mounted over the image’s copy; the Pod template carries a checksum of it,',
    'so changing a config rolls the Pods.',
    '',
    ...(warnings.length > 0 ? ['## Warnings', '', ...warnings.map((w) => `- ${w}`), ''] : []),
    '## Build, push, apply',
    '',
    '```sh',
    'REGISTRY=registry.example.com/you   # your registry',
    'TAG=0.1.0',
    ...buildLines(cluster),
    ...imageEdits(cluster),
    'cp k8s/.env.example k8s/.env        # then set a long random SECRET_KEY',
    'kubectl apply -k k8s/',
    ...(entry ? [`kubectl get service ${entry.name}   # the EXTERNAL-IP clients use`] : []),
    '```',
    '',
    `The Secret ${code(secretName(cluster))} is generated from ${code('k8s/.env')} by kustomize's`,
    '`secretGenerator` (its name gets a hash suffix, so a new key rolls the Pods); `.env` itself is never',
    'committed or built into an image.',
    '',
    ...(https ? httpsSection(https) : []),
    '## What changes from Compose',
    '',
    '- **Containers become Pods.** nginx and a Python server drawn in one container share one Pod (and a',
    '  unix socket on an `emptyDir`); in different containers they are different Pods, which share no files:',
    '  they talk over TCP through a Service.',
    '- **Copies are replicas.** A container with replicas is one Deployment with that many Pods behind one',
    '  Service, which spreads connections over the ready Pods; nginx proxies to the Service name.',
    '  (Compose lists each copy in nginx’s upstream; here the balance method of the edge is not used.)',
    '- **`depends_on` becomes readiness.** Probes run the same health checks as the Compose healthchecks:',
    '  a Pod receives traffic only once its server answers, and is restarted when it stops answering.',
    '- **Named volumes become volume claims.** A container with SQLite is a StatefulSet whose Pod gets a',
    '  ReadWriteOnce volume: it mounts on one node only, so SQLite stays at one replica.',
    '- **Locked down.** Every container runs as a non-root user with a read-only root filesystem (writable',
    '  `emptyDir` folders only where a server writes), no privilege escalation, all capabilities dropped and',
    '  the RuntimeDefault seccomp profile; resource requests and limits are set; a stop waits as long as the',
    '  servers’ own graceful timeouts (`terminationGracePeriodSeconds`).',
    ...staticFilesChange(cluster),
    '- **Workers.** Gunicorn’s `workers = "auto"` counts the node’s CPUs, not the Pod’s limit: set a number',
    '  in the design when Pods are small.',
    https
      ? '- **HTTPS.** Certificates come from Secrets (or a start script for self-signed), not from certbot.'
      : '- **HTTPS.** Terminate TLS at the LoadBalancer or an Ingress (with cert-manager for Let’s Encrypt).',
    '',
  ].join('\n');
}
