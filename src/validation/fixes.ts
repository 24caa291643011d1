/**
 * What the quick fixes share beyond the design edits of src/model/edit.ts (which every fix uses to
 * change a design): how messages name a node, which ports are free, and edits composed of core ones.
 */
import { matchingPass } from '../model/connections';
import type { Design, DesignNode } from '../model/design';
import { setEdgeProps, setNodeProps } from '../model/edit';
import { KINDS, devServerOf, isApp, isProxy, isWsgiServer, listenerOf } from '../nodes/registry';
import type { ProxiedProtocol } from '../nodes/types';
import { designShape } from '../model/shape';
import { oncePer } from '../model/oncePer';

/**
 * Ids of the apps a WSGI server runs (those do not start their own dev server): worked out once per
 * shape, since it reads only the edges and the nodes' kinds.
 */
export const appsRunByWsgi = oncePer(
  designShape,
  (design: Design, nodeById?: ReadonlyMap<string, DesignNode>): ReadonlySet<string> => {
    const byId = nodeById ?? new Map(design.nodes.map((n) => [n.id, n]));
    return new Set(
      design.edges
        .filter((e) => {
          const source = byId.get(e.source);
          return source !== undefined && isWsgiServer(source);
        })
        .map((e) => e.target),
    );
  },
);

/** The TCP port a node listens on inside its container, if any: its listener, or its dev server when no WSGI server runs it. */
export function listenerPort(node: DesignNode, runByWsgi: ReadonlySet<string>): number | undefined {
  const listener = listenerOf(node) ?? (runByWsgi.has(node.id) ? null : devServerOf(node));
  return listener?.kind === 'tcp' ? listener.port : undefined;
}

/** The first port from `start` up that no listener in `container` and no port a proxy publishes uses. */
export function freePort(design: Design, container: string | undefined, start: number): number {
  const used = new Set<number>();
  const runByWsgi = appsRunByWsgi(design);
  for (const node of design.nodes) {
    const port = listenerPort(node, runByWsgi);
    if (port === undefined) continue;
    if (node.container === container || isProxy(node)) used.add(port);
  }
  let port = Math.min(Math.max(Math.trunc(start), 1), 65535);
  while (used.has(port) && port < 65535) port++;
  return port;
}

/** Port 80 for a new nginx when free, else the first free port from 8080 (the usual alternative). */
export function freeNginxPort(design: Design, container: string): number {
  return freePort(design, container, 80) === 80 ? 80 : freePort(design, container, 8080);
}

/** Halfway between two nodes and a little below, when both have a position (where a fix draws a new node). */
export function positionBetween(a?: DesignNode, b?: DesignNode): DesignNode['position'] {
  if (!a?.position || !b?.position) return undefined;
  return {
    x: Math.round((a.position.x + b.position.x) / 2),
    y: Math.round((a.position.y + b.position.y) / 2) + 80,
  };
}

/** How messages name a node: its kind and id, like `Gunicorn "wsgi"`. */
export function nodeName(node: DesignNode): string {
  return `${KINDS[node.kind].label} "${node.id}"`;
}

/** Set a server's `protocol` prop and make every proxy edge to it use the matching directive. */
export function switchProtocol(design: Design, serverId: string, protocol: ProxiedProtocol): Design {
  const pass = matchingPass(protocol);
  const proxyIds = new Set(design.nodes.filter(isProxy).map((node) => node.id));
  return design.edges
    .filter((e) => e.target === serverId && proxyIds.has(e.source))
    .reduce((next, e) => setEdgeProps(next, e.id, { pass }), setNodeProps(design, serverId, { protocol }));
}

/**
 * What a quick fix reuses before it creates a node: the first candidate in `container`, else the
 * first one at all (users expect the Flask app already on the canvas to be connected, not a second one).
 */
export function reusable(
  candidates: readonly DesignNode[],
  container: string | undefined,
): DesignNode | undefined {
  return candidates.find((node) => node.container === container) ?? candidates[0];
}

/** The apps (Flask, Django) no WSGI server runs yet: what "add an app" fixes connect first. */
export function appsWithoutServer(design: Design): DesignNode[] {
  const run = appsRunByWsgi(design);
  return design.nodes.filter((node) => isApp(node) && !run.has(node.id));
}

/** The WSGI servers that run no app yet: what "put a WSGI server in front" fixes use first. */
export function serversWithoutApp(design: Design): DesignNode[] {
  const byId = new Map(design.nodes.map((node) => [node.id, node]));
  const running = new Set(
    design.edges
      .filter((edge) => byId.get(edge.target) && isApp(byId.get(edge.target)!))
      .map((e) => e.source),
  );
  return design.nodes.filter((node) => isWsgiServer(node) && !running.has(node.id));
}
