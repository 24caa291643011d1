import { joinPieces } from '../../../model/text';
import { wsgiServerPart } from '../../../nodes/planParts';
import { compareText } from '../../order';
import { reuseWhenSame } from '../../incremental';
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

const HEALTH = { interval: '10s', timeout: '5s', startPeriod: '15s', retries: 5 };

const PYTHON_HEALTH_COMMAND = ['python', 'health-check.py'];

export function healthCommand(service: PlannedService): string[] {
  if (service.image === 'python') return [...PYTHON_HEALTH_COMMAND];
  const port = service.listens[0]?.kind === 'tcp' ? service.listens[0].port : 80;
  return ['wget', '-q', '-O', '/dev/null', `http://127.0.0.1:${port}${NGINX_HEALTH_PATH}`];
}

// The instructions every Dockerfile of a kind shares, formatted (and checked) once when the module loads.
const COMPILE_STAGE = dockerFragment([
  {
    op: 'comment',
    text: 'Stage 1: uWSGI is a C program; compile its wheel here, with the compiler that the',
  },
  { op: 'comment', text: 'final image does not need to carry.' },
  { op: 'FROM', image: IMAGES.python, as: 'build' },
  {
    op: 'RUN',
    shell:
      'apt-get update && apt-get install -y --no-install-recommends build-essential && rm -rf /var/lib/apt/lists/*',
  },
  { op: 'COPY', sources: ['requirements.txt'], dest: '/tmp/requirements.txt' },
  { op: 'RUN', shell: 'pip wheel --no-cache-dir --wheel-dir /wheels -r /tmp/requirements.txt' },
  { op: 'blank' },
  { op: 'comment', text: 'Stage 2: the runtime image, with the prebuilt wheels only.' },
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
  { op: 'comment', text: 'A non-root user: a compromised app cannot take over the container.' },
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
  {
    op: 'comment',
    text: 'Requirements first: this layer is rebuilt only when they change, not on every code edit.',
  },
  { op: 'COPY', sources: ['requirements.txt'], dest: './' },
  { op: 'RUN', shell: 'pip install -r requirements.txt' },
  { op: 'COPY', sources: ['.'], dest: './' },
]);

const APP_USER = dockerFragment([{ op: 'USER', name: 'app' }]);

const DEV_SERVER_STOP = dockerFragment([
  {
    op: 'comment',
    text: 'The Flask dev server stops on Ctrl-C (SIGINT), not on the SIGTERM Docker sends.',
  },
  { op: 'STOPSIGNAL', signal: 'SIGINT' },
]);

const PYTHON_HEALTHCHECK = dockerFragment([{ op: 'HEALTHCHECK', ...HEALTH, command: PYTHON_HEALTH_COMMAND }]);

/** A server pip builds from source (uWSGI is a C program): the image compiles it in a stage of its own. */
export function isCompiled(process: PythonProcess): boolean {
  return process.role === 'wsgi-server' && wsgiServerPart(process.kind).compiled;
}

export function renderPythonDockerfile(service: PlannedService): string {
  if (service.runs.kind !== 'python') throw new Error('not a python service');
  const process = service.runs.process;
  const ownDirs = [...new Set(service.mounts.map((mount) => mount.target))].sort(compareText).map(shQuote);
  const listener = service.listens[0]!;
  const ins: DockerInstruction[] = [];
  const compiled = isCompiled(process);
  if (compiled) ins.push(COMPILE_STAGE);
  ins.push(PYTHON_BASE, { op: 'WORKDIR', path: service.workdir });
  ins.push(compiled ? WHEELS_INSTALL : PIP_INSTALL);
  if (ownDirs.length > 0) {
    ins.push(
      {
        op: 'comment',
        text: 'Volume folders owned by the app user: a new named volume takes this ownership.',
      },
      { op: 'RUN', shell: `mkdir -p ${ownDirs.join(' ')} && chown app:app ${ownDirs.join(' ')}` },
    );
  }
  ins.push(APP_USER);
  if (listener.kind === 'tcp') ins.push({ op: 'EXPOSE', port: listener.port });
  if (process.role === 'dev-server') ins.push(DEV_SERVER_STOP);
  ins.push(PYTHON_HEALTHCHECK, { op: 'CMD', command: service.command });
  return formatDockerfile(ins);
}

const WEB_BUILD_STAGE = dockerFragment([
  {
    op: 'comment',
    text: 'Stage 1: build the React app with Node. Only the built files go to the final image.',
  },
  { op: 'FROM', image: IMAGES.node, as: 'build' },
  { op: 'WORKDIR', path: '/src' },
  { op: 'COPY', sources: ['frontend/package.json'], dest: './' },
  { op: 'RUN', shell: 'npm install --no-audit --no-fund' },
  { op: 'COPY', sources: ['frontend/'], dest: './' },
  { op: 'RUN', shell: 'npm run build' },
  { op: 'blank' },
  { op: 'comment', text: 'Stage 2: nginx serves the build and proxies the API.' },
]);

