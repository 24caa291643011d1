import { passFor } from '../../model/connections';
import type { Design, DesignEdge, DesignNode } from '../../model/design';
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
import { design, e, n } from './examples';
import { freePort, nodeName, reusable, serversWithoutApp } from '../fixes';
import type { Rule } from '../types';

/**
 * The WSGI server a fix sends the app's traffic to without creating one: the server that already runs
 * the app, else one that runs no app yet (in the app's container first).
 */
export function wsgiServerToReuse(current: Design, appId: string): DesignNode | undefined {
  const app = current.nodes.find((node) => node.id === appId);
  if (!app) return undefined;
  const byId = new Map(current.nodes.map((node) => [node.id, node]));
  const runner = current.edges
    .map((link) => (link.target === appId ? byId.get(link.source) : undefined))
    .find((source) => source !== undefined && isWsgiServer(source));
  return runner ?? reusable(serversWithoutApp(current), app.container);
}

/** Send the proxies' traffic for this app through a WSGI server: one to reuse, or a new Gunicorn beside it. */
export function putWsgiServerInFront(current: Design, appId: string): Design {
  const app = current.nodes.find((node) => node.id === appId);
  if (!app) return current;
  const byId = new Map(current.nodes.map((node) => [node.id, node]));
  const from = (link: DesignEdge, role: (node: DesignNode) => boolean) => {
    const source = byId.get(link.source);
    return source !== undefined && role(source);
  };
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
  const proxied = next.edges.filter((link) => link.target === appId && from(link, isProxy));
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

export const flaskDevServer: Rule = {
  id: 'flask-dev-server',
  severity: 'warning',
  summary:
    'A Flask app is reached by nginx or a client directly, or by anything but a WSGI server: it runs on the Werkzeug development server.',
  why: 'The built-in server of `flask run` / `python app.py` is for development: one process handling requests one after another, no worker management, no protection against slow clients (Slowloris) and no security hardening. In production a WSGI server (Gunicorn or uWSGI) runs the app in several workers behind nginx.',
  fixSummary:
    'Put a WSGI server in front: nginx’s connections to the app go to its existing Gunicorn/uWSGI, or to one that runs no app yet (connected to the app), or to a new Gunicorn (TCP, port 8000 or the next free one) in the app’s container that runs the app.',
  check(current, { nodeById, edgesIn, text }) {
    const t = text['flask-dev-server'];
    return current.nodes
      .filter((app) => app.kind === 'flask')
      .flatMap((app) => {
        const sourceOf = (link: DesignEdge) => nodeById.get(link.source)!;
        const incoming = edgesIn(app.id);
        // Only WSGI servers import the app (or nothing reaches it): no dev server runs.
        if (incoming.every((link) => isWsgiServer(sourceOf(link)))) return [];
        const direct = incoming.filter((link) => isProxy(sourceOf(link)) || isClient(sourceOf(link)));
        const servedByWsgi = incoming.some((link) => isWsgiServer(sourceOf(link)));
        if (direct.length === 0 && servedByWsgi) return [];
        const reaching = direct.length > 0 ? direct : incoming;
        const fixable =
          direct.length > 0 && direct.every((link) => isProxy(sourceOf(link))) && app.container !== undefined;
        return [
          {
            rule: 'flask-dev-server',
            severity: 'warning' as const,
            message: t.message({
              app: nodeName(app),
              reaching: reaching.map((e) => nodeName(nodeById.get(e.source)!)),
            }),
            nodes: [app.id, ...reaching.map((e) => e.source)],
            edges: reaching.map((e) => e.id),
            ...(fixable
              ? {
                  fix: {
                    label: fixLabel(t, current, app),
                    apply: (design: Design) => putWsgiServerInFront(design, app.id),
                  },
                }
              : {}),
          },
        ];
      });
  },
  examples: {
    fires: design(
      [n('browser', 'client'), n('proxy', 'nginx', 'web'), n('api', 'flask', 'app')],
      [e('e1', 'browser', 'proxy'), e('e2', 'proxy', 'api', { route: '/' })],
    ),
    nearMiss: design(
      [
        n('browser', 'client'),
        n('proxy', 'nginx', 'web'),
        n('wsgi', 'gunicorn', 'app'),
        n('api', 'flask', 'app'),
      ],
      [e('e1', 'browser', 'proxy'), e('e2', 'proxy', 'wsgi', { route: '/' }), e('e3', 'wsgi', 'api')],
    ),
  },
};
