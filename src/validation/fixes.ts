/** Small pure design edits shared by the quick fixes: each returns a new design and never mutates its input. */
import { matchingPass } from '../model/connections';
import type { Design, DesignEdge, DesignNode, EdgeProps } from '../model/design';
import { KINDS, type NodeKind } from '../nodes/registry';

export function updateNode(design: Design, id: string, change: (node: DesignNode) => DesignNode): Design {
  return { ...design, nodes: design.nodes.map((node) => (node.id === id ? change(node) : node)) };
}

export function setNodeProps(design: Design, id: string, patch: Record<string, unknown>): Design {
  return updateNode(design, id, (node) => ({ ...node, props: { ...node.props, ...patch } }) as DesignNode);
}

export function moveNodes(design: Design, ids: readonly string[], container: string): Design {
  return {
    ...design,
    nodes: design.nodes.map((node) =>
      ids.includes(node.id) && node.kind !== 'client' ? { ...node, container } : node,
    ),
  };
}

export function setEdgeProps(design: Design, edgeId: string, patch: EdgeProps): Design {
  return {
    ...design,
    edges: design.edges.map((edge) =>
      edge.id === edgeId ? { ...edge, props: { ...edge.props, ...patch } } : edge,
    ),
  };
}

/** `base`, or `base-2`, `base-3`, … : the first id no node or edge uses yet. */
export function uniqueId(design: Design, base: string, alsoTaken: readonly string[] = []): string {
  const taken = new Set([...design.nodes.map((n) => n.id), ...design.edges.map((e) => e.id), ...alsoTaken]);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** `base`, or `base-2`, … : the first container name no node uses yet. */
export function unusedContainer(design: Design, base: string): string {
  const taken = new Set(design.nodes.map((node) => node.container));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** Ids of the Flask apps a Gunicorn or uWSGI node runs (those do not start their own dev server). */
export function appsRunByWsgi(design: Design, nodeById?: ReadonlyMap<string, DesignNode>): Set<string> {
  // The rule context's index when the caller has one, instead of a second map of every node.
  const byId = nodeById ?? new Map(design.nodes.map((n) => [n.id, n]));
  const apps = new Set<string>();
  for (let i = 0; i < design.edges.length; i++) {
    const e = design.edges[i]!;
    const kind = byId.get(e.source)?.kind;
    if (kind === 'gunicorn' || kind === 'uwsgi') apps.add(e.target);
  }
  return apps;
}

/** The TCP port a node listens on inside its container, if any (shared with port-conflict). */
export function listenerPort(node: DesignNode, runByWsgi: ReadonlySet<string>): number | undefined {
  switch (node.kind) {
    case 'nginx':
      return node.props.listen;
    case 'gunicorn':
    case 'uwsgi':
      return node.props.transport === 'tcp' ? node.props.port : undefined;
    case 'flask':
      return runByWsgi.has(node.id) ? undefined : node.props.port;
    default:
      return undefined;
  }
}

/** The first port from `start` up that no listener in `container` and no published nginx port uses. */
export function freePort(design: Design, container: string | undefined, start: number): number {
  const used = new Set<number>();
  const runByWsgi = appsRunByWsgi(design);
  for (const node of design.nodes) {
    const port = listenerPort(node, runByWsgi);
    if (port === undefined) continue;
    if (node.container === container || node.kind === 'nginx') used.add(port);
  }
  let port = Math.min(Math.max(Math.trunc(start), 1), 65535);
  while (used.has(port) && port < 65535) port++;
  return port;
}

/** Port 80 for a new nginx when free, else the first free port from 8080 (the usual alternative). */
export function freeNginxPort(design: Design, container: string): number {
  return freePort(design, container, 80) === 80 ? 80 : freePort(design, container, 8080);
}

/** A node of `kind` with default props, placed between two positions when both are known. */
export function newNode(
  kind: NodeKind,
  id: string,
  container: string,
  props: Record<string, unknown>,
  between?: [DesignNode | undefined, DesignNode | undefined],
): DesignNode {
  const defaults: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(KINDS[kind].props)) defaults[name] = spec.default;
  const node = { id, kind, container, props: { ...defaults, ...props } } as unknown as DesignNode;
  const [a, b] = between ?? [];
  if (a?.position && b?.position) {
    node.position = {
      x: Math.round((a.position.x + b.position.x) / 2),
      y: Math.round((a.position.y + b.position.y) / 2) + 80,
    };
  }
  return node;
}

export function edge(id: string, source: string, target: string, props: EdgeProps = {}): DesignEdge {
  return { id, source, target, props };
}

/** How messages name a node: its kind and id, like `Gunicorn "wsgi"`. */
export function nodeName(node: DesignNode): string {
  return `${KINDS[node.kind].label} "${node.id}"`;
}

/** Set a uWSGI node's protocol and make every nginx edge to it use the matching directive. */
export function switchUwsgiProtocol(design: Design, uwsgiId: string, protocol: 'uwsgi' | 'http'): Design {
  const pass = matchingPass(protocol);
  const nginxIds = new Set(design.nodes.filter((node) => node.kind === 'nginx').map((node) => node.id));
  const next = setNodeProps(design, uwsgiId, { protocol });
  return {
    ...next,
    edges: next.edges.map((e) =>
      e.target === uwsgiId && nginxIds.has(e.source) ? { ...e, props: { ...e.props, pass } } : e,
    ),
  };
}
