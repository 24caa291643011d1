import { replicasOf } from './containers';
import type { Design, DesignNode } from './design';
import { groupPush } from './group';
import { Names } from './names';
import { designShape, type DesignShape } from './shape';
import { hasRole, isApp, isClient, isProxy, isStatic, isWsgiServer, type Role } from '../nodes/registry';

/**
 * One service of the bundle (one folder of the preview): the nginx of a container with its static
 * builds, or one Python process (a WSGI server, or an app on its development server) with the app it
 * imports and that app's databases.
 */
export interface ServiceGroup {
  container: string;
  service: string;
  /** The process node of a Python service; undefined for a web service. */
  process?: string;
  /** The nodes it runs, the process first. */
  nodes: string[];
  /** The Compose services that run it: itself, or one per copy when its container has replicas. */
  copies: string[];
}

/** What a container becomes, with the notes that explain a split. */
export interface ContainerServices {
  container: string;
  groups: ServiceGroup[];
  /** The container holds nginx and a Python process: they become two services. */
  sharesWithNginx: boolean;
}

/** The nodes each node calls, by id, in edge order (edges to missing nodes left out). */
function calleesById(design: Design, byId: ReadonlyMap<string, DesignNode>): Map<string, DesignNode[]> {
  const callees = new Map<string, DesignNode[]>();
  for (const edge of design.edges) {
    const target = byId.get(edge.target);
    if (target) groupPush(callees, edge.source, target);
  }
  return callees;
}

/**
 * The services each container becomes, in order of first appearance. A container runs one main
 * process, so a container with two Python processes (say a Gunicorn with no app beside a Flask app on
 * its development server) becomes two services (`app`, `app-2`). The bundle's planner and the canvas
 * both ask this function, so the canvas draws every service the preview shows.
 */
export function servicesOf(design: Design): ContainerServices[] {
  const shape = designShape(design);
  const kept = servicesByShape.get(shape);
  if (kept && kept.containers === design.containers) return kept.services;
  const services = containerServices(design);
  servicesByShape.set(shape, { containers: design.containers, services });
  return services;
}

/** servicesOf's last answer per shape: it reads only the shape and the containers' settings (replicas). */
const servicesByShape = new WeakMap<
  DesignShape,
  { containers: Design['containers']; services: ContainerServices[] }
>();

function containerServices(design: Design): ContainerServices[] {
  const containers = new Map<string, DesignNode[]>();
  for (const node of design.nodes) {
    if (isClient(node) || node.container === undefined) continue;
    groupPush(containers, node.container, node);
  }
  const byId = new Map(design.nodes.map((node) => [node.id, node]));
  const callees = calleesById(design, byId);
  const calleesWithRole = (id: string, role: Role) =>
    (callees.get(id) ?? []).filter((node) => hasRole(node, role));
  const runByServer = new Set(
    design.edges
      .filter((edge) => {
        const source = byId.get(edge.source);
        return source !== undefined && isWsgiServer(source);
      })
      .map((edge) => edge.target),
  );
  const names = new Names(containers.keys());
  return [...containers].map(([container, nodes]) => {
    const groups: ServiceGroup[] = [];
    const proxies = nodes.filter(isProxy);
    if (proxies.length > 0)
      groups.push({
        container,
        service: container,
        nodes: [...proxies, ...nodes.filter(isStatic)].map((node) => node.id),
        copies: [container],
      });
    const processes = [
      ...nodes.filter(isWsgiServer),
      ...nodes.filter((node) => isApp(node) && !runByServer.has(node.id)),
    ];
    const firstService =
      proxies.length > 0 && processes.length > 0 ? names.take(`${container}-app`) : container;
    processes.forEach((process, index) => {
      const service = index === 0 ? firstService : names.take(`${container}-${index + 1}`);
      const replicas = replicasOf(design, container);
      const copies =
        replicas > 1
          ? Array.from({ length: replicas }, (_, copy) => names.take(`${service}-${copy + 1}`))
          : [service];
      const apps = isWsgiServer(process) ? calleesWithRole(process.id, 'app').slice(0, 1) : [process];
      const members = [process.id];
      for (const app of apps) {
        if (!members.includes(app.id)) members.push(app.id);
        for (const db of calleesWithRole(app.id, 'database'))
          if (!members.includes(db.id)) members.push(db.id);
      }
      groups.push({ container, service, process: process.id, nodes: members, copies });
    });
    return { container, groups, sharesWithNginx: proxies.length > 0 && processes.length > 0 };
  });
}
