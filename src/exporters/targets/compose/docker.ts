import { keptJoin } from '../../../model/text';
import { wsgiServerPart } from '../../../nodes/planParts';
import type { Lang } from '../../../i18n/lang';
import { COMPOSE_COMMENTS, hashComments, type ComposeComments } from './comments';
import { compareText } from '../../order';
import { reuseWhenSame } from '../../incremental';
import { mapKeptList } from '../../../model/mapKept';
import type {
  DeploymentPlan,
  PlannedCertbot,
  PlannedService,
  PlannedVolume,
  PythonProcess,
} from '../../planTypes';
import { TLS_INIT_PATH } from '../../plan/tls';
import { CERTBOT_SCRIPT_PATH } from '../../render/tlsScripts';
import { dockerFragment, formatDockerfile, type DockerInstruction } from '../../serializers/dockerfile';
import { shQuote } from '../../serializers/shell';
import { composeHeader, composeVariable, formatCompose, formatComposeEntry } from '../../serializers/yaml';
import { NGINX_HEALTH_PATH } from '../../render/nginxConf';
import { INSTANCE_VARIABLE } from '../../plan/copies';
import { pythonStopSeconds, STOP_MARGIN_SECONDS } from '../shared';

export const IMAGES = {
  python: 'python:3.12-slim',
  nginx: 'nginx:1.27-alpine',
  node: 'node:20-alpine',
  certbot: 'certbot/certbot:v2.11.0',
};
/** Fixed ids for the app user, so volume ownership is the same on every build. */
export const APP_UID = 10001;

/** Dockerfile comment instructions, one per line. */
const comments = (lines: readonly string[]): DockerInstruction[] =>
  lines.map((text) => ({ op: 'comment', text }));

/**
 * A first stage named `build` on `image` that makes what the final image copies (its comment first),
 * then the comment that opens the final stage.
 */
function buildStage(
  about: readonly string[],
  image: string,
  finalStage: string,
  steps: readonly DockerInstruction[],
): DockerInstruction {
  return dockerFragment([
    ...comments(about),
    { op: 'FROM', image, as: 'build' },
    ...steps,
    { op: 'blank' },
    ...comments([finalStage]),
  ]);
}

const HEALTH = { interval: '10s', timeout: '5s', startPeriod: '15s', retries: 5 };

const PYTHON_HEALTH_COMMAND = ['python', 'health-check.py'];

export function healthCommand(service: PlannedService): string[] {
  if (service.image === 'python') return [...PYTHON_HEALTH_COMMAND];
  const port = service.listens[0]?.kind === 'tcp' ? service.listens[0].port : 80;
  return ['wget', '-q', '-O', '/dev/null', `http://127.0.0.1:${port}${NGINX_HEALTH_PATH}`];
}

/** The instructions every Python Dockerfile of a kind shares, with their comments in one language. */
function pythonParts(c: ComposeComments) {
  const COMPILE_STAGE = buildStage(c.compileStage, IMAGES.python, c.runtimeStage, [
    {
      op: 'RUN',
      shell:
        'apt-get update && apt-get install -y --no-install-recommends build-essential && rm -rf /var/lib/apt/lists/*',
    },
    { op: 'COPY', sources: ['requirements.txt'], dest: '/tmp/requirements.txt' },
    { op: 'RUN', shell: 'pip wheel --no-cache-dir --wheel-dir /wheels -r /tmp/requirements.txt' },
  ]);

  const PYTHON_BASE = dockerFragment([
    { op: 'FROM', image: IMAGES.python },
    {
      op: 'ENV',
      vars: [
        ['PYTHONDONTWRITEBYTECODE', '1'],
        ['PYTHONUNBUFFERED', '1'],
        ['PIP_NO_CACHE_DIR', '1'],
        ['PIP_DISABLE_PIP_VERSION_CHECK', '1'],
      ],
    },
    ...comments([c.nonRootUser]),
    {
      op: 'RUN',
      shell: `groupadd --system --gid ${APP_UID} app && useradd --system --uid ${APP_UID} --gid app --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin app`,
    },
  ]);

  // Code owned by root: the app user can read it but not rewrite it (the last COPY of both).
  const WHEELS_INSTALL = dockerFragment([
    { op: 'COPY', from: 'build', sources: ['/wheels'], dest: '/wheels' },
    { op: 'COPY', sources: ['requirements.txt'], dest: './' },
    {
      op: 'RUN',
      shell: 'pip install --no-index --find-links=/wheels -r requirements.txt && rm -rf /wheels',
    },
    { op: 'COPY', sources: ['.'], dest: './' },
  ]);
  const PIP_INSTALL = dockerFragment([
    ...comments([c.requirementsFirst]),
    { op: 'COPY', sources: ['requirements.txt'], dest: './' },
    { op: 'RUN', shell: 'pip install -r requirements.txt' },
    { op: 'COPY', sources: ['.'], dest: './' },
  ]);

  const APP_USER = dockerFragment([{ op: 'USER', name: 'app' }]);

  const DEV_SERVER_STOP = dockerFragment([
    ...comments([c.devServerStop]),
    { op: 'STOPSIGNAL', signal: 'SIGINT' },
  ]);

  const PYTHON_HEALTHCHECK = dockerFragment([
    { op: 'HEALTHCHECK', ...HEALTH, command: PYTHON_HEALTH_COMMAND },
  ]);
  return {
    COMPILE_STAGE,
    PYTHON_BASE,
    WHEELS_INSTALL,
    PIP_INSTALL,
    APP_USER,
    DEV_SERVER_STOP,
    PYTHON_HEALTHCHECK,
  };
}

