import type { Design, DesignEdge, DesignNode } from '../../model/design';
import { groupPush } from '../../model/group';
import { hasRole, isWsgiServer, type Role } from '../../nodes/registry';

/** The design's nodes by id and its edges by end (edges to missing nodes left out). */
export interface Graph {
  byId: ReadonlyMap<string, DesignNode>;
  out: ReadonlyMap<string, DesignEdge[]>;
  inc: ReadonlyMap<string, DesignEdge[]>;
}

export function buildGraph(design: Design): Graph {
  const byId = new Map(design.nodes.map((node) => [node.id, node]));
  const out = new Map<string, DesignEdge[]>();
  const inc = new Map<string, DesignEdge[]>();
  for (const edge of design.edges) {
    if (!byId.has(edge.source) || !byId.has(edge.target)) continue;
    groupPush(out, edge.source, edge);
    groupPush(inc, edge.target, edge);
  }
  return { byId, out, inc };
}

/** The nodes a node calls that play a role, in edge order. */
export function calleesWithRole(graph: Graph, id: string, role: Role): DesignNode[] {
  return (graph.out.get(id) ?? []).flatMap((edge) => {
    const node = graph.byId.get(edge.target);
    return node && hasRole(node, role) ? [node] : [];
  });
}

/** An app runs its own development server when no WSGI server imports it. */
export function servedByServer(graph: Graph, app: DesignNode): boolean {
  return (graph.inc.get(app.id) ?? []).some((edge) => {
    const source = graph.byId.get(edge.source);
    return source !== undefined && isWsgiServer(source);
  });
}

export { Names } from '../../model/names';

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function dirname(path: string): string {
  const index = path.lastIndexOf('/');
  return index <= 0 ? '/' : path.slice(0, index);
}
