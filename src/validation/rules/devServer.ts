import { passFor } from '../../model/connections';
import type { Design, DesignEdge, DesignNode } from '../../model/design';
import type { NodeKind } from '../../nodes/types';
import {
  connect,
  deleteElements,
  insertEdge,
  insertNode,
  newEdge,
  newNode,
  retargetEdge,
  setEdgeProps,
  uniqueId,
} from '../../model/edit';
import { isClient, isProxy, isWsgiServer } from '../../nodes/registry';
import { freePort, nodeName, reusable, serversWithoutApp } from '../fixes';
import type { Rule } from '../types';

/** The connections into node `id`, each with the node it comes from. */
function connectionsInto(current: Design, id: string): { link: DesignEdge; source: DesignNode }[] {
  const byId = new Map(current.nodes.map((node) => [node.id, node]));
  return current.edges.flatMap((link) => {
    const source = link.target === id ? byId.get(link.source) : undefined;
    return source ? [{ link, source }] : [];
  });
}

/**
 * The WSGI server a fix sends the app's traffic to without creating one: the server that already runs
 * the app, else one that runs no app yet (in the app's container first).
 */
export function wsgiServerToReuse(current: Design, appId: string): DesignNode | undefined {
  const app = current.nodes.find((node) => node.id === appId);
  if (!app) return undefined;
  const runner = connectionsInto(current, appId).find(({ source }) => isWsgiServer(source));
  return runner?.source ?? reusable(serversWithoutApp(current), app.container);
}

/** Send the proxies' traffic for this app through a WSGI server: one to reuse, or a new Gunicorn beside it. */
export function putWsgiServerInFront(current: Design, appId: string): Design {
  const app = current.nodes.find((node) => node.id === appId);
  if (!app) return current;
  const existing = wsgiServerToReuse(current, appId);
  let next = current;
  let server: DesignNode;
  if (existing) {
    server = existing;
    next = connect(next, server.id, appId);
  } else {
    const id = uniqueId(current, 'gunicorn');
    const port = freePort(current, app.container, 8000);
    server = newNode('gunicorn', id, {
      container: app.container ?? 'app',
      props: { transport: 'tcp', port },
      position: app.position && { x: app.position.x - 40, y: app.position.y + 120 },
    });
    next = insertNode(next, server);
    next = insertEdge(next, newEdge(uniqueId(next, `${id}-${appId}`), id, appId));
  }
  const pass = passFor(server);
  // A proxy that already reaches the server needs no second connection to it.
  const alreadyServed = new Set(next.edges.filter((link) => link.target === server.id).map((l) => l.source));
  const proxied = connectionsInto(next, appId)
    .filter(({ source }) => isProxy(source))
    .map(({ link }) => link);
  return proxied.reduce((design, link) => {
    if (alreadyServed.has(link.source)) return deleteElements(design, [], [link.id]);
    const moved = retargetEdge(design, link.id, server.id);
    return pass ? setEdgeProps(moved, link.id, { pass }) : moved;
  }, next);
}

/** "Serve app with Gunicorn "wsgi"" when a server is reused, else "with a WSGI server (Gunicorn)". */
export function fixLabel(
  t: { fix: (p: { app: string }) => string; reuse: (p: { app: string; server: string }) => string },
  current: Design,
  app: DesignNode,
): string {
  const server = wsgiServerToReuse(current, app.id);
  return server ? t.reuse({ app: nodeName(app), server: nodeName(server) }) : t.fix({ app: nodeName(app) });
}

/**
 * An app of `kind` reached by a proxy or a client directly (or by anything but a WSGI server) runs on
 * its framework's development server: the check both dev-server rules make, each for its framework.
 */
export function devServerCheck(id: 'flask-dev-server' | 'django-dev-server', kind: NodeKind): Rule['check'] {
  return (current, { nodeById, incoming: edgesInto, edgesIn, text }) => {
    const t = text[id];
    const sourceOf = (link: DesignEdge) => nodeById.get(link.source)!;
    // A connection from a node the design lacks reaches nothing.
    const fromWsgiServer = (link: DesignEdge) => {
      const source = nodeById.get(link.source);
      return source === undefined || isWsgiServer(source);
    };
    // Only WSGI servers import the app (or nothing reaches it): no dev server runs. Most apps are
    // passed over here without making anything.
    const runsDevServer = (app: DesignNode) =>
      app.kind === kind && !(edgesInto.get(app.id)?.every(fromWsgiServer) ?? true);
    return current.nodes.filter(runsDevServer).flatMap((app) => {
      const incoming = edgesIn(app.id);
      const direct = incoming.filter((link) => isProxy(sourceOf(link)) || isClient(sourceOf(link)));
      const servedByWsgi = incoming.some((link) => isWsgiServer(sourceOf(link)));
      if (direct.length === 0 && servedByWsgi) return [];
      const reaching = direct.length > 0 ? direct : incoming;
      const fixable =
        direct.length > 0 && direct.every((link) => isProxy(sourceOf(link))) && app.container !== undefined;
      return [
        {
          rule: id,
          severity: 'warning' as const,
          message: t.message({
            app: nodeName(app),
            reaching: reaching.map((link) => nodeName(sourceOf(link))),
          }),
          nodes: [app.id, ...reaching.map((link) => link.source)],
          edges: reaching.map((link) => link.id),
          ...(fixable
            ? {
                fix: {
                  label: fixLabel(t, current, app),
                  apply: (next: Design) => putWsgiServerInFront(next, app.id),
                },
              }
            : {}),
        },
      ];
    });
  };
}