// Formatted (and checked) once per language when the module loads.
const PYTHON_PARTS = { en: pythonParts(COMPOSE_COMMENTS.en), ko: pythonParts(COMPOSE_COMMENTS.ko) };

/** A server pip builds from source (uWSGI is a C program): the image compiles it in a stage of its own. */
export function isCompiled(process: PythonProcess): boolean {
  return process.role === 'wsgi-server' && wsgiServerPart(process.kind).compiled;
}

export function renderPythonDockerfile(service: PlannedService, lang: Lang): string {
  if (service.runs.kind !== 'python') throw new Error('not a python service');
  const parts = PYTHON_PARTS[lang];
  const process = service.runs.process;
  const ownDirs = [...new Set(service.mounts.map((mount) => mount.target))].sort(compareText).map(shQuote);
  const listener = service.listens[0]!;
  const ins: DockerInstruction[] = [];
  const compiled = isCompiled(process);
  if (compiled) ins.push(parts.COMPILE_STAGE);
  ins.push(parts.PYTHON_BASE, { op: 'WORKDIR', path: service.workdir });
  ins.push(compiled ? parts.WHEELS_INSTALL : parts.PIP_INSTALL);
  if (ownDirs.length > 0) {
    ins.push(...comments([COMPOSE_COMMENTS[lang].volumeOwnership]), {
      op: 'RUN',
      shell: `mkdir -p ${ownDirs.join(' ')} && chown app:app ${ownDirs.join(' ')}`,
    });
  }
  ins.push(parts.APP_USER);
  if (listener.kind === 'tcp') ins.push({ op: 'EXPOSE', port: listener.port });
  if (process.role === 'dev-server') ins.push(parts.DEV_SERVER_STOP);
  ins.push(parts.PYTHON_HEALTHCHECK, { op: 'CMD', command: service.command });
  return formatDockerfile(ins);
}

/** The instructions every nginx Dockerfile shares, with their comments in one language. */
function webParts(c: ComposeComments) {
  const WEB_BUILD_STAGE = buildStage([c.webBuildStage], IMAGES.node, c.webServeStage, [
    { op: 'WORKDIR', path: '/src' },
    { op: 'COPY', sources: ['frontend/package.json'], dest: './' },
    { op: 'RUN', shell: 'npm install --no-audit --no-fund' },
    { op: 'COPY', sources: ['frontend/'], dest: './' },
    { op: 'RUN', shell: 'npm run build' },
  ]);

  // Between the two, the comment names the user the proxy's workers run as (the planned service's).
  const WEB_FROM = dockerFragment([{ op: 'FROM', image: IMAGES.nginx }]);
  const NGINX_CONF_COPY = dockerFragment([
    { op: 'COPY', sources: ['nginx.conf'], dest: '/etc/nginx/nginx.conf' },
  ]);

  const TLS_INIT_COPY = dockerFragment([
    ...comments(c.tlsInit),
    { op: 'RUN', shell: 'apk add --no-cache openssl' },
    { op: 'COPY', sources: ['tls-init.sh'], dest: TLS_INIT_PATH },
  ]);
  return { WEB_BUILD_STAGE, WEB_FROM, NGINX_CONF_COPY, TLS_INIT_COPY };
}

