import { KINDS, hasRole, isClient, type NodeKind, type Role } from '../nodes/registry';

/** What the default-container rule needs of a node: a node without `container` gets one. */
export interface PlaceableNode {
  id: string;
  kind: NodeKind;
  container?: string;
}

export interface Link {
  source: string;
  target: string;
}

/**
 * The containers of the nodes that name none (README.md, "Format"): a proxy and a static build go to
 * their kind's default (`web`); a WSGI server to `app` (`app-2`, … for further servers); an app follows
 * the WSGI server that runs it and a database the app that opens it, both `app` when nothing does.
 * Clients stay outside every container. Returns node id → container.
 */
export function defaultContainers(
  nodes: readonly PlaceableNode[],
  edges: readonly Link[],
): Map<string, string> {
  const assigned = new Map<string, string>();
  const needsOne = (node: PlaceableNode) => node.container === undefined && !isClient(node);
  const followers = (node: PlaceableNode) => hasRole(node.kind, 'app') || hasRole(node.kind, 'database');
  let servers = 0;
  for (const node of nodes) {
    if (!needsOne(node) || followers(node)) continue;
    if (hasRole(node.kind, 'wsgi-server')) {
      servers++;
      assigned.set(node.id, servers === 1 ? 'app' : `app-${servers}`);
    } else assigned.set(node.id, KINDS[node.kind].defaultContainer ?? 'app');
  }
  const calls = new Set(edges.map((edge) => `${edge.source}\u0000${edge.target}`));
  const containerOf = (node: PlaceableNode) => node.container ?? assigned.get(node.id);
  // Apps follow the server that runs them, then databases follow the app that opens them.
  const follow = (role: Role, ownerRole: Role) => {
    for (const node of nodes) {
      if (!needsOne(node) || !hasRole(node.kind, role)) continue;
      const owner = nodes.find(
        (candidate) => hasRole(candidate.kind, ownerRole) && calls.has(`${candidate.id}\u0000${node.id}`),
      );
      assigned.set(node.id, (owner && containerOf(owner)) ?? 'app');
    }
  };
  follow('app', 'wsgi-server');
  follow('database', 'app');
  return assigned;
}
