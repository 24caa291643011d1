import type { DesignNode } from '../../model/design';
import { kindsWithRole } from '../../nodes/registry';
import { appPart, wsgiServerPart } from '../../nodes/planParts';
import { reuseWhenSame } from '../incremental';
import { compareText } from '../order';
import type { FrontDoor, PlannedApp, PlannedService, PythonProcess } from '../planTypes';
import { moduleLayout, pickWorkdir } from './layout';
import type { PythonDraft } from './processes';
import type { Mount } from './volumes';

/** Top-level module names that would shadow what the app imports (or the standard library). */
const SHADOWING_MODULES = new Set(
  'flask werkzeug jinja2 itsdangerous click markupsafe blinker gunicorn uwsgi os sys json sqlite3 secrets logging socket http urllib email multiprocessing typing re io time types abc collections functools threading select signal'.split(
    ' ',
  ),
);

/** Where a python service is reached and stored: the inputs its service depends on besides its draft. */
export interface PythonServiceInputs {
  /** The node that runs the process (the key its planned service is reused by). */
  processNode: DesignNode;
  draft: PythonDraft;
  /** The API prefixes nginx routes reach it under. */
  bases: readonly string[];
  /** A client reaches it directly (a forced error): its port is published and /api/ is served. */
  clientFacing: boolean;
  mounts: readonly Mount[];
  buildDir: string;
  /** The nginx servers whose locations reach the process. */
  frontDoors: readonly FrontDoor[];
}

/** The apps the process imports, with their files in the service folder. */
function plannedApps(
  inputs: PythonServiceInputs,
  apiBases: string[],
): { apps: PlannedApp[]; layout: ReturnType<typeof moduleLayout> } {
  const defaultKind = kindsWithRole('app')[0]!;
  const entries = inputs.draft.apps.map(({ app }) =>
    app ? appPart(app.kind).entry(app.props) : appPart(defaultKind).entry(null),
  );
  const layout = moduleLayout(entries.map((entry) => entry.module));
  const apps = inputs.draft.apps.map(({ app, database }, index) => ({
    node: app?.id ?? `${inputs.draft.process.node}-app`,
    kind: app?.kind ?? defaultKind,
    ...entries[index]!,
    apiBases,
    database,
    file: layout.files[index]!,
    synthesized: app === null,
    settings: app?.props ?? {},
    frontDoors: inputs.frontDoors,
  }));
  return { apps, layout };
}

function serverCommand(process: PythonProcess, app: PlannedApp): string[] {
  const project = appPart(app.kind).project;
  if (project) return project.command(app, process);
  if (process.role === 'wsgi-server') return [...wsgiServerPart(process.kind).command];
  if (process.bind.kind !== 'tcp') throw new Error('a development server listens on a TCP port');
  return appPart(app.kind).devCommand(app, process.bind.port);
}

/** The container command: the server's, wrapped in what the app does first, if anything. */
function command(process: PythonProcess, app: PlannedApp): string[] {
  const server = serverCommand(process, app);
  return appPart(app.kind).startCommand?.(app, server) ?? server;
}

function shadowingNote(module: string): string[] {
  const top = module.split('.')[0]!;
  return SHADOWING_MODULES.has(top)
    ? [
        `The module name "${module}" shadows the Python package "${top}" the app needs; rename it (for example to ${top}_app).`,
      ]
    : [];
}

/** One python service (its process, apps, files, command) from its inputs. */
function pythonService(inputs: PythonServiceInputs): { service: PlannedService; notes: string[] } {
  const { draft, buildDir } = inputs;
  const process = draft.process;
  const apiBases =
    inputs.bases.length === 0 || inputs.clientFacing
      ? [...new Set([...inputs.bases, '/api/'])]
      : [...inputs.bases];
  const { apps, layout } = plannedApps(inputs, apiBases);
  const workdir = pickWorkdir(inputs.mounts);
  const files = new Set(['requirements.txt', 'health-check.py']);
  const project = appPart(apps[0]!.kind).project;
  if (process.role === 'wsgi-server') files.add(wsgiServerPart(process.kind).configFile);
  if (project) for (const file of Object.keys(project.files(apps[0]!, [], 'en'))) files.add(file);
  else {
    if (process.role === 'wsgi-server') files.add(layout.entryFile);
    for (const file of [...layout.packages, ...apps.map((app) => app.file)]) files.add(file);
    for (const app of apps)
      for (const file of Object.keys(appPart(app.kind).extraFiles?.(app) ?? {})) files.add(file);
    for (const file of Object.keys(appPart(apps[0]!.kind).selfChecks?.files(apps, 'en') ?? {}))
      files.add(file);
  }
  const listener = process.bind;
  const service: PlannedService = {
    name: draft.service,
    image: 'python',
    buildDir,
    command: command(process, apps[0]!),
    workdir,
    user: 'app',
    copies: [...files].sort(compareText).map((file) => ({
      from: `${buildDir}/${file}`,
      to: `${workdir}/${file}`,
    })),
    mounts: [...inputs.mounts],
    published:
      inputs.clientFacing && listener.kind === 'tcp'
        ? [{ host: listener.port, container: listener.port }]
        : [],
    listens: [listener],
    env: { PYTHONUNBUFFERED: '1', SECRET_KEY: '' },
    dependsOn: [],
    nodes: draft.nodes,
    runs: {
      kind: 'python',
      process,
      apps,
      packages: project ? [] : layout.packages,
      entryFile: project ? apps[0]!.file : layout.entryFile,
    },
  };
  return { service, notes: shadowingNote(apps[0]!.module) };
}

/**
 * pythonService, reused while its inputs stay the same. The inputs are compared one by one: the
 * process node and draft are shared objects while unchanged, and the short lists (bases, front
 * doors, mounts) are compared by value only when they are new lists.
 */
const reusedPythonService = reuseWhenSame(
  (
    processNode: DesignNode,
    draft: PythonDraft,
    bases: readonly string[],
    frontDoors: readonly FrontDoor[],
    clientFacing: boolean,
    mounts: readonly Mount[],
    buildDir: string,
  ) => pythonService({ processNode, draft, bases, frontDoors, clientFacing, mounts, buildDir }),
  (processNode) => processNode,
);

/** Step: one python service, reused while its inputs stay the same (see reusedPythonService). */
export function planPythonService(inputs: PythonServiceInputs): { service: PlannedService; notes: string[] } {
  const { processNode, draft, bases, frontDoors, clientFacing, mounts, buildDir } = inputs;
  return reusedPythonService(processNode, draft, bases, frontDoors, clientFacing, mounts, buildDir);
}
