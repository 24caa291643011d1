/**
 * install.sh and uninstall.sh: the setup a server without Docker needs, step by step (install the
 * packages, create a system user, copy the app, enable the units and the nginx site, `nginx -t`,
 * reload). Both are idempotent; every name reaches the text through shQuote.
 */
import type { Lang } from '../../../i18n/lang';
import { SERVER_COMMENTS, shellComments, type ServerComments } from './comments';
import { appPart, wsgiServerPart } from '../../../nodes/planParts';
import { compareText } from '../../order';
import { shQuote } from '../../serializers/shell';
import type { HostPlan, HostPythonService } from './hostPlan';
import { commandBinary, serviceUnitName } from './units';
import { tlsCertbotLines, tlsCertificateLines, tlsOf, tlsPackages, tlsUninstallLines } from './tls';

/** What install.sh copies and enables, from the bundle's files. */
export interface InstallInputs {
  host: HostPlan;
  /** Bundle paths of each python service's code, by service folder. */
  codeFiles: ReadonlyMap<string, readonly string[]>;
  /** The React build: its sources' folder in the bundle and the folder nginx serves it from. */
  frontend: { dir: string; to: string } | null;
  /** Ports the site's nginx listens on. */
  ports: readonly number[];
  /** The language of the comments. */
  lang: Lang;
}

const q = shQuote;

function debianPackages(python: readonly HostPythonService[]): string[] {
  const packages = new Set<string>();
  for (const { run } of python) {
    if (run.process.role === 'wsgi-server')
      for (const name of wsgiServerPart(run.process.kind).host.debianPackages) packages.add(name);
    for (const app of run.apps) for (const name of appPart(app.kind).debianPackages ?? []) packages.add(name);
  }
  return [...packages].sort(compareText);
}

/** The unit names install.sh starts: the socket, the service, or each copy of a template. */
export function startedUnits(entry: HostPythonService): string[] {
  if (entry.replicas > 1)
    return Array.from({ length: entry.replicas }, (_, index) => `${entry.names.unit}@${index + 1}.service`);
  return [`${entry.names.unit}.service`];
}

function unitFileNames(entry: HostPythonService): string[] {
  return [serviceUnitName(entry), ...(entry.socketUnit ? [`${entry.names.unit}.socket`] : [])];
}

const HEADER = (heading: string) => [
  '#!/usr/bin/env bash',
  ...shellComments([heading]),
  'set -euo pipefail',
  '',
];

const OS_CHECK = [
  'if [ "$(id -u)" -ne 0 ]; then',
  '  echo "run as root: sudo $0 $*" >&2',
  '  exit 1',
  'fi',
  'if [ ! -r /etc/os-release ]; then',
  '  echo "unsupported system: /etc/os-release is missing (this bundle needs Debian or Ubuntu)" >&2',
  '  exit 1',
  'fi',
  '# shellcheck source=/dev/null',
  '. /etc/os-release',
  'case " ${ID:-} ${ID_LIKE:-} " in',
  '  *" debian "* | *" ubuntu "*) ;;',
  '  *)',
  '    echo "unsupported system: ${PRETTY_NAME:-unknown}; this bundle installs on Debian or Ubuntu with apt and systemd" >&2',
  '    exit 1',
  '    ;;',
  'esac',
  'if ! command -v systemctl >/dev/null 2>&1; then',
  '  echo "unsupported system: systemd is not running the services here" >&2',
  '  exit 1',
  'fi',
  '',
];

