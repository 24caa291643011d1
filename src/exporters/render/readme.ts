import type { Design } from '../../model/design';
import { printableText } from '../../model/fields';
import { mermaidLines } from '../mermaid';
import type { DeploymentPlan, PlannedService, PlannedVolume, UpstreamAddress } from '../planTypes';
import { TLS_INIT_PATH } from '../plan/tls';
import { oneServicePerBuild, upstreamEndpoints } from '../plan/copies';
import { groupPush } from '../../model/group';
import { joinPieces } from '../../model/text';
import { reuseWhenSame } from '../incremental';
import { appPart, wsgiServerPart } from '../../nodes/planParts';
import { IMAGES, isCompiled } from '../targets/compose/docker';
import { testedFolders } from '../targets/compose/scripts';
import { requirementsExplanation } from './python';
import { renderKoreanReadme } from './readme.ko';
import type { Lang } from '../../i18n';

export function md(text: string): string {
  // Design text in Markdown: no HTML, no link or emphasis syntax.
  return printableText(text).replace(/[\\`*_{}[\]<>()#+!|~&]/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

export function code(text: string): string {
  return `\`${text.includes('`') ? text.replace(/`/g, "'") : text}\``;
}

/** Where an upstream points, every copy listed when the target is replicated. */
export function upstreamServers(address: UpstreamAddress): string {
  if (address.kind === 'unix') return code(`unix:${address.path}`);
  return upstreamEndpoints(address)
    .map(({ host, port }) => code(`${host}:${port}`))
    .join(', ');
}

function serviceSummary(service: PlannedService): string {
  if (service.runs.kind === 'web') {
    const servers = service.runs.servers
      .map((server) => {
        const routes = server.locations.map((location) => {
          if (location.kind === 'static')
            return `${code(location.route)} → React build${location.spaFallback ? ' (SPA fallback)' : ''}`;
          if (location.kind === 'files')
            return `${code(location.route)} → static files ${code(location.alias)}`;
          return `${code(location.route)} → ${location.pass} ${location.address.kind === 'unix' ? code(`unix:${location.address.path}`) : upstreamServers(location.address)}`;
        });
        return `port ${server.listen}${routes.length ? `: ${routes.join('; ')}` : ''}`;
      })
      .join(' / ');
    return `nginx (${IMAGES.nginx}) — ${servers}`;
  }
  const process = service.runs.process;
  const app = service.runs.apps[0]!;
  const target = `${code(`${app.module}:${app.callable}`)}`;
  const listen = service.listens[0]!;
  const where = listen.kind === 'unix' ? `unix socket ${code(listen.path)}` : `port ${listen.port}`;
  const server =
    process.role === 'wsgi-server'
      ? wsgiServerPart(process.kind).summary(process)
      : appPart(app.kind).devSummary;
  return `${server} on ${where}, running ${target}${app.database ? ` with SQLite ${code(app.database)}` : ''}`;
}

/** What a file does and why, for the top-level files of every bundle. */
const TOP_LEVEL_FILES: [path: string, explanation: string][] = [
  [
    'docker-compose.yml',
    'One service per container of the design, each with a healthcheck. Only nginx publishes a port: the app servers are reachable only on the Compose network, so every request passes the buffering proxy first.',
  ],
  [
    '.env.example',
    'The settings read from the environment (`SECRET_KEY`). Copy it to `.env`; the key never sits in code or images.',
  ],
  ['Makefile', '`up`, `down`, `logs`, `smoke`.'],
  ['design.json', 'The design itself: open it in StackSketch to change the stack and export again.'],
  [
    'scripts/smoke.sh',
    'After start-up, curls each hop through the published port; the first failing hop names the broken layer.',
  ],
];

const MAKEFILE_WITH_CHECKS =
  '`up`, `down`, `logs`, `smoke`; `test` (pytest), `lint` (flake8, `black --check`) and `format` (black) in each app folder that ships tests, with the tools of its `requirements-dev.txt`.';

const DOCKERIGNORE =
  'Keeps `.git` (large, and history does not belong in an image), `.gitignore`, `.dockerignore` and `Dockerfile` (only needed to build), `.env` (secrets) and local caches out of the build context: faster builds, smaller images, nothing private baked in.';
const NGINX_CONF =
  'The whole nginx.conf. nginx is the doorkeeper: it takes every request, serves static files itself, buffers slow clients and passes the rest to the app server. `server_tokens off`, security headers, gzip, a body size limit, upstreams with keepalive, forwarded headers.';
const WSGI_ENTRY =
  'The WSGI entry point: exposes the Flask app as `app`. WSGI is the standard interface between a Python app and its server.';
const PACKAGE_INIT = 'Makes the module path of the app importable.';
const HEALTH_CHECK =
  'The container healthcheck: talks to the server the way nginx does and expects 200 from the health route.';

const TLS_INIT =
  'Runs before nginx in its container: makes the first certificate of each HTTPS server into the TLS volume (self-signed, or a stand-in until certbot has the real one), so no private key is ever in the image or this bundle; with Let’s Encrypt it also reloads nginx when certbot installs a renewed certificate.';
const CERTBOT_DOCKERFILE = 'The certbot service’s image: Let’s Encrypt’s client with the script below.';
const CERTBOT_SCRIPT =
  'Obtains each certificate over HTTP-01 (nginx serves the challenge from a shared volume), renews twice a day, copies new certificates to nginx’s TLS volume and asks nginx to reload.';

function nginxDockerfile(buildStage: boolean, user: string): string {
  return `Pinned ${code(IMAGES.nginx)}${buildStage ? `; a first stage on ${code(IMAGES.node)} builds the React app, and only the built files reach the final image` : ''}. The master process binds the port; workers run as the unprivileged ${code(user)} user. A HEALTHCHECK calls ${code('/nginx-health')}.`;
}

function pythonDockerfile(uwsgi: boolean): string {
  return `Pinned ${code(IMAGES.python)}, a non-root ${code('app')} user, requirements installed before the code is copied (cached layers)${uwsgi ? '; uWSGI is compiled in a separate build stage with build-essential, so the compiler stays out of the final image' : ''}. A HEALTHCHECK runs ${code('health-check.py')}.`;
}

const DOCKERFILES = {
  python: pythonDockerfile(false),
  pythonCompiled: pythonDockerfile(true),
};

function frontendFolder(spaFallback: boolean): string {
  return `A real React + Vite app (pinned versions) that calls the API through nginx on the same origin. nginx serves its build${
    spaFallback ? ' with `try_files $uri $uri/ …/index.html`, so client-side routes survive a reload' : ''
  }.`;
}

const FRONTEND = { plain: frontendFolder(false), spaFallback: frontendFolder(true) };

/** A service's files and their explanations, in table order; worked out again only when the service changes. */
const serviceFileRows = reuseWhenSame(
  (service: PlannedService): [path: string, explanation: string][] => {
    const dir = service.buildDir;
    if (service.runs.kind === 'web') {
      const spaFallback = service.runs.servers.some((s) =>
        s.locations.some((l) => l.kind === 'static' && l.spaFallback),
      );
      const tlsInit: [string, string][] = service.copies.some((copy) => copy.to === TLS_INIT_PATH)
        ? [[`${dir}/tls-init.sh`, TLS_INIT]]
        : [];
      return [
        [`${dir}/Dockerfile`, nginxDockerfile(service.buildStage !== undefined, service.user)],
        [`${dir}/.dockerignore`, DOCKERIGNORE],
        [`${dir}/nginx.conf`, NGINX_CONF],
        ...tlsInit,
        ...(service.buildStage
          ? [[`${dir}/frontend/`, spaFallback ? FRONTEND.spaFallback : FRONTEND.plain] as [string, string]]
          : []),
      ];
    }
    const run = service.runs;
    const process = run.process;
    const rows: [string, string][] = [
      [`${dir}/Dockerfile`, isCompiled(process) ? DOCKERFILES.pythonCompiled : DOCKERFILES.python],
      [`${dir}/.dockerignore`, DOCKERIGNORE],
      [`${dir}/requirements.txt`, requirementsExplanation(run)],
    ];
    const project = appPart(run.apps[0]!.kind).project;
    if (process.role === 'wsgi-server') {
      const server = wsgiServerPart(process.kind);
      rows.push([`${dir}/${server.configFile}`, server.configExplanation(process)]);
      if (!project) rows.push([`${dir}/${run.entryFile}`, WSGI_ENTRY]);
    }
    if (project)
      for (const [path, explanation] of project.explanations(run.apps[0]!))
        rows.push([`${dir}/${path}`, explanation]);
    for (const app of run.apps) {
      const part = appPart(app.kind);
      rows.push([`${dir}/${app.file}`, part.explanation(app)]);
      for (const path of Object.keys(part.extraFiles?.(app) ?? {}))
        rows.push([`${dir}/${path}`, part.extraFilesExplanation?.en ?? '']);
    }
    for (const [path, explanation] of appPart(run.apps[0]!.kind).selfChecks?.explanations.en ?? [])
      rows.push([`${dir}/${path}`, explanation]);
    for (const pkg of run.packages) rows.push([`${dir}/${pkg}`, PACKAGE_INIT]);
    rows.push([`${dir}/health-check.py`, HEALTH_CHECK]);
    return rows;
  },
  (service) => service,
);

/**
 * The rows of the files table: explanation → the paths it explains, in order of first appearance.
 * A reader of a five-service bundle gains nothing from five copies of the same paragraph, so files
 * with the same explanation share one row.
 */
function fileTable(plan: DeploymentPlan): string[] {
  const rows = new Map<string, string[]>();
  const checked = testedFolders(plan).length > 0;
  for (const [path, explanation] of TOP_LEVEL_FILES)
    groupPush(rows, checked && path === 'Makefile' ? MAKEFILE_WITH_CHECKS : explanation, path);
  for (const service of oneServicePerBuild(plan.services))
    for (const [path, explanation] of serviceFileRows(service)) groupPush(rows, explanation, path);
  for (const certbot of plan.certbots ?? []) {
    groupPush(rows, CERTBOT_DOCKERFILE, `${certbot.buildDir}/Dockerfile`);
    groupPush(rows, CERTBOT_SCRIPT, `${certbot.buildDir}/certbot-run.sh`);
  }
  return [...rows].map(
    ([explanation, paths]) =>
      `| ${joinPieces(
        paths.map((path) => `\`${path}\``),
        ', ',
      )} | ${explanation} |`,
  );
}

/** The "What runs where" row of a service, written again only when the service changes. */
const serviceRow = reuseWhenSame(
  (service: PlannedService) => `| ${code(service.name)} | ${serviceSummary(service)} |`,
  (service) => service,
);

const VOLUME_PURPOSES: Record<PlannedVolume['purpose'], string> = {
  data: 'the SQLite data — it survives `docker compose down` and image rebuilds',
  socket: 'the folder of a unix socket, mounted by the app server and nginx so nginx can connect to it',
  certificates: 'nginx’s certificates and private keys, made or installed at run time (never in an image)',
  acme: 'Let’s Encrypt’s challenge webroot or certbot’s account and certificates, shared with the certbot service',
  static:
    'the collected static files: the app writes them at start, nginx mounts them read-only and serves them',
};

function volumeLines(plan: DeploymentPlan): string[] {
  if (plan.volumes.length === 0) return [];
  return [
    'Named volumes:',
    '',
    ...plan.volumes.map((volume) => `- ${code(volume.name)}: ${VOLUME_PURPOSES[volume.purpose]}.`),
    '',
  ];
}

function warningLines(warnings: readonly string[]): string[] {
  return warnings.length > 0
    ? ['## Warnings', '', ...warnings.map((warning) => `- ⚠️ ${md(warning)}`), '']
    : [];
}

function howToRun(plan: DeploymentPlan): string[] {
  return [
    '## How to run',
    '',
    '```sh',
    'make up        # creates .env with a random SECRET_KEY, then: docker compose up --build -d',
    'make smoke     # curls every hop through nginx and says which one fails',
    'make logs      # follow the logs of every service',
    'make down      # stop (the named volumes, and so the data, stay)',
    '```',
    '',
    `Without make: \`cp .env.example .env\`, set \`SECRET_KEY\`, then \`docker compose up --build\`.`,
    plan.entryPort !== null
      ? `Open http://localhost:${plan.entryPort}/ once the services report healthy.`
      : 'No service publishes a port: nothing is reachable from the host.',
    '',
  ];
}

