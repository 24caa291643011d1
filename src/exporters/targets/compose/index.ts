/** The `compose` target: one Docker Compose service per planned service, ready for `docker compose up`. */
import type { Design } from '../../../model/design';
import { serializeDesign } from '../../../model/serialize';
import { reuseWhenSame, sharedWhenEqual } from '../../incremental';
import { mapKept, mapKeptList } from '../../../model/mapKept';
import { compareText } from '../../order';
import { oneServicePerBuild } from '../../plan/copies';
import type { DeploymentPlan, PlannedService, PythonRun, WebRun } from '../../planTypes';
import { renderFrontend } from '../../render/frontend';
import { renderHealthCheck } from '../../render/python';
import { renderReadme } from '../../render/readme';
import { nginxConfFile, pythonCodeFiles } from '../shared';
import type { FileEntry, Lang, RenderInput } from '../types';
import { TLS_INIT_PATH } from '../../plan/tls';
import { renderCertbotScript, renderTlsInit } from '../../render/tlsScripts';
import { formatComposeEntry } from '../../serializers/yaml';
import {
  composeCertbot,
  composeServiceBlocks,
  renderCertbotDockerfile,
  renderComposeFile,
  renderDockerignore,
  renderPythonDockerfile,
  renderWebDockerfile,
} from './docker';
import { renderEnvExample, renderMakefile, renderSmokeScript } from './scripts';

const byPath = (a: FileEntry, b: FileEntry) => compareText(a[0], b[0]);

/** A python service's folder: its image, healthcheck and code, sorted by path. */
function pythonServiceFiles(service: PlannedService, run: PythonRun, lang: Lang): FileEntry[] {
  return [
    ['.dockerignore', renderDockerignore(service, lang)] as FileEntry,
    ['Dockerfile', renderPythonDockerfile(service, lang)] as FileEntry,
    ['health-check.py', renderHealthCheck(service, run, lang)] as FileEntry,
    ...pythonCodeFiles(service, run, lang),
  ];
}

/** A web service's folder: its image, nginx.conf and, when it builds one, the React app. */
function webServiceFiles(
  service: PlannedService,
  run: WebRun,
  title: string,
  withItems: readonly string[],
  lang: Lang,
): FileEntry[] {
  const files: FileEntry[] = [
    ['.dockerignore', renderDockerignore(service, lang)],
    ['Dockerfile', renderWebDockerfile(service, lang)],
    nginxConfFile(service, run, lang),
  ];
  if (service.copies.some((copy) => copy.to === TLS_INIT_PATH))
    files.push(['tls-init.sh', renderTlsInit(run, lang)]);
  if (service.buildStage)
    for (const [path, text] of Object.entries(renderFrontend(service, title, withItems, lang)))
      files.push([`frontend/${path}`, text]);
  return files;
}

/**
 * A service's build folder ("web/") with its files under it, sorted; rendered again only when its
 * planned service, the title or the items its page lists change (an unchanged service is an identity hit).
 */
const serviceFolder = reuseWhenSame(
  (
    service: PlannedService,
    title: string,
    withItems: readonly string[],
    lang: Lang,
  ): [key: string, files: FileEntry[]] => {
    const files =
      service.runs.kind === 'web'
        ? webServiceFiles(service, service.runs, title, withItems, lang)
        : pythonServiceFiles(service, service.runs, lang);
    return [
      `${service.buildDir}/`,
      files.map(([path, text]): FileEntry => [`${service.buildDir}/${path}`, text]).sort(byPath),
    ];
  },
  (service) => service,
);

/** The process node a python service runs when its app stores items, else null. */
function itemsNode(service: PlannedService): string | null {
  return service.runs.kind === 'python' && service.runs.apps.some((app) => app.database)
    ? service.runs.process.node
    : null;
}

/** The nodes a web service's locations reach, each once, in order: the same array while the service is. */
const proxiedNodes = reuseWhenSame(
  (service: PlannedService): string[] =>
    service.runs.kind === 'web'
      ? [
          ...new Set(
            service.runs.servers.flatMap((server) => server.locations.map((location) => location.node)),
          ),
        ]
      : [],
  (service) => service,
);

