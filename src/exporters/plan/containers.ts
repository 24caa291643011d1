import type { Design, DesignNode } from '../../model/design';
import { groupPush } from '../../model/group';
import { isApp, isClient, isProxy, isStatic, isWsgiServer } from '../../nodes/registry';
import { Names, servedByServer, type Graph } from './graph';
import { devServerProcess, pythonDraft, serverProcess, type PythonDraft } from './processes';

/** A web service in the making: the proxies of one container and the static builds beside them. */
export interface WebDraft {
  service: string;
  proxies: DesignNode[];
  statics: DesignNode[];
}

export interface ContainerPlan {
  webDrafts: WebDraft[];
  pythonDrafts: PythonDraft[];
  /** The service each proxy, static build, server and app runs in. */
  serviceOf: Map<string, string>;
  notes: string[];
}

/** The design's containers in order of first appearance (clients run in none). */
export function containersOf(design: Design): Map<string, DesignNode[]> {
  const containers = new Map<string, DesignNode[]>();
  for (const node of design.nodes)
    if (!isClient(node) && node.container !== undefined) groupPush(containers, node.container, node);
  return containers;
}

/**
 * Services from containers: the proxies of a container (with its static builds) make one web
 * service; each process (a WSGI server, an app on its dev server) makes one python service, since
 * a Compose service runs one main process.
 */
export function planContainers(design: Design, graph: Graph): ContainerPlan {
  const containers = containersOf(design);
  const serviceNames = new Names(containers.keys());
  const plan: ContainerPlan = { webDrafts: [], pythonDrafts: [], serviceOf: new Map(), notes: [] };
  for (const [container, nodes] of containers) {
    const proxies = nodes.filter(isProxy);
    const statics = nodes.filter(isStatic);
    if (proxies.length > 0) {
      plan.webDrafts.push({ service: container, proxies, statics });
      for (const node of [...proxies, ...statics]) plan.serviceOf.set(node.id, container);
    }
    const processes = [
      ...nodes.filter(isWsgiServer).map(serverProcess),
      ...nodes.filter((node) => isApp(node) && !servedByServer(graph, node)).map(devServerProcess),
    ];
    if (processes.length === 0) {
      if (proxies.length === 0 && statics.length === 0)
        plan.notes.push(
          `Container "${container}" runs no server or app, so it has no service in the bundle.`,
        );
      continue;
    }
    const firstService = proxies.length > 0 ? serviceNames.take(`${container}-app`) : container;
    if (proxies.length > 0)
      plan.notes.push(
        `Container "${container}" holds nginx and a Python server; they run as two services, "${container}" and "${firstService}".`,
      );
    processes.forEach((process, index) => {
      const name = index === 0 ? firstService : serviceNames.take(`${container}-${index + 1}`);
      if (index > 0)
        plan.notes.push(
          `Container "${container}" runs more than one server; "${process.node}" runs as its own service "${name}" (a container runs one main process). Databases they share sit on one named volume.`,
        );
      const draft = pythonDraft(graph, container, name, process);
      plan.pythonDrafts.push(draft);
      for (const id of draft.nodes) if (!plan.serviceOf.has(id)) plan.serviceOf.set(id, name);
      for (const { app, databases } of draft.apps)
        if (app && databases.length > 1)
          plan.notes.push(
            `App "${app.id}" opens several SQLite files; the items endpoint uses the first, ${databases[0]}.`,
          );
    });
  }
  return plan;
}
