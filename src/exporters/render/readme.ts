/**
 * The Compose bundle's README, in every language: its sections, their order, the facts each shows,
 * its tables and code blocks are written here once; the words come from the language's text
 * (readme.en.ts, readme.ko.ts).
 */
import type { Design } from '../../model/design';
import { mermaidLines } from '../mermaid';
import type { DeploymentPlan, PlannedNginxServer, PlannedService, UpstreamAddress } from '../planTypes';
import { TLS_INIT_PATH } from '../plan/tls';
import { oneServicePerBuild, upstreamEndpoints } from '../plan/copies';
import { groupPush } from '../../model/group';
import { joinPieces, keptJoin } from '../../model/text';
import { reuseWhenSame } from '../incremental';
import { mapKept } from '../../model/mapKept';
import { appPart, wsgiServerPart } from '../../nodes/planParts';
import { IMAGES, isCompiled } from '../targets/compose/docker';
import { testedFolders } from '../targets/compose/scripts';
import type { Lang } from '../../i18n';
import { code, codeBlock, md, tableHeader, warningSection } from './markdown';
import { composeReadmeEn, type ComposeReadmeText } from './readme.en';
import { composeReadmeKo } from './readme.ko';

/** Where an upstream points, every copy listed when the target is replicated. */
function upstreamServers(address: UpstreamAddress): string {
  if (address.kind === 'unix') return code(`unix:${address.path}`);
  return upstreamEndpoints(address)
    .map(({ host, port }) => code(`${host}:${port}`))
    .join(', ');
}

function serviceSummary(service: PlannedService, text: ComposeReadmeText): string {
  if (service.runs.kind === 'web') {
    const servers = service.runs.servers
      .map((server) => {
        const routes = server.locations.map((location) => {
          if (location.kind === 'static')
            return `${code(location.route)} → ${text.reactBuild({ spaFallback: location.spaFallback })}`;
          if (location.kind === 'files')
            return `${code(location.route)} → ${text.staticFiles({ alias: location.alias })}`;
          return `${code(location.route)} → ${location.pass} ${upstreamServers(location.address)}`;
        });
        return `${text.port({ port: server.listen })}${routes.length ? `: ${routes.join('; ')}` : ''}`;
      })
      .join(' / ');
    return `nginx (${IMAGES.nginx}) — ${servers}`;
  }
  const process = service.runs.process;
  const app = service.runs.apps[0]!;
  const listen = service.listens[0]!;
  return text.pythonService({
    server: process.role === 'wsgi-server' ? text.wsgiServer({ process }) : text.devServer({ app }),
    where: listen.kind === 'unix' ? text.unixSocket({ path: listen.path }) : text.port({ port: listen.port }),
    target: `${app.module}:${app.callable}`,
    database: app.database,
  });
}

/** A service's files and their explanations, in table order; worked out again only when the service or the language changes. */
const serviceFileRows = reuseWhenSame(
  (service: PlannedService, text: ComposeReadmeText): [path: string, explanation: string][] => {
    const dir = service.buildDir;
    const files = text.files;
    if (service.runs.kind === 'web') {
      const spaFallback = service.runs.servers.some((s) =>
        s.locations.some((l) => l.kind === 'static' && l.spaFallback),
      );
      const dockerfile = files.nginxDockerfile({
        image: IMAGES.nginx,
        buildImage: service.buildStage ? IMAGES.node : null,
        user: service.user,
      });
      return [
        [`${dir}/Dockerfile`, dockerfile],
        [`${dir}/.dockerignore`, files.dockerignore],
        [`${dir}/nginx.conf`, files.nginxConf],
        ...(service.copies.some((copy) => copy.to === TLS_INIT_PATH)
          ? [[`${dir}/tls-init.sh`, files.tlsInit] as [string, string]]
          : []),
        ...(service.buildStage
          ? [[`${dir}/frontend/`, files.frontend({ spaFallback })] as [string, string]]
          : []),
      ];
    }
    const run = service.runs;
    const process = run.process;
    const first = run.apps[0]!;
    const rows: [string, string][] = [
      [`${dir}/Dockerfile`, files.pythonDockerfile({ image: IMAGES.python, compiled: isCompiled(process) })],
      [`${dir}/.dockerignore`, files.dockerignore],
      [`${dir}/requirements.txt`, files.requirements({ run })],
    ];
    const project = appPart(first.kind).project;
    if (process.role === 'wsgi-server') {
      rows.push([`${dir}/${wsgiServerPart(process.kind).configFile}`, files.serverConfig({ process })]);
      if (!project) rows.push([`${dir}/${run.entryFile}`, files.wsgiEntry]);
    }
    if (project)
      for (const [path, explanation] of files.project({ project, app: first }))
        rows.push([`${dir}/${path}`, explanation]);
    for (const app of run.apps) {
      const part = appPart(app.kind);
      rows.push([`${dir}/${app.file}`, files.appModule({ app, project: project !== undefined })]);
      for (const path of Object.keys(part.extraFiles?.(app) ?? {}))
        rows.push([`${dir}/${path}`, part.extraFilesExplanation?.[text.lang] ?? '']);
    }
    for (const [path, explanation] of appPart(first.kind).selfChecks?.explanations[text.lang] ?? [])
      rows.push([`${dir}/${path}`, explanation]);
    for (const pkg of run.packages) rows.push([`${dir}/${pkg}`, files.packageInit]);
    rows.push([`${dir}/health-check.py`, files.healthCheck]);
    return rows;
  },
  (service) => service,
);

