import type { Design } from '../../model/design';
import { gunicornStack } from './examples';
import { moveNodesToContainer } from '../../model/edit';
import { KINDS, isDatabase, isWsgiServer } from '../../nodes/registry';
import { nodeName } from '../fixes';
import type { Diagnostic, Rule } from '../types';

/** Move the app into `container`, with the SQLite files only it opens that sat in its old container. */
function moveAppWithData(current: Design, appId: string, container: string): Design {
  const app = current.nodes.find((node) => node.id === appId);
  if (!app) return current;
  const byId = new Map(current.nodes.map((node) => [node.id, node]));
  const databases = current.edges
    .filter((e) => {
      const target = byId.get(e.target);
      return e.source === appId && target !== undefined && isDatabase(target);
    })
    .map((e) => e.target)
    .filter(
      (db) =>
        byId.get(db)!.container === app.container &&
        current.edges.every((e) => e.target !== db || e.source === appId),
    );
  return moveNodesToContainer(current, [appId, ...databases], container);
}

export const wsgiAppSameContainer: Rule = {
  id: 'wsgi-app-same-container',
  severity: 'error',
  reads: 'shape',
  summary: 'A Gunicorn or uWSGI node and the Flask or Django app it runs are in different containers.',
  why: 'A WSGI server does not call the app over the network: it imports `module:callable` into its own worker processes. The app’s code and its Python packages must therefore be in the server’s container (image), which is why Gunicorn and Flask share one container.',
  fixSummary:
    'Move the app into the server’s container (with the SQLite files only that app opens, so they stay beside it).',
  check(current, { nodeById, edgesOut, text }) {
    const t = text['wsgi-app-same-container'];
    return current.nodes.filter(isWsgiServer).flatMap((server) =>
      edgesOut(server.id, 'app').flatMap((link): Diagnostic[] => {
        const app = nodeById.get(link.target)!;
        if (app.container === server.container) return [];
        const container = server.container;
        return [
          {
            rule: 'wsgi-app-same-container',
            severity: 'error' as const,
            message: t.message({
              server: nodeName(server),
              serverContainer: server.container ?? '',
              app: nodeName(app),
              appContainer: app.container ?? '',
              kind: KINDS[server.kind].label,
            }),
            nodes: [server.id, app.id],
            edges: [link.id],
            ...(container !== undefined
              ? {
                  fix: {
                    label: t.fix({ app: nodeName(app), container }),
                    apply: (d: Design) => moveAppWithData(d, app.id, container),
                  },
                }
              : {}),
          },
        ];
      }),
    );
  },
  examples: {
    fires: gunicornStack({}, { gunicorn: 'app', flask: 'api', sqlite: 'api' }),
    nearMiss: gunicornStack({}, { gunicorn: 'api', flask: 'api', sqlite: 'api' }),
  },
};
