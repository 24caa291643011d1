/**
 * The systemd units of the python services: a hardened service per server (a template unit
 * `name@.service` when its container has replicas), and a .socket unit where the server can take
 * its socket from systemd. Every value reaches the text through the systemd serializer.
 */
import type { Lang } from '../../../i18n/lang';
import { SERVER_COMMENTS, type ServerComments } from './comments';
import { appPart, wsgiServerPart } from '../../../nodes/planParts';
import {
  formatUnit,
  unitEnvironment,
  unitValue,
  type CommandWord,
  type UnitSection,
} from '../../serializers/systemd';
import { INSTANCE_VARIABLE } from '../../plan/copies';
import { pythonStopSeconds, STOP_MARGIN_SECONDS } from '../shared';
import type { FileEntry } from '../types';
import type { HostNames } from './names';
import { COPIES_DIR, type HostPythonService } from './hostPlan';

/** A project's server on the host, listening on 127.0.0.1 (its start-up steps run at install). */
function projectCommand(entry: HostPythonService): string[] | null {
  const { process, apps } = entry.run;
  const project = appPart(apps[0]!.kind).project;
  return project ? project.serverCommand(apps[0]!, process, '127.0.0.1') : null;
}

/** The command line a service runs, its binary taken from the service's venv. */
export function hostCommand(entry: HostPythonService): CommandWord[] {
  const { process, apps } = entry.run;
  if (process.role === 'dev-server') {
    const port = process.bind.kind === 'tcp' ? process.bind.port : 5000;
    const [binary, ...args] =
      projectCommand(entry) ?? appPart(apps[0]!.kind).devCommand(apps[0]!, port, '127.0.0.1');
    return [`${entry.names.venv}/bin/${binary}`, ...args];
  }
  const server = wsgiServerPart(process.kind);
  const [binary, ...args] = projectCommand(entry) ?? server.command;
  // Each copy reads its own config (its own port): copies/<instance>/<config file>.
  const perCopy = entry.copyPorts.length > 1;
  return [
    `${entry.names.venv}/bin/${binary}`,
    ...args.map((arg): CommandWord =>
      perCopy && arg === server.configFile ? { aroundInstance: [`${COPIES_DIR}/`, `/${arg}`] } : arg,
    ),
  ];
}

/**
 * The first word of each command line: install.sh links Debian's binary there without a venv
 * (null when it is the venv's own python).
 */
export function commandBinary(entry: HostPythonService): string | null {
  const { process, apps } = entry.run;
  const command =
    projectCommand(entry) ??
    (process.role === 'dev-server'
      ? appPart(apps[0]!.kind).devCommand(apps[0]!, 1)
      : wsgiServerPart(process.kind).command);
  return command[0] === 'python' ? null : command[0]!;
}

/** Settings that confine every service (`systemd-analyze security` exposure ≤ 2.0). */
function hardening(entry: HostPythonService, c: ServerComments['unit']): UnitSection['entries'] {
  const unixOnly = entry.run.process.bind.kind === 'unix';
  return [
    {
      key: 'NoNewPrivileges',
      value: true,
      comment: c.noNewPrivileges,
    },
    { key: 'CapabilityBoundingSet', value: '' },
    { key: 'AmbientCapabilities', value: '' },
    {
      key: 'ProtectSystem',
      value: 'strict',
      comment: c.protectSystem,
    },
    { key: 'ProtectHome', value: true },
    { key: 'PrivateTmp', value: true },
    { key: 'PrivateDevices', value: true },
    { key: 'PrivateUsers', value: true },
    { key: 'ProtectKernelTunables', value: true },
    { key: 'ProtectKernelModules', value: true },
    { key: 'ProtectKernelLogs', value: true },
    { key: 'ProtectControlGroups', value: true },
    { key: 'ProtectClock', value: true },
    { key: 'ProtectHostname', value: true },
    { key: 'ProtectProc', value: 'invisible' },
    { key: 'ProcSubset', value: 'pid' },
    { key: 'LockPersonality', value: true },
    { key: 'RestrictRealtime', value: true },
    { key: 'RestrictSUIDSGID', value: true },
    { key: 'RestrictNamespaces', value: true },
    { key: 'RemoveIPC', value: true },
    { key: 'KeyringMode', value: 'private' },
    { key: 'DevicePolicy', value: 'closed' },
    { key: 'UMask', value: '0027' },
    {
      key: 'RestrictAddressFamilies',
      value: unixOnly ? 'AF_UNIX' : 'AF_UNIX AF_INET AF_INET6',
      comment: unixOnly ? c.unixOnly : c.loopbackOnly,
    },
    ...(unixOnly ? [{ key: 'PrivateNetwork', value: true }] : []),
    { key: 'IPAddressDeny', value: 'any' },
    { key: 'IPAddressAllow', value: 'localhost' },
    { key: 'SystemCallArchitectures', value: 'native' },
    { key: 'SystemCallFilter', value: '@system-service' },
    {
      key: 'SystemCallFilter',
      value: '~@clock @cpu-emulation @debug @module @mount @obsolete @raw-io @reboot @resources @swap',
      comment: c.systemCalls,
    },
    { key: 'SystemCallErrorNumber', value: 'EPERM' },
  ];
}