/** Each service's file rows, kept by position while the services are the same objects. */
const filesOfServices = mapKept(serviceFileRows);

/**
 * The rows of the files table: explanation → the paths it explains, in order of first appearance.
 * A reader of a five-service bundle gains nothing from five copies of the same paragraph, so files
 * with the same explanation share one row.
 */
function fileTable(plan: DeploymentPlan, text: ComposeReadmeText): string[] {
  const files = text.files;
  const topLevel: [path: string, explanation: string][] = [
    ['docker-compose.yml', files.compose],
    ['.env.example', files.envExample],
    ['Makefile', testedFolders(plan).length > 0 ? files.makefileWithChecks : files.makefile],
    ['design.json', files.design],
    ['scripts/smoke.sh', files.smoke],
  ];
  const certbotRows = (plan.certbots ?? []).flatMap((certbot): [string, string][] => [
    [`${certbot.buildDir}/Dockerfile`, files.certbotDockerfile],
    [`${certbot.buildDir}/certbot-run.sh`, files.certbotScript],
  ]);
  const serviceRows = filesOfServices(text, oneServicePerBuild(plan.services));
  return fileTableLines(text, [topLevel, ...serviceRows, certbotRows]);
}

/**
 * The table's lines from each part's rows, written again only when some part's rows change: an edit
 * that replans a service usually leaves its rows equal, so the table is the same array as before.
 */
const fileTableLines = reuseWhenSame(
  (_text: ComposeReadmeText, parts: readonly (readonly [path: string, explanation: string][])[]) => {
    const rows = new Map<string, string[]>();
    for (const part of parts) for (const [path, explanation] of part) groupPush(rows, explanation, path);
    return [...rows].map(
      ([explanation, paths]) =>
        `| ${joinPieces(
          paths.map((path) => `\`${path}\``),
          ', ',
        )} | ${explanation} |`,
    );
  },
  (text) => text,
);

/** The "What runs where" row of a service, written again only when the service or the language changes. */
const serviceRow = reuseWhenSame(
  (service: PlannedService, text: ComposeReadmeText) =>
    `| ${code(service.name)} | ${serviceSummary(service, text)} |`,
  (service) => service,
);

/** Every service's row, kept by position while the services are the same objects. */
const serviceRows = mapKept(serviceRow);

/** A volume's bullet, written again only when the volume or the language changes. */
const volumeLine = reuseWhenSame(
  (volume: DeploymentPlan['volumes'][number], text: ComposeReadmeText) =>
    `- ${code(volume.name)}: ${text.volumes[volume.purpose]}.`,
  (volume) => volume,
);

/** Every volume's bullet, kept by position while the volumes are the same objects. */
const volumeLines = mapKept(volumeLine);

function volumeSection(plan: DeploymentPlan, text: ComposeReadmeText): string[] {
  if (plan.volumes.length === 0) return [];
  return [text.volumesIntro, '', volumesText(text, volumeLines(text, plan.volumes)), ''];
}

const MAKE_TARGETS = ['up', 'smoke', 'logs', 'down'] as const;

function howToRun(plan: DeploymentPlan, text: ComposeReadmeText): string[] {
  return [
    `## ${text.headings.howToRun}`,
    '',
    ...codeBlock(
      'sh',
      MAKE_TARGETS.map((target) => `make ${target.padEnd(10)}# ${text.run.make[target]}`),
    ),
    '',
    text.run.withoutMake,
    plan.entryPort !== null ? text.run.open({ port: plan.entryPort }) : text.run.unreachable,
    '',
  ];
}

function endpoints(plan: DeploymentPlan, text: ComposeReadmeText): string[] {
  const lines = [`## ${text.headings.endpoints}`, '', ...text.endpoints, ''];
  if (plan.probes.length === 0) return lines;
  return [
    ...lines,
    text.smokeOrder,
    '',
    ...plan.probes.map(
      (probe) => `- ${probe.hop}: ${code(`${probe.method} ${probe.path}`)} → ${probe.expectStatus}`,
    ),
    '',
  ];
}