function endpoints(plan: DeploymentPlan): string[] {
  const lines = [
    '## Endpoints',
    '',
    'nginx passes each request URI to the app unchanged, so every Flask app registers its routes under the prefix of',
    'the nginx route that reaches it: behind route `R` the API lives at `R` + `api/` (for example `/` → `/api/health`,',
    '`/shop/` → `/shop/api/health`), except when `R` already ends in `/api/`, where it lives at `R` itself',
    '(`/api/` → `/api/health`).',
    '',
  ];
  if (plan.probes.length === 0) return lines;
  return [
    ...lines,
    'The smoke check (`scripts/smoke.sh`) tries, in order:',
    '',
    ...plan.probes.map(
      (probe) => `- ${probe.hop}: ${code(`${probe.method} ${probe.path}`)} → ${probe.expectStatus}`,
    ),
    '',
  ];
}

const DEV_SERVER_NOTE = [
  '',
  '> ⚠️ **The Flask development server faces traffic here.** It is built for a developer at a keyboard:',
  '> weak concurrency, no protection against slow clients, no worker management. Keep it for development',
  '> and put Gunicorn or uWSGI between nginx and Flask before real users arrive.',
];

const WHY_THIS_SHAPE = [
  '',
  '## Why this shape',
  '',
  "- Flask's built-in server is for development only: it handles requests poorly in parallel and has no defences against slow or hostile clients.",
  '- A WSGI server (Gunicorn or uWSGI) runs the app in several workers and manages them; nginx in front terminates client connections, buffers them, serves static files and hides the app servers.',
  '- nginx with `uwsgi_pass` needs uWSGI listening with `socket` (uwsgi protocol); `proxy_pass` needs `http-socket` (HTTP) or Gunicorn.',
  '- SQLite is a file: it lives on a named volume in the container of the app that opens it, never shared between containers.',
  '',
];

