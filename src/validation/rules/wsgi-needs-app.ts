import type { Design } from '../../model/design';
import { connect, insertEdge, insertNode, newEdge, newNode, uniqueId } from '../../model/edit';
import { isWsgiServer } from '../../nodes/registry';
import { design, e, n } from './examples';
import { appsWithoutServer, nodeName, reusable } from '../fixes';
import type { Rule } from '../types';

/** A new Flask app (module app, callable app) in the server's container, run by the server. */
function addApp(current: Design, serverId: string): Design {
  const server = current.nodes.find((node) => node.id === serverId);
  if (!server) return current;
  const id = uniqueId(current, 'app');
  const position = server.position && { x: server.position.x + 260, y: server.position.y };
  const next = insertNode(current, newNode('flask', id, { container: server.container ?? 'app', position }));
  return insertEdge(next, newEdge(uniqueId(next, `${serverId}-${id}`), serverId, id));
}

export const wsgiNeedsApp: Rule = {
  id: 'wsgi-needs-app',
  severity: 'error',
  reads: 'shape',
  summary: 'A Gunicorn or uWSGI node runs no Flask or Django app, or more than one.',
  why: 'A WSGI server imports exactly one application (`module:callable`) and hands it every request. Without an app it has nothing to run (uWSGI with `need-app` refuses to start, Gunicorn fails to boot); with two, only one could be imported.',
  fixSummary:
    'When the server runs no app: connect it to a Flask or Django app no server runs yet (one in its own container first); only when there is none, add a Flask app (module `app`, callable `app`) in the server’s container.',
  check(current, { edgesOut, nodeById, text }) {
    const t = text['wsgi-needs-app'];
    return current.nodes.filter(isWsgiServer).flatMap((server) => {
      const apps = edgesOut(server.id, 'app');
      if (apps.length === 1) return [];
      if (apps.length === 0) {
        const idleApp = reusable(appsWithoutServer(current), server.container);
        return [
          {
            rule: 'wsgi-needs-app',
            severity: 'error' as const,
            message: t.none({ server: nodeName(server) }),
            nodes: [server.id],
            edges: [],
            fix: idleApp
              ? {
                  label: t.connect({ server: nodeName(server), app: nodeName(idleApp) }),
                  apply: (d: Design) => connect(d, server.id, idleApp.id),
                }
              : {
                  label: t.fix({ server: nodeName(server) }),
                  apply: (d: Design) => addApp(d, server.id),
                },
          },
        ];
      }
      return [
        {
          rule: 'wsgi-needs-app',
          severity: 'error' as const,
          message: t.many({ server: nodeName(server), apps: apps.map((a) => nodeById.get(a.target)!.id) }),
          nodes: [server.id, ...apps.map((a) => a.target)],
          edges: apps.map((a) => a.id),
        },
      ];
    });
  },
  examples: {
    fires: design(
      [n('browser', 'client'), n('proxy', 'nginx', 'web'), n('wsgi', 'gunicorn', 'app')],
      [e('e1', 'browser', 'proxy'), e('e2', 'proxy', 'wsgi')],
    ),
    nearMiss: design(
      [
        n('browser', 'client'),
        n('proxy', 'nginx', 'web'),
        n('wsgi', 'gunicorn', 'app'),
        n('api', 'flask', 'app'),
      ],
      [e('e1', 'browser', 'proxy'), e('e2', 'proxy', 'wsgi'), e('e3', 'wsgi', 'api')],
    ),
  },
};