function serviceUnit(entry: HostPythonService, site: HostNames, c: ServerComments['unit']): string {
  const { names, run, replicas, socketUnit } = entry;
  const notify = run.process.role === 'wsgi-server' && wsgiServerPart(run.process.kind).host.notifiesSystemd;
  const template = replicas > 1;
  // A copy's INSTANCE is its container's name and its instance number, like compose's app-2.
  const env = Object.entries(entry.service.env).filter(
    ([name]) => name !== 'SECRET_KEY' && !(template && name === INSTANCE_VARIABLE),
  );
  const instance = unitEnvironment(INSTANCE_VARIABLE, `${entry.service.name}-`).replace(/"$/, '%i"');
  const unit: UnitSection = {
    name: 'Unit',
    entries: [
      { key: 'Description', value: `${site.site} ${names.dir}` },
      { key: 'After', value: 'network.target' },
      ...(socketUnit
        ? [
            { key: 'Requires', value: `${names.unit}.socket` },
            { key: 'After', value: `${names.unit}.socket` },
          ]
        : []),
    ],
  };
  const service: UnitSection = {
    name: 'Service',
    entries: [
      {
        key: 'Type',
        value: notify ? 'notify' : 'exec',
        comment: notify ? c.notify : undefined,
      },
      { key: 'User', value: site.user },
      { key: 'Group', value: site.user },
      { key: 'WorkingDirectory', value: names.codeDir },
      ...env.map(([name, value]) => ({ key: 'Environment', value: { env: [name, value] as const } })),
      ...(template ? [{ key: 'Environment', value: { literal: instance } }] : []),
      {
        key: 'EnvironmentFile',
        value: site.envFile,
        comment: c.envFile,
      },
      {
        key: 'EnvironmentFile',
        value: `-${site.etc}/${names.dir}.env`,
        comment: c.serviceEnvFile,
      },
      { key: 'ExecStart', value: { command: hostCommand(entry) } },
      { key: 'ExecReload', value: { literal: '/bin/kill -HUP $MAINPID' } },
      { key: 'KillMode', value: 'mixed' },
      {
        key: 'TimeoutStopSec',
        value: pythonStopSeconds(run) + STOP_MARGIN_SECONDS,
        comment: c.stopTimeout,
      },
      { key: 'Restart', value: 'on-failure' },
      { key: 'RestartSec', value: 2 },
      {
        key: 'StateDirectory',
        value: names.stateDir,
        comment: c.stateDirectory,
      },
      { key: 'StateDirectoryMode', value: '0750' },
      {
        key: 'RuntimeDirectory',
        value: template ? { literal: `${unitValue(names.runtimeDir)}-%i` } : names.runtimeDir,
      },
      { key: 'RuntimeDirectoryMode', value: '0755' },
      ...hardening(entry, c),
    ],
  };
  const install: UnitSection = {
    name: 'Install',
    entries: [{ key: 'WantedBy', value: 'multi-user.target' }],
  };
  return formatUnit([c.heading], [unit, service, install]);
}

/** The .socket unit that holds a server's listening socket across restarts (Gunicorn's docs do this). */
function socketUnitFile(entry: HostPythonService, site: HostNames, c: ServerComments['unit']): string {
  const bind = entry.run.process.bind;
  const listen = bind.kind === 'unix' ? bind.path : `127.0.0.1:${bind.port}`;
  const entries: UnitSection['entries'] = [{ key: 'ListenStream', value: listen }];
  if (bind.kind === 'unix')
    entries.push(
      { key: 'SocketUser', value: site.user, comment: c.socketUser },
      { key: 'SocketGroup', value: 'www-data' },
      { key: 'SocketMode', value: '0660' },
    );
  return formatUnit(
    [c.socketHeading],
    [
      { name: 'Unit', entries: [{ key: 'Description', value: `${site.site} ${entry.names.dir} socket` }] },
      { name: 'Socket', entries },
      { name: 'Install', entries: [{ key: 'WantedBy', value: 'sockets.target' }] },
    ],
  );
}

/** The unit file name of a service (a template's has "@"). */
export function serviceUnitName(entry: HostPythonService): string {
  return entry.replicas > 1 ? `${entry.names.unit}@.service` : `${entry.names.unit}.service`;
}

/** The units of every python service, under systemd/. */
export function unitFiles(python: readonly HostPythonService[], site: HostNames, lang: Lang): FileEntry[] {
  const c = SERVER_COMMENTS[lang].unit;
  return python.flatMap((entry): FileEntry[] => [
    [`systemd/${serviceUnitName(entry)}`, serviceUnit(entry, site, c)],
    ...(entry.socketUnit
      ? [[`systemd/${entry.names.unit}.socket`, socketUnitFile(entry, site, c)] as FileEntry]
      : []),
  ]);
}