/** How the bundle serves HTTPS, per certificate source: how to trust it, or how certbot gets it. */
function httpsLines(plan: DeploymentPlan): string[] {
  const servers = plan.services.flatMap((service) =>
    service.runs.kind === 'web' ? service.runs.servers.filter((server) => server.tls) : [],
  );
  if (servers.length === 0) return [];
  const modes = new Set(servers.map((server) => server.tls!.mode));
  const ports = [...new Set(servers.map((server) => server.tls!.port))];
  const host = servers[0]!.tls!.domains[0]!;
  const port = ports[0]!;
  const url = `https://${host}${port === 443 ? '' : `:${port}`}/`;
  const lines = [
    '## HTTPS',
    '',
    `nginx serves HTTPS on port ${ports.join(', ')} (TLS 1.2 and 1.3 only, HTTP/2, Mozilla’s “intermediate” ciphers). Plain HTTP ${servers.some((server) => server.tls!.redirectHttp) ? 'answers 301 to the HTTPS address' : 'still serves the site'}.`,
    '',
  ];
  if (modes.has('self-signed'))
    lines.push(
      '### Self-signed certificate (local use)',
      '',
      'At first start the nginx container makes a key and a certificate into its TLS volume (they stay there across restarts; `docker compose down -v` makes new ones). Browsers warn about it until you trust it. Copy it out and trust it:',
      '',
      '```sh',
      `docker compose cp ${plan.services.find((service) => service.runs.kind === 'web')!.name}:/etc/nginx/tls/site-1/fullchain.pem ./local-cert.pem`,
      `curl --cacert local-cert.pem ${url}`,
      '# Debian/Ubuntu system-wide: sudo cp local-cert.pem /usr/local/share/ca-certificates/stacksketch.crt && sudo update-ca-certificates',
      '# macOS: sudo security add-trusted-cert -d -r trustRoot -k /Library/Keychains/System.keychain local-cert.pem',
      '```',
      '',
    );
  if (modes.has('letsencrypt'))
    lines.push(
      '### Let’s Encrypt',
      '',
      'Point the domain’s DNS at this host and open ports 80 and 443. nginx starts with a temporary self-signed certificate; the certbot service then obtains the real one over HTTP-01 (nginx serves `/.well-known/acme-challenge/` from a shared volume, even when HTTP redirects), installs it and nginx reloads. certbot checks for renewal twice a day; nginx reloads after each renewal.',
      '',
      '- Staging first: set `ACME_SERVER=https://acme-staging-v02.api.letsencrypt.org/directory` in `.env` while testing (staging has much higher rate limits; its certificates are not trusted by browsers). Empty means production. After switching, run `docker compose run --rm --entrypoint sh <certbot service> -c "rm -rf /etc/letsencrypt/*"` once so certbot asks the new server.',
      '- The e-mail address in the design is registered with the account: Let’s Encrypt writes there before a certificate expires.',
      '- Logs: `docker compose logs -f` shows certbot’s and nginx’s reload messages.',
      '',
    );
  if (modes.has('files'))
    lines.push(
      '### Your own certificate',
      '',
      `nginx reads your certificate chain and key from the host paths set in the design (${servers
        .filter((server) => server.tls!.mode === 'files')
        .map((server) => `${code(server.tls!.certificate)}, ${code(server.tls!.key)}`)
        .join(
          '; ',
        )}), mounted read-only into the container. Put them there before \`docker compose up\`; after replacing them, run \`docker compose exec <web service> nginx -s reload\`.`,
      '',
    );
  return lines;
}

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
  return lang === 'ko'
    ? renderKoreanReadme(design, plan, warnings)
    : renderEnglishReadme(design, plan, warnings);
}

function renderEnglishReadme(design: Design, plan: DeploymentPlan, warnings: readonly string[]): string {
  const devServer = plan.services.some(
    (s) => s.runs.kind === 'python' && s.runs.process.role === 'dev-server',
  );
  const lines = [
    `# ${md(design.name)}`,
    '',
    'A ready-to-run deployment generated by StackSketch from the design in `design.json`.',
    '',
    '## The design',
    '',
    '```mermaid',
    ...mermaidLines(design),
    '```',
    '',
    '## What runs where',
    '',
    '| Service | Runs |',
    '| --- | --- |',
    ...plan.services.map((service) => serviceRow(service)),
    '',
    ...volumeLines(plan),
    ...warningLines(warnings),
    ...howToRun(plan),
    ...httpsLines(plan),
    ...endpoints(plan),
    '## The files, and why they are there',
    '',
    '| File | What it does, and why |',
    '| --- | --- |',
    ...fileTable(plan),
    ...(devServer ? DEV_SERVER_NOTE : []),
    ...WHY_THIS_SHAPE,
  ];
  return joinPieces(lines, '\n');
}
