/**
 * The `kubernetes` target: the Compose bundle's images (the same build folders and Dockerfiles) and a
 * k8s/ folder that kustomize applies: a Deployment (or a StatefulSet with a volume claim, for SQLite)
 * per container of the design, a Service per listening server, a ConfigMap per generated config, and a
 * kustomization.yaml with the image names, the common labels and a Secret generated from .env. An nginx
 * Pod that serves an app's static files gets them from an init container of the app's image.
 */
import type { Lang } from '../../../i18n/lang';
import { KUBERNETES_COMMENTS } from './comments';
import { serializeDesign } from '../../../model/serialize';
import { compareText } from '../../order';
import { formatManifest } from '../../serializers/kubernetes';
import { buildFolders } from '../compose';
import type { FileEntry, RenderInput } from '../types';
import { clusterPlan, type ClusterPlan } from './cluster';
import {
  SECRET_KEYS,
  componentOf,
  configMapManifest,
  headlessServiceManifest,
  imageName,
  secretName,
  serviceManifest,
  workloadManifest,
} from './manifests';
import { renderKubernetesReadme } from './readme';

/** The registry the README and kustomization.yaml name until the user sets theirs. */
export const REGISTRY_PLACEHOLDER = 'registry.example.com';
export const IMAGE_TAG = '0.1.0';

/** Every manifest of the k8s/ folder, keyed by its file name there (sorted). */
export function manifestFiles(
  cluster: ClusterPlan,
  dataVolumes: ReadonlySet<string>,
  lang: Lang,
): FileEntry[] {
  const HEADER = [KUBERNETES_COMMENTS[lang].header];
  const files: FileEntry[] = [];
  const component = new Map(cluster.workloads.map((workload) => [workload.name, componentOf(workload)]));
  for (const workload of cluster.workloads) {
    const manifest = workloadManifest(cluster, workload, dataVolumes);
    files.push([
      `${String(manifest.kind).toLowerCase()}-${workload.name}.yaml`,
      formatManifest(manifest, HEADER),
    ]);
    for (const container of workload.containers)
      if (container.config)
        files.push([
          `configmap-${container.name}.yaml`,
          formatManifest(configMapManifest(cluster, workload, container), HEADER),
        ]);
    if (workload.stateful && !cluster.services.some((service) => service.workload === workload.name))
      files.push([
        `service-${workload.name}.yaml`,
        formatManifest(headlessServiceManifest(cluster, workload), HEADER),
      ]);
  }
  for (const service of cluster.services)
    files.push([
      `service-${service.name}.yaml`,
      formatManifest(serviceManifest(cluster, service, component.get(service.workload)!), HEADER),
    ]);
  return files.sort((a, b) => compareText(a[0], b[0]));
}

export function kustomization(cluster: ClusterPlan, resources: readonly string[], lang: Lang): string {
  const c = KUBERNETES_COMMENTS[lang];
  const builds = [
    ...new Map(
      cluster.workloads.flatMap((workload) =>
        workload.containers.map((container) => [imageName(cluster, container.service), container.service]),
      ),
    ).keys(),
  ].sort(compareText);
  return formatManifest(
    {
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
      labels: [
        {
          pairs: {
            'app.kubernetes.io/part-of': cluster.app,
            'app.kubernetes.io/managed-by': 'kustomize',
          },
          includeTemplates: true,
        },
      ],
      resources: [...resources],
      images: builds.map((name) => ({
        name,
        newName: `${REGISTRY_PLACEHOLDER}/${name}`,
        newTag: IMAGE_TAG,
      })),
      secretGenerator: [{ name: secretName(cluster), envs: ['.env'] }],
    },
    [c.header, c.registry, c.secret(secretName(cluster))],
  );
}

function envExample(lang: Lang): string {
  return [
    ...KUBERNETES_COMMENTS[lang].envExample.map((line) => `# ${line}`),
    ...SECRET_KEYS.map((key) => `${key}=change-me`),
    '',
  ].join('\n');
}

export function renderKubernetesBundle({
  design,
  plan,
  warnings,
  lang,
}: RenderInput): Record<string, string> {
  const cluster = clusterPlan(design, plan, lang);
  const dataVolumes = new Set(plan.volumes.filter((v) => v.purpose === 'data').map((v) => v.name));
  const manifests = manifestFiles(cluster, dataVolumes, lang);
  const files: FileEntry[] = [
    ['README.md', renderKubernetesReadme(design, cluster, warnings, lang)],
    ['design.json', serializeDesign(design)],
    ['k8s/.env.example', envExample(lang)],
    [
      'k8s/kustomization.yaml',
      kustomization(
        cluster,
        manifests.map(([name]) => name),
        lang,
      ),
    ],
    ...manifests.map(([name, text]): FileEntry => [`k8s/${name}`, text]),
    ...buildFolders(design, plan, lang).flatMap(([, entries]) => entries),
  ];
  files.sort((a, b) => compareText(a[0], b[0]));
  return Object.fromEntries(files);
}