function serviceInstallLines(entry: HostPythonService, inputs: InstallInputs): string[] {
  const { names } = entry;
  const files = inputs.codeFiles.get(entry.service.buildDir) ?? [];
  const binary = commandBinary(entry);
  const environment =
    entry.run.process.role === 'wsgi-server'
      ? wsgiServerPart(entry.run.process.kind).host.debianEnvironment
      : {};
  const c = SERVER_COMMENTS[inputs.lang].install;
  const lines = [
    ...shellComments([c.appCode(q(names.dir))]),
    `install -d -m 0755 ${q(names.codeDir)}`,
    ...files.map(
      (file) =>
        `install -m 0644 -D "$BUNDLE"/${q(file)} ${q(`${names.codeDir}/${file.slice(entry.service.buildDir.length + 1)}`)}`,
    ),
    ...shellComments([c.venv]),
    'if [ "$SYSTEM_PACKAGES" -eq 1 ]; then',
    `  python3 -m venv --clear --without-pip --system-site-packages ${q(names.venv)}`,
    ...(binary ? [`  ln -sfn "$(command -v ${q(binary)})" ${q(`${names.venv}/bin/${binary}`)}`] : []),
    'else',
    `  python3 -m venv ${q(names.venv)}`,
    `  ${q(`${names.venv}/bin/pip`)} install --no-cache-dir -r ${q(`${names.codeDir}/requirements.txt`)}`,
    'fi',
    ...shellComments([c.serviceSettings]),
    `: >${q(`/etc/${inputs.host.names.site}/${names.dir}.env`)}`,
  ];
  const entries = Object.entries(environment).sort(([a], [b]) => compareText(a, b));
  if (entries.length > 0) {
    lines.push('if [ "$SYSTEM_PACKAGES" -eq 1 ]; then');
    for (const [name, value] of entries)
      lines.push(`  echo ${q(`${name}=${value}`)} >>${q(`/etc/${inputs.host.names.site}/${names.dir}.env`)}`);
    lines.push('fi');
  }
  lines.push(...projectSetupLines(entry, inputs.host, c));
  for (const unit of unitFileNames(entry))
    lines.push(`install -m 0644 "$BUNDLE"/systemd/${q(unit)} /etc/systemd/system/${q(unit)}`);
  lines.push('');
  return lines;
}

/** A command of the project, run in its code folder with the venv's python and the site's settings. */
function projectRun(
  entry: HostPythonService,
  envFile: string,
  argv: readonly string[],
  user?: string,
): string {
  const [program, ...args] = argv;
  const binary = program === 'python' ? `${entry.names.venv}/bin/python` : program!;
  const asUser = user ? `runuser -u ${q(user)} -- ` : '';
  return `(set -a && . ${q(envFile)} && set +a && cd ${q(entry.names.codeDir)} && ${asUser}${[binary, ...args].map(q).join(' ')})`;
}

/** A project's start-up at install: static files collected beside the code, migrations as the service's user. */
function projectSetupLines(entry: HostPythonService, host: HostPlan, c: ServerComments['install']): string[] {
  const project = appPart(entry.run.apps[0]!.kind).project;
  if (!project) return [];
  const { names } = host;
  const { asRoot, asService } = project.hostSetup;
  // The settings file is the host's own (written above), not a file shellcheck can follow.
  const sourced = (line: string) => ['# shellcheck source=/dev/null', line];
  return [
    ...shellComments(c.projectSetup),
    ...asRoot.flatMap((argv) => sourced(projectRun(entry, names.envFile, argv))),
    `install -d -m 0755 ${q(`/var/lib/${names.site}`)}`,
    `install -d -m 0750 -o ${q(names.user)} -g ${q(names.user)} ${q(`/var/lib/${entry.names.stateDir}`)}`,
    ...asService.flatMap((argv) => sourced(projectRun(entry, names.envFile, argv, names.user))),
  ];
}

function frontendLines(inputs: InstallInputs): string[] {
  if (!inputs.frontend) return [];
  const { dir, to } = inputs.frontend;
  return [
    ...shellComments([SERVER_COMMENTS[inputs.lang].install.frontend]),
    `if [ ! -d "$BUNDLE"/${q(`${dir}/dist`)} ]; then`,
    '  if ! command -v npm >/dev/null 2>&1; then',
    `    echo "the React app needs a build: install npm, or build ${dir} elsewhere and copy its dist/ here" >&2`,
    '    exit 1',
    '  fi',
    `  (cd "$BUNDLE"/${q(dir)} && npm install --no-audit --no-fund && npm run build)`,
    'fi',
    `rm -rf ${q(to)}`,
    `install -d -m 0755 ${q(to)}`,
    `cp -R "$BUNDLE"/${q(`${dir}/dist`)}/. ${q(to)}/`,
    `chmod -R u=rwX,go=rX ${q(to)}`,
    '',
  ];
}

