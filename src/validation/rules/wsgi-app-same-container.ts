import type { Design } from '../../model/design';
import { gunicornStack } from '../examples';
import { moveNodes, nodeName } from '../fixes';
import type { Diagnostic, Rule } from '../types';

/** Move the app into `container`, with the SQLite files only it opens that sat in its old container. */
function moveAppWithData(current: Design, appId: string, container: string): Design {
  const app = current.nodes.find((node) => node.id === appId);
  if (!app) return current;
  const kindOf = new Map(current.nodes.map((node) => [node.id, node]));
  const databases = current.edges
    .filter((e) => e.source === appId && kindOf.get(e.target)?.kind === 'sqlite')
    .map((e) => e.target)
    .filter(
      (db) =>
        kindOf.get(db)!.container === app.container &&
        current.edges.every((e) => e.target !== db || e.source === appId),
    );
  return moveNodes(current, [appId, ...databases], container);
}

export const wsgiAppSameContainer: Rule = {
  id: 'wsgi-app-same-container',
  severity: 'error',
  summary: 'A Gunicorn or uWSGI node and the Flask app it runs are in different containers.',
  why: 'A WSGI server does not call the app over the network: it imports `module:callable` into its own worker processes. The app’s code and its Python packages must therefore be in the server’s container (image), which is why Gunicorn and Flask share one container.',
  fixSummary:
    'Move the app into the server’s container (with the SQLite files only that app opens, so they stay beside it).',
  check(current, { nodeById, edgesOut }) {
    // Index loops: most nodes are not servers, and a flatMap would allocate a [] for each.
    const found: Diagnostic[] = [];
    for (let i = 0; i < current.nodes.length; i++) {
      const server = current.nodes[i]!;
      if (server.kind !== 'gunicorn' && server.kind !== 'uwsgi') continue;
      const links = edgesOut(server.id, ['flask']);
      for (let l = 0; l < links.length; l++) {
        const link = links[l]!;
        const app = nodeById.get(link.target)!;
        if (app.container === server.container) continue;
        const container = server.container;
        found.push({
          rule: 'wsgi-app-same-container',
          severity: 'error' as const,
          message: `${nodeName(server)} runs in container "${server.container ?? ''}" but ${nodeName(app)} is in "${app.container ?? ''}". ${server.kind === 'gunicorn' ? 'Gunicorn' : 'uWSGI'} imports the app in-process (module:callable), so the app’s code must be in the server’s container.`,
          nodes: [server.id, app.id],
          edges: [link.id],
          ...(container !== undefined
            ? {
                fix: {
                  label: `Move ${nodeName(app)} into container "${container}"`,
                  apply: (d: Design) => moveAppWithData(d, app.id, container),
                },
              }
            : {}),
        });
      }
    }
    return found;
  },
  examples: {
    fires: gunicornStack({}, { gunicorn: 'app', flask: 'api', sqlite: 'api' }),
    nearMiss: gunicornStack({}, { gunicorn: 'api', flask: 'api', sqlite: 'api' }),
  },
};
