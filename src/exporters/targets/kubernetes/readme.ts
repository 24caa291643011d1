/**
 * The Kubernetes bundle's README, in every language: what runs where, how to build, push and apply,
 * and what differs from Compose. Its sections, their order, the facts each shows, its tables and
 * code blocks are written here once; the words come from the language's text (readme.en.ts,
 * readme.ko.ts).
 */
import type { Design } from '../../../model/design';
import type { Lang } from '../../../i18n/lang';
import {
  bullet,
  codeBlock,
  codeSpan as code,
  escapeMarkdown,
  openingLines,
  warningSection,
} from '../../render/markdown';
import type { ClusterPlan } from './cluster';
import { imageName, secretName } from './manifests';
import { kubernetesReadmeEn, type KubernetesReadmeText } from './readme.en';
import { kubernetesReadmeKo } from './readme.ko';
import { httpsNotes, type HttpsNotes } from './tlsNotes';

const README_TEXT: Record<Lang, KubernetesReadmeText> = { en: kubernetesReadmeEn, ko: kubernetesReadmeKo };

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

function buildLines(cluster: ClusterPlan): string[] {
  const builds = new Map<string, string>();
  for (const workload of cluster.workloads)
    for (const container of workload.containers)
      builds.set(imageName(cluster, container.service), container.service.buildDir);
  return [...builds].flatMap(([image, dir]) => [
    `docker build -t "$REGISTRY/${image}:$TAG" ${dir}`,
    `docker push "$REGISTRY/${image}:$TAG"`,
  ]);
}

function imageEdits(cluster: ClusterPlan): string[] {
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
function httpsSection(notes: HttpsNotes, text: KubernetesReadmeText): string[] {
  const words = text.https;
  const restart = codeBlock(
    'sh',
    notes.restarts.map((target) => `kubectl rollout restart ${target}`),
  );
  const lines = [`## ${text.headings.https}`, '', words.intro, ''];
  if (notes.selfSigned) lines.push(...words.selfSigned, '');
  if (notes.files.length > 0)
    lines.push(
      ...words.files,
      '',
      ...notes.files.map((secret) => `- ${words.secretMount(secret)}`),
      '',
      ...codeBlock(
        'sh',
        notes.files.map(
          (secret) => `kubectl create secret tls ${secret.name} --cert=fullchain.pem --key=privkey.pem`,
        ),
      ),
      '',
      ...words.renewFiles,
      '',
      ...restart,
      '',
    );
  if (notes.letsencrypt.length > 0)
    lines.push(
      ...words.letsencrypt,
      '',
      ...codeBlock('yaml', [notes.certManager.trimEnd()]),
      '',
      ...words.afterCertManager,
      '',
      ...restart,
      '',
    );
  return lines;
}

/** Said when an nginx Pod serves an app's static files: how they get there. */
function staticFilesChange(cluster: ClusterPlan, text: KubernetesReadmeText): string[] {
  const words = text.changes.staticFiles;
  const steps = cluster.workloads.flatMap((workload) =>
    workload.initContainers.map((init) =>
      words.step({ name: init.name, command: init.command.join(' '), folder: init.mountPath }),
    ),
  );
  if (steps.length === 0) return [];
  return bullet([...words.intro, ...steps, ...words.outro]);
}

function changesFromCompose(cluster: ClusterPlan, https: boolean, text: KubernetesReadmeText): string[] {
  const changes = text.changes;
  return [
    `## ${text.headings.changes}`,
    '',
    ...bullet(changes.pods),
    ...bullet(changes.replicas),
    ...bullet(changes.readiness),
    ...bullet(changes.volumes),
    ...bullet(changes.lockedDown),
    ...staticFilesChange(cluster, text),
    ...bullet(changes.workers),
    ...bullet(https ? changes.httpsFromSecrets : changes.httpsElsewhere),
    '',
  ];
}

/** The README in the bundle's language; `warnings` are already in that language. */
export function renderKubernetesReadme(
  design: Design,
  cluster: ClusterPlan,
  warnings: readonly string[],
  lang: Lang = 'en',
): string {
  const text = README_TEXT[lang];
  const entry = cluster.services.find((service) => service.type === 'LoadBalancer');
  const https = httpsNotes(cluster);
  return [
    ...openingLines(
      text.title({ name: escapeMarkdown(design.name) }),
      text.intro,
      text.headings.whatRunsWhere,
      text.workloadColumns,
    ),
    ...workloadRows(cluster),
    '',
    ...text.exposure({ entry: entry?.name ?? null }),
    '',
    ...warningSection(text.headings.warnings, warnings),
    `## ${text.headings.build}`,
    '',
    ...codeBlock('sh', [
      `REGISTRY=registry.example.com/you   # ${text.build.registry}`,
      'TAG=0.1.0',
      ...buildLines(cluster),
      ...imageEdits(cluster),
      `cp k8s/.env.example k8s/.env        # ${text.build.env}`,
      'kubectl apply -k k8s/',
      ...(entry ? [`kubectl get service ${entry.name}   # ${text.build.externalIp}`] : []),
    ]),
    '',
    ...text.secret({ secret: secretName(cluster), env: 'k8s/.env' }),
    '',
    ...(https ? httpsSection(https, text) : []),
    ...changesFromCompose(cluster, https !== null, text),
  ].join('\n');
}