const WEB_BASE = dockerFragment([
  { op: 'FROM', image: IMAGES.nginx },
  {
    op: 'comment',
    text: 'The whole nginx.conf: the master process binds the port, workers run as user "nginx".',
  },
  { op: 'COPY', sources: ['nginx.conf'], dest: '/etc/nginx/nginx.conf' },
]);

const TLS_INIT_COPY = dockerFragment([
  {
    op: 'comment',
    text: 'openssl and the script that makes the first certificate at start, into the TLS volume',
  },
  { op: 'comment', text: '(the image and the bundle never hold a private key).' },
  { op: 'RUN', shell: 'apk add --no-cache openssl' },
  { op: 'COPY', sources: ['tls-init.sh'], dest: TLS_INIT_PATH },
]);

export function renderWebDockerfile(service: PlannedService): string {
  const ins: DockerInstruction[] = [];
  if (service.buildStage) ins.push(WEB_BUILD_STAGE);
  ins.push(WEB_BASE);
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
function dockerignoreText(image: PlannedService['image']): string {
  const lines = [
    '# Files kept out of the build context: faster builds, smaller images, nothing private baked in.',
    '# Git metadata and history: large, and not something a production image should expose.',
    '.git',
    '.gitignore',
    '# Build instructions are not needed inside the image once it is built.',
    '.dockerignore',
    'Dockerfile',
    '# Secrets stay out of images; they come from the environment at run time.',
    '.env',
    '.env.*',
  ];
  if (image === 'python')
    lines.push(
      '# Local caches and virtualenvs.',
      '__pycache__/',
      '*.pyc',
      '.venv/',
      'venv/',
      '*.db',
      '*.db-wal',
      '*.db-shm',
    );
  else
    lines.push('# Installed and built by the Dockerfile itself.', 'frontend/node_modules/', 'frontend/dist/');
  lines.push('');
  return lines.join('\n');
}

/** Fixed text per image kind, so built once rather than per service. */
const DOCKERIGNORE = { python: dockerignoreText('python'), web: dockerignoreText('web') };

export function renderDockerignore(service: PlannedService): string {
  return DOCKERIGNORE[service.image];
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

function volumesEntry(volumes: readonly PlannedVolume[]): Record<string, unknown> {
  return Object.fromEntries(volumes.map((volume) => [volume.name, {}]));
}

/** The Compose file as data: one service per container of the plan, then the named volumes. */
export function composeDocument(plan: DeploymentPlan): Record<string, unknown> {
  const services: Record<string, unknown> = {};
  for (const service of plan.services) services[service.name] = composeService(service);
  for (const certbot of plan.certbots ?? []) services[certbot.name] = composeCertbot(certbot);
  return plan.volumes.length > 0 ? { services, volumes: volumesEntry(plan.volumes) } : { services };
}

export const COMPOSE_HEADER = [
  'Generated by StackSketch: one service per container of the design.',
  'Start: docker compose up --build   (SECRET_KEY comes from .env, see .env.example)',
  'Only nginx publishes a port; app servers are reachable only on the Compose network.',
];

/** docker-compose.yml of a plan in one go (the same text as renderComposeFile over its blocks). */
export function renderCompose(plan: DeploymentPlan): string {
  return formatCompose(composeDocument(plan), COMPOSE_HEADER);
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

export function renderCertbotDockerfile(): string {
  return CERTBOT_DOCKERFILE;
}

const CERTBOT_DOCKERFILE = formatDockerfile([
  { op: 'comment', text: "certbot, Let's Encrypt's client, with the bundle's script that runs it." },
  { op: 'FROM', image: IMAGES.certbot },
  { op: 'COPY', sources: ['certbot-run.sh'], dest: CERTBOT_SCRIPT_PATH },
]);

/** One service's lines of docker-compose.yml, written again only when its planned service changes. */
export const composeServiceBlock = reuseWhenSame(
  (service: PlannedService) => formatComposeEntry('services', service.name, composeService(service)),
  (service) => service,
);

/** docker-compose.yml from its service blocks and the named volumes. */
export function renderComposeFile(blocks: readonly string[], volumes: readonly PlannedVolume[]): string {
  const services =
    blocks.length > 0 ? `services:\n${joinPieces(blocks, '')}` : formatCompose({ services: {} });
  const named = volumes.length > 0 ? formatCompose({ volumes: volumesEntry(volumes) }) : '';
  return `${composeHeader(COMPOSE_HEADER)}${services}${named}`;
}