function siteLines(inputs: InstallInputs): string[] {
  const site = inputs.host.names.site;
  const conf = `${site}.conf`;
  const c = SERVER_COMMENTS[inputs.lang].install;
  const lines = [
    ...shellComments([c.site]),
    `install -m 0644 "$BUNDLE"/nginx/${q(conf)} /etc/nginx/sites-available/${q(conf)}`,
    `ln -sfn /etc/nginx/sites-available/${q(conf)} /etc/nginx/sites-enabled/${q(conf)}`,
  ];
  if (inputs.ports.includes(80))
    lines.push(
      ...shellComments([c.defaultSite]),
      'if [ -L /etc/nginx/sites-enabled/default ]; then',
      '  rm /etc/nginx/sites-enabled/default',
      `  touch ${q(`/etc/${site}/default-site-disabled`)}`,
      'fi',
    );
  lines.push(
    ...shellComments([c.nginxCheck]),
    'nginx -t',
    'systemctl enable nginx',
    'systemctl reload-or-restart nginx',
    '',
  );
  return lines;
}

export function renderInstallScript(inputs: InstallInputs): string {
  const { names, python } = inputs.host;
  const packages = debianPackages(python);
  const tls = tlsOf(inputs.host.web.map((web) => web.run));
  const units = python.flatMap((entry) => [
    ...(entry.socketUnit ? [`${entry.names.unit}.socket`] : []),
    ...startedUnits(entry),
  ]);
  const c = SERVER_COMMENTS[inputs.lang].install;
  return [
    ...HEADER(c.heading(names.site)),
    'usage() {',
    '  echo "usage: sudo ./install.sh [--system-packages]"',
    '  echo "  --system-packages  use Debian\'s Flask, Gunicorn and uWSGI instead of the pinned requirements from PyPI"',
    '}',
    'SYSTEM_PACKAGES=0',
    'for arg in "$@"; do',
    '  case "$arg" in',
    '    --system-packages) SYSTEM_PACKAGES=1 ;;',
    '    -h | --help)',
    '      usage',
    '      exit 0',
    '      ;;',
    '    *)',
    '      usage >&2',
    '      exit 2',
    '      ;;',
    '  esac',
    'done',
    'BUNDLE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"',
    '',
    ...shellComments([c.osCheck]),
    ...OS_CHECK,
    ...shellComments([c.packages]),
    `PACKAGES=(nginx python3 python3-venv${tlsPackages(tls)
      .map((name) => ` ${q(name)}`)
      .join('')})`,
    ...(packages.length > 0
      ? [`if [ "$SYSTEM_PACKAGES" -eq 1 ]; then PACKAGES+=(${packages.map(q).join(' ')}); fi`]
      : []),
    'MISSING=()',
    'for package in "${PACKAGES[@]}"; do',
    '  if ! dpkg-query -W -f=\'${Status}\' "$package" 2>/dev/null | grep -q "install ok installed"; then MISSING+=("$package"); fi',
    'done',
    'if [ "${#MISSING[@]}" -gt 0 ]; then',
    '  apt-get update',
    '  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${MISSING[@]}"',
    'fi',
    '',
    ...shellComments([c.user]),
    `if ! getent passwd ${q(names.user)} >/dev/null; then`,
    `  useradd --system --user-group --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin ${q(names.user)}`,
    'fi',
    `install -d -m 0755 ${q(names.srv)} ${q(names.www)}`,
    `install -d -m 0700 ${q(names.etc)}`,
    ...shellComments([c.secretKey]),
    `if [ ! -f ${q(names.envFile)} ]; then`,
    `  (umask 077 && printf 'SECRET_KEY=%s\\n' "$(python3 -c 'import secrets; print(secrets.token_hex(32))')" >${q(names.envFile)})`,
    'fi',
    '',
    ...python.flatMap((entry) => serviceInstallLines(entry, inputs)),
    ...frontendLines(inputs),
    ...shellComments([c.start]),
    'systemctl daemon-reload',
    ...units.map((unit) => `systemctl enable ${q(unit)}`),
    ...units.map((unit) => `systemctl restart ${q(unit)}`),
    '',
    ...tlsCertificateLines(tls, names, inputs.lang),
    ...siteLines(inputs),
    ...tlsCertbotLines(tls, names, inputs.lang),
    `echo "installed ${names.site}: nginx serves it on port${inputs.ports.length > 1 ? 's' : ''} ${inputs.ports.join(', ')}"`,
    '',
  ].join('\n');
}