const NO_ITEMS: readonly string[] = [];

/** Kept per service while equal, so serviceFolder's check of an unchanged web service is by identity. */
const sharedItems = sharedWhenEqual<string[]>();

/** The nodes a web service proxies to whose app stores items (its React page lists them). */
function proxiedWithItems(service: PlannedService, withItems: ReadonlySet<string>): readonly string[] {
  if (service.runs.kind !== 'web') return NO_ITEMS;
  const proxied = proxiedNodes(service);
  return proxied.length === 0
    ? proxied
    : sharedItems(
        service,
        proxied.filter((node) => withItems.has(node)),
      );
}

/**
 * What a build folder reads beyond its own service: the design's title, the language, and which
 * process nodes' apps store items (a React page lists them). Kept while equal, so the folders of
 * unchanged services are kept by position (foldersOf) while it stays the same object.
 */
interface FolderContext {
  title: string;
  lang: Lang;
  itemsNodes: readonly (string | null)[];
}

const sharedContext = sharedWhenEqual<FolderContext>();
const itemsNodesOf = mapKeptList(itemsNode);
const LAST_PLAN = {};

/** The process nodes whose app stores items, once per context. */
const nodesWithItems = reuseWhenSame(
  (context: FolderContext) => new Set(context.itemsNodes.filter((node) => node !== null)),
  (context) => context,
);

const foldersOf = mapKept((service: PlannedService, context: FolderContext) =>
  serviceFolder(service, context.title, proxiedWithItems(service, nodesWithItems(context)), context.lang),
);

/**
 * Each image's build folder ("web/", "app/") with its files: the Dockerfile, .dockerignore, configs
 * and code. The kubernetes target builds its images from the same folders.
 */
export function buildFolders(
  design: Design,
  plan: DeploymentPlan,
  lang: Lang,
): readonly [key: string, files: FileEntry[]][] {
  const context = sharedContext(LAST_PLAN, {
    title: design.name,
    lang,
    itemsNodes: itemsNodesOf(plan.services),
  });
  return foldersOf(context, oneServicePerBuild(plan.services));
}

/**
 * Every file of the bundle, sorted by path: the top-level files, then each service's folder. The
 * groups sorted by key ("README.md", "web/") give the order of sorting every path, since a
 * folder's key ends in its only "/" and service folders are unique and never a top-level name.
 */
export function renderComposeBundle({ design, plan, warnings, lang }: RenderInput): Record<string, string> {
  const certbots = plan.certbots ?? [];
  const serviceBlocks = composeServiceBlocks(plan.services);
  const blocks =
    certbots.length === 0
      ? serviceBlocks
      : [
          ...serviceBlocks,
          ...certbots.map((certbot) => formatComposeEntry('services', certbot.name, composeCertbot(certbot))),
        ];
  const groups: [key: string, files: FileEntry[]][] = [
    ['README.md', [['README.md', renderReadme(design, plan, warnings, lang)]]],
    ['docker-compose.yml', [['docker-compose.yml', renderComposeFile(blocks, plan.volumes, lang)]]],
    ['.env.example', [['.env.example', renderEnvExample(certbots.length > 0, lang)]]],
    ['Makefile', [['Makefile', renderMakefile(plan, lang)]]],
    ['design.json', [['design.json', serializeDesign(design)]]],
    ['scripts/', [['scripts/smoke.sh', renderSmokeScript(plan, lang)]]],
    ...buildFolders(design, plan, lang),
    ...certbots.map((certbot): [string, FileEntry[]] => [
      `${certbot.buildDir}/`,
      [
        [`${certbot.buildDir}/Dockerfile`, renderCertbotDockerfile(lang)],
        [`${certbot.buildDir}/certbot-run.sh`, renderCertbotScript(certbot, lang)],
      ],
    ]),
  ];
  groups.sort((a, b) => compareText(a[0], b[0]));
  // Filled group by group: no flat list of every file is built first (a bundle has thousands).
  const files: Record<string, string> = {};
  for (const [, entries] of groups) for (const [path, text] of entries) files[path] = text;
  return files;
}
