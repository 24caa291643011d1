/**
 * The planner: a short driver over named steps, each in a module of its own and tested alone.
 * Steps ask roles and the kinds' plan parts (src/nodes/planParts.ts), never kind names.
 */
import type { Design } from '../../model/design';
import { isClient, isProxy } from '../../nodes/registry';
import { bundleFolderName } from '../folder';
import { reuseWhenSame } from '../incremental';
import type { DeploymentPlan, FrontDoor, PlannedNginxServer } from '../planTypes';
import { servicesOf, type ContainerServices } from '../../model/services';
import { planContainers } from './containers';
import { planByParts, type PlannedPart } from './parts';
import { serviceCopies } from './copies';
import { Names, buildGraph, compare, type Graph } from './graph';
import { planNginxServers, type WebServers } from './nginx';
import { planProbes } from './probes';
import { planPythonService } from './python';
import { apiBaseFor } from './routes';
import { assertWritableValues } from './values';
import { planTlsVolumes } from './tls';
import { planDataVolumes } from './volumes';
import { planWebService } from './web';

export { assertWritableValues } from './values';
export { apiBaseFor, staticBaseFor, HTML_ROOT } from './routes';
export { moduleLayout } from './layout';
export { SMOKE_ITEM } from './probes';
export { INSTANCE_VARIABLE, oneServicePerBuild } from './copies';

/** Folder names at the bundle root that a service folder must not take. */
const RESERVED_DIRS = ['scripts', 'design.json', 'docker-compose.yml', 'readme.md', 'makefile'];

/** Step: the API prefixes each process is reached under through nginx routes, in route order. */
export function apiBasesByProcess(webServers: readonly WebServers[]): Map<string, string[]> {
  const bases = new Map<string, string[]>();
  for (const { servers } of webServers)
    for (const server of servers)
      for (const location of server.locations) {
        if (location.kind !== 'proxy') continue;
        const list = bases.get(location.node) ?? [];
        const base = apiBaseFor(location.route);
        if (!list.includes(base)) list.push(base);
        bases.set(location.node, list);
      }
  return bases;
}

/** How a process is reached through one nginx server: the same object while the server block is. */
const frontDoorOf = reuseWhenSame(
  (server: PlannedNginxServer): FrontDoor => ({
    serverName: server.serverName,
    listen: server.listen,
    ...(server.tls
      ? { tls: { port: server.tls.port, redirectHttp: server.tls.redirectHttp, hsts: server.tls.hsts } }
      : {}),
  }),
  (server) => server,
);

/** Step: the nginx servers that reach each process (its host names and port), in server order. */
export function frontDoorsByProcess(webServers: readonly WebServers[]): Map<string, FrontDoor[]> {
  const doors = new Map<string, FrontDoor[]>();
  for (const { servers } of webServers)
    for (const server of servers)
      for (const location of server.locations) {
        if (location.kind !== 'proxy') continue;
        const list = doors.get(location.node) ?? [];
        if (!list.some((door) => door.serverName === server.serverName && door.listen === server.listen))
          list.push(frontDoorOf(server));
        doors.set(location.node, list);
      }
  return doors;
}

/** Step: the nodes a client reaches without a proxy in front (a forced error: they publish a port). */
export function clientFacingNodes(design: Design, graph: Graph): Set<string> {
  const facing = new Set<string>();
  for (const edge of design.edges) {
    const source = graph.byId.get(edge.source);
    const target = graph.byId.get(edge.target);
    if (source && target && isClient(source) && !isProxy(target) && !isClient(target)) facing.add(target.id);
  }
  return facing;
}

/**
 * Step: the services, volumes, certbots and notes of a design (or of one independent part of it),
 * from the services its containers become (servicesOf of the whole design, so names are the design's).
 */
export function planPart(design: Design, containerServices: readonly ContainerServices[]): PlannedPart {
  const graph = buildGraph(design);
  const containers = planContainers(design, graph, containerServices);
  const volumes = planDataVolumes(containers.pythonDrafts);
  const notes = [...containers.notes];
  const draftByNode = new Map(containers.pythonDrafts.map((draft) => [draft.process.node, draft]));
  const webServers = planNginxServers(containers.webDrafts, {
    graph,
    serviceOf: containers.serviceOf,
    draftByNode,
    volumes,
    notes,
  });
  const serviceNames = new Names([
    ...containers.pythonDrafts.flatMap((draft) => [draft.service, ...draft.copies]),
    ...containers.webDrafts.map((draft) => draft.service),
  ]);
  const certbots = webServers.flatMap(
    ({ draft, servers }) => planTlsVolumes(draft.service, servers, volumes, serviceNames) ?? [],
  );
  const bases = apiBasesByProcess(webServers);
  const frontDoors = frontDoorsByProcess(webServers);
  const clientFacing = clientFacingNodes(design, graph);
  const dirNames = new Names(RESERVED_DIRS);
  const python = containers.pythonDrafts.map((draft) => ({
    copies: draft.copies,
    ...planPythonService({
      processNode: graph.byId.get(draft.process.node)!,
      draft,
      bases: bases.get(draft.process.node) ?? [],
      frontDoors: frontDoors.get(draft.process.node) ?? [],
      clientFacing: clientFacing.has(draft.process.node),
      mounts: volumes.mountsOf(draft.service),
      buildDir: dirNames.take(draft.service),
    }),
  }));
  const web = webServers.map(({ draft, servers, dependsOn }) =>
    planWebService({
      service: draft.service,
      proxies: draft.proxies,
      statics: draft.statics,
      servers,
      dependsOn: [...dependsOn],
      mounts: volumes.mountsOf(draft.service),
      buildDir: dirNames.take(draft.service),
    }),
  );
  const planned = [...python, ...web];
  const services = [
    ...python.flatMap((result) => serviceCopies(result.service, result.copies)),
    ...web.map((result) => result.service),
  ].sort((a, b) => compare(a.name, b.name));
  // Taken last, so the other folders keep their names.
  for (const certbot of certbots) certbot.buildDir = dirNames.take(certbot.name);
  return {
    services,
    volumes: volumes.list.slice().sort((a, b) => compare(a.name, b.name)),
    certbots,
    notes: [...notes, ...volumes.notes, ...planned.flatMap((result) => result.notes)],
  };
}

/** The deployment plan: the design planned part by part when it can be (see planByParts), else whole. */
export function plan(design: Design): DeploymentPlan {
  assertWritableValues(design);
  const { services, volumes, certbots, notes } =
    planByParts(design, planPart) ?? planPart(design, servicesOf(design));
  const { entryPort, entryHost, probes, entryTls } = planProbes(design, services);
  return {
    folder: bundleFolderName(design.name),
    services,
    volumes,
    entryPort,
    entryHost,
    probes,
    ...(entryTls ? { entryTls } : {}),
    ...(certbots.length > 0 ? { certbots } : {}),
    notes,
  };
}