const WEB_PARTS = { en: webParts(COMPOSE_COMMENTS.en), ko: webParts(COMPOSE_COMMENTS.ko) };

export function renderWebDockerfile(service: PlannedService, lang: Lang): string {
  const { WEB_BUILD_STAGE, WEB_FROM, NGINX_CONF_COPY, TLS_INIT_COPY } = WEB_PARTS[lang];
  const ins: DockerInstruction[] = [];
  if (service.buildStage) ins.push(WEB_BUILD_STAGE);
  ins.push(WEB_FROM, ...comments([COMPOSE_COMMENTS[lang].wholeNginxConf(service.user)]), NGINX_CONF_COPY);
  if (service.copies.some((copy) => copy.to === TLS_INIT_PATH)) ins.push(TLS_INIT_COPY);
  if (service.buildStage)
    ins.push({ op: 'COPY', from: 'build', sources: ['/src/dist/'], dest: `${service.buildStage.to}/` });
  for (const listener of service.listens)
    if (listener.kind === 'tcp') ins.push({ op: 'EXPOSE', port: listener.port });
  ins.push(
    { op: 'HEALTHCHECK', ...HEALTH, command: healthCommand(service) },
    { op: 'CMD', command: service.command },
  );
  return formatDockerfile(ins);
}

/** .dockerignore: what never belongs in the build context (the study notes' reasoning in comments). */
function dockerignoreText(image: PlannedService['image'], c: ComposeComments['dockerignore']): string {
  const lines = [
    ...hashComments([c.heading, c.git]),
    '.git',
    '.gitignore',
    ...hashComments([c.buildFiles]),
    '.dockerignore',
    'Dockerfile',
    ...hashComments([c.secrets]),
    '.env',
    '.env.*',
  ];
  if (image === 'python')
    lines.push(
      ...hashComments([c.caches]),
      '__pycache__/',
      '*.pyc',
      '.venv/',
      'venv/',
      '*.db',
      '*.db-wal',
      '*.db-shm',
    );
  else lines.push(...hashComments([c.frontend]), 'frontend/node_modules/', 'frontend/dist/');
  lines.push('');
  return lines.join('\n');
}

const dockerignores = (c: ComposeComments['dockerignore']) => ({
  python: dockerignoreText('python', c),
  web: dockerignoreText('web', c),
});

/** Fixed text per image kind and language, so built once rather than per service. */
const DOCKERIGNORE = {
  en: dockerignores(COMPOSE_COMMENTS.en.dockerignore),
  ko: dockerignores(COMPOSE_COMMENTS.ko.dockerignore),
};

export function renderDockerignore(service: PlannedService, lang: Lang): string {
  return DOCKERIGNORE[lang][service.image];
}

/** One service's entry of the Compose file, as data. */
function composeService(service: PlannedService): Record<string, unknown> {
  const entry: Record<string, unknown> = {
    build: { context: `./${service.buildDir}` },
    restart: 'unless-stopped',
  };
  if (service.image === 'python') {
    entry.environment = { PYTHONUNBUFFERED: '1', SECRET_KEY: composeVariable('SECRET_KEY') };
    // A copy of a replicated container says who it is in /api/health.
    const instance = service.env[INSTANCE_VARIABLE];
    if (instance !== undefined) (entry.environment as Record<string, string>)[INSTANCE_VARIABLE] = instance;
    const listener = service.listens[0];
    if (listener?.kind === 'tcp') entry.expose = [String(listener.port)];
    // docker stop waits 10 s by default: give the server its whole graceful timeout, then a margin.
    if (service.runs.kind === 'python')
      entry.stop_grace_period = `${pythonStopSeconds(service.runs) + STOP_MARGIN_SECONDS}s`;
  }
  if (service.published.length > 0)
    entry.ports = service.published.map((port) => `${port.host}:${port.container}`);
  const volumes = service.mounts.map(
    (mount) => `${mount.volume}:${mount.target}${mount.readOnly ? ':ro' : ''}`,
  );
  // The user's own certificate and key: mounted read-only from the host at the same path.
  for (const file of service.hostFiles ?? []) volumes.push(`${file}:${file}:ro`);
  if (volumes.length > 0) entry.volumes = volumes;
  if (service.dependsOn.length > 0)
    entry.depends_on = Object.fromEntries(
      service.dependsOn.map((dep) => [dep, { condition: 'service_healthy' }]),
    );
  entry.healthcheck = {
    test: ['CMD', ...healthCommand(service)],
    interval: HEALTH.interval,
    timeout: HEALTH.timeout,
    retries: HEALTH.retries,
    start_period: HEALTH.startPeriod,
  };
  return entry;
}

