/**
 * The plan as it runs on one host: the same services, with the paths and addresses a container
 * runtime would have provided replaced by the host's own. App servers listen on 127.0.0.1 or on a
 * unix socket under /run, SQLite files live under /var/lib/<site>/, React builds under
 * /var/www/<site>/, and nginx reaches each server at that address.
 */
import type { Design } from '../../../model/design';
import { oneServicePerBuild } from '../../plan/copies';
import { replicasOf } from '../../../model/containers';
import { appPart, wsgiServerPart } from '../../../nodes/planParts';
import { HTML_ROOT } from '../../plan/routes';
import type {
  DeploymentPlan,
  Listener,
  PlannedLocation,
  PlannedService,
  PythonRun,
  UpstreamAddress,
  WebRun,
} from '../../planTypes';
import { hostTlsRun } from './tls';
import { distinctHostNames, hostNames, type HostNames, type ServiceNames } from './names';

/** One python service on the host: its names, copies, and the run with host paths. */
export interface HostPythonService {
  service: PlannedService;
  run: PythonRun;
  names: ServiceNames;
  replicas: number;
  /**
   * With replicas: copy k (1…N) listens on the k-th of these ports (one host: the copies cannot
   * share a port and still be balanced by nginx); empty for a single copy.
   */
  copyPorts: number[];
  /** A systemd .socket unit holds the listening socket (only one copy, and a server that takes it). */
  socketUnit: boolean;
}

export interface HostWebService {
  service: PlannedService;
  run: WebRun;
}

export interface HostPlan {
  names: HostNames;
  python: HostPythonService[];
  web: HostWebService[];
}

/** Where a replicated service's per-copy config files live, under its code folder: copies/<k>/. */
export const COPIES_DIR = 'copies';

const baseName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/** Where install.sh collects a project's static files (nginx serves them from there). */
export const hostStaticRoot = (names: ServiceNames): string => `${names.codeDir}/static`;

function hostBind(bind: Listener, names: ServiceNames, socketUnit: boolean): Listener {
  if (bind.kind === 'tcp') return bind;
  // A .socket unit keeps its socket outside the service's RuntimeDirectory, which a stop removes.
  const path = socketUnit ? `/run/${names.unit}.sock` : `/run/${names.runtimeDir}/${baseName(bind.path)}`;
  return { kind: 'unix', path };
}

const containerOf = (design: Design, service: PlannedService): string =>
  design.nodes.find((node) => node.id === service.nodes[0])?.container ?? service.name;

function hostPython(
  design: Design,
  service: PlannedService,
  run: PythonRun,
  names: ServiceNames,
): HostPythonService {
  // The copies of a replicated container are one service on a host: a template unit runs them.
  const container = containerOf(design, service);
  const replicas = replicasOf(design, container);
  const socketUnit =
    run.process.role === 'wsgi-server' &&
    replicas === 1 &&
    wsgiServerPart(run.process.kind).host.socketActivation;
  const process = {
    ...run.process,
    bind: hostBind(run.process.bind, names, socketUnit),
    ...(run.process.bind.kind === 'tcp' ? { bindHost: '127.0.0.1' } : {}),
  };
  const apps = run.apps.map((app) => ({
    ...app,
    ...(app.database ? { database: `/var/lib/${names.stateDir}/${baseName(app.database)}` } : {}),
    // Collected static files beside the code: read-only for the service, readable by nginx.
    ...(appPart(app.kind).project ? { staticRoot: hostStaticRoot(names) } : {}),
  }));
  // The server's config names the code's folder (uWSGI's chdir): the host's, not the image's.
  const hostService = { ...service, name: container, workdir: names.codeDir };
  const first =
    process.bind.kind === 'tcp' && replicas > 1 && process.role === 'wsgi-server' ? process.bind.port : null;
  const copyPorts = first === null ? [] : Array.from({ length: replicas }, (_, index) => first + index);
  return { service: hostService, run: { ...run, process, apps }, names, replicas, copyPorts, socketUnit };
}

/** The run of copy `copy` (1…N): the same, listening on that copy's own port. */
export function copyRun(entry: HostPythonService, copy: number): PythonRun {
  const port = entry.copyPorts[copy - 1];
  if (port === undefined) return entry.run;
  return { ...entry.run, process: { ...entry.run.process, bind: { kind: 'tcp', port } } };
}

function hostAddress(
  node: string,
  address: UpstreamAddress,
  python: readonly HostPythonService[],
): UpstreamAddress {
  const target = python.find((entry) => entry.run.process.node === node);
  const bind = target?.run.process.bind;
  if (bind?.kind === 'unix') return bind;
  if (bind?.kind === 'tcp' && target && target.copyPorts.length > 1)
    return {
      kind: 'tcp',
      host: '127.0.0.1',
      port: bind.port,
      endpoints: target.copyPorts.map((port) => ({ host: '127.0.0.1', port })),
    };
  if (bind?.kind === 'tcp') return { kind: 'tcp', host: '127.0.0.1', port: bind.port };
  return address.kind === 'tcp' ? { ...address, host: '127.0.0.1' } : address;
}

function hostLocation(
  location: PlannedLocation,
  site: HostNames,
  python: readonly HostPythonService[],
): PlannedLocation {
  if (location.kind === 'static')
    return { ...location, root: `${site.www}${location.root.slice(HTML_ROOT.length)}` };
  if (location.kind === 'files') {
    const entry = python.find((candidate) => candidate.run.apps.some((app) => app.node === location.node));
    const app = entry?.run.apps.find((candidate) => candidate.node === location.node);
    if (!entry || !app) return location;
    // A project's collected files, or the app's own static folder served where the code lies.
    const part = appPart(app.kind);
    const source = part.project ? null : part.staticSource?.(app);
    const folder = source ? `${entry.names.codeDir}/${source}` : hostStaticRoot(entry.names);
    return { ...location, alias: `${folder}/` };
  }
  // Upstream names share one http block with every other site on the host: prefix the site's name.
  return {
    ...location,
    upstream: `${site.site}-${location.upstream}`,
    address: hostAddress(location.node, location.address, python),
  };
}

/** The plan's services with the host's paths and addresses. */
export function hostPlan(design: Design, plan: DeploymentPlan): HostPlan {
  const names = hostNames(design.name);
  const services = oneServicePerBuild(plan.services).filter((service) => service.runs.kind === 'python');
  // Each python process is a unit of its own, named after its bundle folder (two servers of one
  // container are "backend" and "backend-2", as in the Compose bundle); the processes of one
  // container share its state folder, where their SQLite file is.
  const dirs = distinctHostNames(services.map((service) => service.buildDir));
  const stateDirs = distinctHostNames(services.map((service) => containerOf(design, service)));
  const python = services.flatMap((service) =>
    service.runs.kind === 'python'
      ? [
          hostPython(
            design,
            service,
            service.runs,
            names.service(dirs.get(service.buildDir)!, stateDirs.get(containerOf(design, service))!),
          ),
        ]
      : [],
  );
  const web = plan.services.flatMap((service): HostWebService[] => {
    if (service.runs.kind !== 'web') return [];
    const servers = service.runs.servers.map((server) => ({
      ...server,
      locations: server.locations.map((location) => hostLocation(location, names, python)),
    }));
    return [{ service, run: hostTlsRun({ kind: 'web', servers }, names) }];
  });
  return { names, python, web };
}