export function renderUninstallScript(host: HostPlan, lang: Lang): string {
  const c = SERVER_COMMENTS[lang].uninstall;
  const { names, python } = host;
  const conf = `${names.site}.conf`;
  const units = python.flatMap((entry) => [
    ...startedUnits(entry),
    ...(entry.socketUnit ? [`${entry.names.unit}.socket`] : []),
  ]);
  const files = python.flatMap(unitFileNames);
  return [
    ...HEADER(c.heading(names.site)),
    'PURGE=0',
    'for arg in "$@"; do',
    '  case "$arg" in',
    '    --purge) PURGE=1 ;;',
    '    *)',
    '      echo "usage: sudo ./uninstall.sh [--purge]  (--purge also deletes the database, the secret key and the user)" >&2',
    '      exit 2',
    '      ;;',
    '  esac',
    'done',
    'if [ "$(id -u)" -ne 0 ]; then',
    '  echo "run as root: sudo $0 $*" >&2',
    '  exit 1',
    'fi',
    '',
    ...shellComments([c.siteFirst]),
    `rm -f /etc/nginx/sites-enabled/${q(conf)} /etc/nginx/sites-available/${q(conf)}`,
    `if [ -f ${q(`${names.etc}/default-site-disabled`)} ]; then`,
    '  if [ -e /etc/nginx/sites-available/default ] && [ ! -e /etc/nginx/sites-enabled/default ]; then',
    '    ln -s /etc/nginx/sites-available/default /etc/nginx/sites-enabled/default',
    '  fi',
    `  rm -f ${q(`${names.etc}/default-site-disabled`)}`,
    'fi',
    'if systemctl is-active --quiet nginx; then',
    '  nginx -t',
    '  systemctl reload nginx',
    'fi',
    '',
    ...shellComments([c.units]),
    ...units.map((unit) => `systemctl disable --now ${q(unit)} 2>/dev/null || true`),
    ...files.map((file) => `rm -f /etc/systemd/system/${q(file)}`),
    'systemctl daemon-reload',
    '',
    ...tlsUninstallLines(tlsOf(host.web.map((web) => web.run)), names, lang),
    ...shellComments([c.code]),
    `rm -rf ${q(names.srv)} ${q(names.www)}`,
    ...python.map((entry) => `rm -f ${q(`${names.etc}/${entry.names.dir}.env`)}`),
    '',
    'if [ "$PURGE" -eq 1 ]; then',
    `  rm -rf ${q(`/var/lib/${names.site}`)} ${q(names.etc)}`,
    `  if getent passwd ${q(names.user)} >/dev/null; then userdel ${q(names.user)}; fi`,
    `  echo "removed ${names.site}, its database and its user"`,
    'else',
    `  echo "removed ${names.site}; kept the database in /var/lib/${names.site}, the secret key and the user (--purge removes them)"`,
    'fi',
    '',
  ].join('\n');
}
