/**
 * The files every target writes the same way, whatever runs them: the app code, the WSGI server's
 * config file, the requirements and the nginx config.
 */
import { appPart, wsgiServerPart } from '../../nodes/planParts';
import type { PlannedService, PythonRun, WebRun } from '../planTypes';
import { renderNginxConf } from '../render/nginxConf';
import { renderPackageInit, renderRequirements } from '../render/python';
import type { FileEntry, Lang } from './types';

/**
 * requirements.txt, the server's config, package __init__ files, the app modules and the WSGI entry;
 * or, for an app that is a whole project, the server's config and the project's files.
 */
export function pythonCodeFiles(service: PlannedService, run: PythonRun, lang: Lang): FileEntry[] {
  const { process, apps, entryFile } = run;
  const serverConfig = (): FileEntry[] => {
    if (process.role !== 'wsgi-server') return [];
    const server = wsgiServerPart(process.kind);
    return [[server.configFile, server.renderConfig(process, apps[0]!, service.workdir, lang)]];
  };
  const project = appPart(apps[0]!.kind).project;
  if (project) {
    const requirements = process.role === 'wsgi-server' ? wsgiServerPart(process.kind).requirements : [];
    return [...serverConfig(), ...Object.entries(project.files(apps[0]!, requirements, lang))];
  }
  const files: FileEntry[] = [['requirements.txt', renderRequirements(run, lang)], ...serverConfig()];
  for (const pkg of run.packages) files.push([pkg, renderPackageInit(pkg.slice(0, pkg.lastIndexOf('/')))]);
  for (const app of apps) {
    files.push([app.file, appPart(app.kind).renderApp(app, app.file === entryFile, lang)]);
    files.push(...Object.entries(appPart(app.kind).extraFiles?.(app) ?? {}));
  }
  files.push(...Object.entries(appPart(apps[0]!.kind).selfChecks?.files(apps, lang) ?? {}));
  const entryIsApp = apps.some((app) => app.file === entryFile);
  if (process.role === 'wsgi-server' && !entryIsApp)
    files.push([entryFile, appPart(apps[0]!.kind).renderWsgiEntry(apps[0]!, lang)]);
  return files;
}

/** Seconds beyond the slowest graceful stop before the container is killed (SIGKILL). */
export const STOP_MARGIN_SECONDS = 10;

/** A python process stops within its server's graceful timeout; an app's own dev server at once. */
export function pythonStopSeconds(run: PythonRun): number {
  return run.process.role === 'wsgi-server' ? wsgiServerPart(run.process.kind).stopSeconds(run.process) : 10;
}

export function nginxConfFile(service: PlannedService, run: WebRun, lang: Lang): FileEntry {
  return ['nginx.conf', renderNginxConf(run, service.user, lang)];
}