/** How the bundle serves HTTPS, per certificate source: how to trust it, or how certbot gets it. */
function httpsLines(plan: DeploymentPlan, text: ComposeReadmeText): string[] {
  const servers: PlannedNginxServer[] = [];
  // Pushed, not flat-mapped: most designs have none, and no array is made per service to find that out.
  for (const service of plan.services)
    if (service.runs.kind === 'web')
      for (const server of service.runs.servers) if (server.tls) servers.push(server);
  if (servers.length === 0) return [];
  const words = text.https;
  const modes = new Set(servers.map((server) => server.tls!.mode));
  const ports = [...new Set(servers.map((server) => server.tls!.port))];
  const host = servers[0]!.tls!.domains[0]!;
  const port = ports[0]!;
  const url = `https://${host}${port === 443 ? '' : `:${port}`}/`;
  const web = plan.services.find((service) => service.runs.kind === 'web')!.name;
  const redirect = servers.some((server) => server.tls!.redirectHttp);
  const lines = [`## ${text.headings.https}`, '', words.serves({ ports: ports.join(', '), redirect }), ''];
  if (modes.has('self-signed'))
    lines.push(
      `### ${words.selfSignedHeading}`,
      '',
      words.selfSigned,
      '',
      ...codeBlock('sh', [
        `docker compose cp ${web}:/etc/nginx/tls/site-1/fullchain.pem ./local-cert.pem`,
        `curl --cacert local-cert.pem ${url}`,
        `# ${words.systemWide}: sudo cp local-cert.pem /usr/local/share/ca-certificates/stacksketch.crt && sudo update-ca-certificates`,
        '# macOS: sudo security add-trusted-cert -d -r trustRoot -k /Library/Keychains/System.keychain local-cert.pem',
      ]),
      '',
    );
  if (modes.has('letsencrypt'))
    lines.push(
      `### ${words.letsencryptHeading}`,
      '',
      words.letsencrypt,
      '',
      ...words.letsencryptNotes.map((note) => `- ${note}`),
      '',
    );
  if (modes.has('files')) {
    const paths = servers
      .filter((server) => server.tls!.mode === 'files')
      .map((server) => `${code(server.tls!.certificate)}, ${code(server.tls!.key)}`)
      .join('; ');
    lines.push(`### ${words.filesHeading}`, '', words.files({ paths }), '');
  }
  return lines;
}

const README_TEXT: Record<Lang, ComposeReadmeText> = { en: composeReadmeEn, ko: composeReadmeKo };

// The long sections (one line per node, service, volume or file) are joined once and kept while their
// lines are the same strings, so an edit rebuilds the README from a few dozen pieces.
const chartText = keptJoin('\n');
const serviceRowsText = keptJoin('\n');
const volumesText = keptJoin('\n');
const fileTableText = keptJoin('\n');

/**
 * The README in the bundle's language; `warnings`: the diagnostics' messages (already in that
 * language) and the plan's notes, one bullet each.
 */
export function renderReadme(
  design: Design,
  plan: DeploymentPlan,
  warnings: readonly string[],
  lang: Lang = 'en',
): string {
  const text = README_TEXT[lang];
  const devServer = plan.services.some(
    (s) => s.runs.kind === 'python' && s.runs.process.role === 'dev-server',
  );
  const pieces = [
    `# ${md(design.name)}`,
    '',
    text.intro,
    '',
    `## ${text.headings.design}`,
    '',
    ...codeBlock('mermaid', [chartText(text, mermaidLines(design, lang))]),
    '',
    `## ${text.headings.whatRunsWhere}`,
    '',
    ...tableHeader(text.serviceColumns),
    serviceRowsText(text, serviceRows(text, plan.services)),
    '',
    ...volumeSection(plan, text),
    ...warningSection(
      text.headings.warnings,
      warnings.map((warning) => `⚠️ ${md(warning)}`),
    ),
    ...howToRun(plan, text),
    ...httpsLines(plan, text),
    ...endpoints(plan, text),
    `## ${text.headings.files}`,
    '',
    ...tableHeader(text.fileColumns),
    fileTableText(text, fileTable(plan, text)),
    ...(devServer ? ['', ...text.devServerNote.map((line) => `> ${line}`)] : []),
    '',
    `## ${text.headings.whyThisShape}`,
    '',
    ...text.whyThisShape.map((reason) => `- ${reason}`),
    '',
  ];
  return joinPieces(pieces, '\n');
}
