import { matchingPass } from '../../model/connections';
import { collect } from '../collect';
import type { Design, DesignNode, PassDirective } from '../../model/design';
import { design, e, n } from '../examples';
import { edge, freePort, newNode, nodeName, uniqueId } from '../fixes';
import type { Rule } from '../types';

const WSGI = ['gunicorn', 'uwsgi'] as const;

/** Send nginx's traffic for this app through a WSGI server: its existing one, or a new Gunicorn beside it. */
function putWsgiServerInFront(current: Design, appId: string): Design {
  const app = current.nodes.find((node) => node.id === appId);
  if (!app) return current;
  const kindOf = new Map(current.nodes.map((node) => [node.id, node.kind]));
  const existing = current.edges.find(
    (e) => e.target === appId && (kindOf.get(e.source) === 'gunicorn' || kindOf.get(e.source) === 'uwsgi'),
  );
  let nodes = current.nodes;
  let edges = current.edges;
  let server: DesignNode;
  if (existing) server = current.nodes.find((node) => node.id === existing.source)!;
  else {
    const id = uniqueId(current, 'gunicorn');
    const port = freePort(current, app.container, 8000);
    server = newNode('gunicorn', id, app.container ?? 'app', { transport: 'tcp', port });
    if (app.position) server.position = { x: app.position.x - 40, y: app.position.y + 120 };
    nodes = [...nodes, server];
    edges = [...edges, edge(uniqueId({ ...current, nodes }, `${id}-${appId}`), id, appId)];
  }
  const pass: PassDirective | undefined =
    server.kind === 'uwsgi' ? matchingPass(server.props.protocol) : undefined;
  edges = edges.flatMap((e) => {
    if (e.target !== appId || kindOf.get(e.source) !== 'nginx') return [e];
    if (edges.some((other) => other.source === e.source && other.target === server.id)) return [];
    const props = pass ? { ...e.props, pass } : { ...e.props };
    return [{ ...e, target: server.id, props }];
  });
  return { ...current, nodes, edges };
}

export const flaskDevServer: Rule = {
  id: 'flask-dev-server',
  severity: 'warning',
  summary:
    'A Flask app is reached by nginx or a client directly, or by anything but a WSGI server: it runs on the Werkzeug development server.',
  why: 'The built-in server of `flask run` / `python app.py` is for development: one process handling requests one after another, no worker management, no protection against slow clients (Slowloris) and no security hardening. In production a WSGI server (Gunicorn or uWSGI) runs the app in several workers behind nginx.',
  fixSummary:
    'Put a WSGI server in front: nginx’s connections to the app go to its existing Gunicorn/uWSGI, or to a new Gunicorn (TCP, port 8000 or the next free one) in the app’s container that runs the app.',
  check(current, { nodeById, edgesIn }) {
    return collect(current.nodes, (app) => {
      if (app.kind !== 'flask') return [];
      const incoming = edgesIn(app.id);
      if (incoming.length === 0) return [];
      // The usual case first, without closures or arrays: only WSGI servers import the app.
      let onlyWsgi = true;
      for (let i = 0; i < incoming.length && onlyWsgi; i++)
        onlyWsgi = (WSGI as readonly string[]).includes(nodeById.get(incoming[i]!.source)!.kind);
      if (onlyWsgi) return [];
      const kindOf = (id: string) => nodeById.get(id)!.kind;
      const direct = incoming.filter((e) => kindOf(e.source) === 'nginx' || kindOf(e.source) === 'client');
      const servedByWsgi = incoming.some((e) => (WSGI as readonly string[]).includes(kindOf(e.source)));
      if (direct.length === 0 && servedByWsgi) return [];
      const reaching = direct.length > 0 ? direct : incoming;
      const fixable =
        direct.length > 0 && direct.every((e) => kindOf(e.source) === 'nginx') && app.container !== undefined;
      return [
        {
          rule: 'flask-dev-server',
          severity: 'warning' as const,
          message: `${nodeName(app)} is reached by ${reaching.map((e) => nodeName(nodeById.get(e.source)!)).join(', ')} without a WSGI server, so it runs on the Werkzeug development server: one process, requests one at a time, no protection against slow clients. Run it with Gunicorn or uWSGI behind nginx.`,
          nodes: [app.id, ...reaching.map((e) => e.source)],
          edges: reaching.map((e) => e.id),
          ...(fixable
            ? {
                fix: {
                  label: `Serve ${nodeName(app)} with a WSGI server (Gunicorn)`,
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