function volumesEntry(names: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(names.map((name) => [name, {}]));
}

/** The Compose file as data: one service per container of the plan, then the named volumes. */
export function composeDocument(plan: DeploymentPlan): Record<string, unknown> {
  const services: Record<string, unknown> = {};
  for (const service of plan.services) services[service.name] = composeService(service);
  for (const certbot of plan.certbots ?? []) services[certbot.name] = composeCertbot(certbot);
  return plan.volumes.length > 0
    ? { services, volumes: volumesEntry(plan.volumes.map((volume) => volume.name)) }
    : { services };
}

/** The English header of docker-compose.yml. */
export const COMPOSE_HEADER = COMPOSE_COMMENTS.en.composeHeader;

/** docker-compose.yml of a plan in one go (the same text as renderComposeFile over its blocks). */
export function renderCompose(plan: DeploymentPlan, lang: Lang = 'en'): string {
  return formatCompose(composeDocument(plan), COMPOSE_COMMENTS[lang].composeHeader);
}

/** The certbot service of a web service (Let's Encrypt): obtains and renews, never publishes a port. */
export function composeCertbot(certbot: PlannedCertbot): Record<string, unknown> {
  return {
    build: { context: `./${certbot.buildDir}` },
    restart: 'unless-stopped',
    entrypoint: ['/bin/sh', CERTBOT_SCRIPT_PATH],
    command: ['run'],
    environment: { ACME_SERVER: composeVariable('ACME_SERVER') },
    volumes: certbot.mounts.map((mount) => `${mount.volume}:${mount.target}`),
    depends_on: { [certbot.web]: { condition: 'service_healthy' } },
  };
}

export function renderCertbotDockerfile(lang: Lang): string {
  return formatDockerfile([
    ...comments([COMPOSE_COMMENTS[lang].certbotImage]),
    { op: 'FROM', image: IMAGES.certbot },
    { op: 'COPY', sources: ['certbot-run.sh'], dest: CERTBOT_SCRIPT_PATH },
  ]);
}

/** One service's lines of docker-compose.yml, written again only when its planned service changes. */
export const composeServiceBlock = reuseWhenSame(
  (service: PlannedService) => formatComposeEntry('services', service.name, composeService(service)),
  (service) => service,
);

/** Every service's block of a plan, kept by position while the services are the same objects. */
export const composeServiceBlocks = mapKeptList(composeServiceBlock);

// The services' blocks joined, and the named volumes written, once while they stay the same.
const blocksText = keptJoin('');
const volumeNames = mapKeptList((volume: PlannedVolume) => volume.name);
const namedVolumesText = reuseWhenSame(
  (names: readonly string[]) => formatCompose({ volumes: volumesEntry(names) }),
  (names) => names,
);
const LAST_FILE = {};

/** docker-compose.yml from its service blocks and the named volumes. */
export function renderComposeFile(
  blocks: readonly string[],
  volumes: readonly PlannedVolume[],
  lang: Lang = 'en',
): string {
  const services =
    blocks.length > 0 ? `services:\n${blocksText(LAST_FILE, blocks)}` : formatCompose({ services: {} });
  const named = volumes.length > 0 ? namedVolumesText(volumeNames(volumes)) : '';
  return `${composeHeader(COMPOSE_COMMENTS[lang].composeHeader)}${services}${named}`;
}
