import { servicesOf, type ContainerServices } from '../../model/services';
import type { Design, DesignNode } from '../../model/design';
import { groupPush } from '../../model/group';
import { isClient, isProxy, isStatic, isWsgiServer } from '../../nodes/registry';
import type { Graph } from './graph';
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
export function planContainers(
  design: Design,
  graph: Graph,
  containerServices: readonly ContainerServices[] = servicesOf(design),
): ContainerPlan {
  const plan: ContainerPlan = { webDrafts: [], pythonDrafts: [], serviceOf: new Map(), notes: [] };
  const withStatic = new Set(design.nodes.filter(isStatic).map((node) => node.container));
  for (const { container, groups, sharesWithNginx } of containerServices) {
    // A static build alone is reported by the static-needs-nginx rule, not here.
    if (groups.length === 0 && !withStatic.has(container))
      plan.notes.push(`Container "${container}" runs no server or app, so it has no service in the bundle.`);
    const pythonGroups = groups.filter((group) => group.process !== undefined);
    for (const group of groups) {
      if (group.process !== undefined) continue;
      const nodes = group.nodes.map((id) => graph.byId.get(id)!);
      plan.webDrafts.push({
        service: group.service,
        proxies: nodes.filter(isProxy),
        statics: nodes.filter(isStatic),
      });
      for (const id of group.nodes) plan.serviceOf.set(id, group.service);
    }
    if (sharesWithNginx)
      plan.notes.push(
        `Container "${container}" holds nginx and a Python server; they run as two services, "${container}" and "${pythonGroups[0]!.service}".`,
      );
    pythonGroups.forEach((group, index) => {
      const node = graph.byId.get(group.process!)!;
      const process = isWsgiServer(node) ? serverProcess(node) : devServerProcess(node);
      if (index > 0)
        plan.notes.push(
          `Container "${container}" runs more than one server; "${process.node}" runs as its own service "${group.service}" (a container runs one main process). Databases they share sit on one named volume.`,
        );
      const draft = pythonDraft(graph, container, group.service, process, group.copies);
      plan.pythonDrafts.push(draft);
      for (const id of draft.nodes) if (!plan.serviceOf.has(id)) plan.serviceOf.set(id, group.service);
      for (const { app, databases } of draft.apps)
        if (app && databases.length > 1)
          plan.notes.push(
            `App "${app.id}" opens several SQLite files; the items endpoint uses the first, ${databases[0]}.`,
          );
    });
  }
  return plan;
}
