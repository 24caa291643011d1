import type { Design } from '../../model/design';
import { gunicornStack } from '../examples';
import { moveNodes, nodeName } from '../fixes';
import type { Diagnostic, Rule } from '../types';

export const sqliteSameContainer: Rule = {
  id: 'sqlite-same-container',
  severity: 'error',
  summary: 'A Flask app uses a SQLite database that is in another container.',
  why: 'SQLite is a file, not a network service: there is no port to connect to. Only a process that can open the file can use it, so the database must sit in the app’s container (on a named volume, so the data outlives the container).',
  fixSummary: 'Move the database into the app’s container.',
  check(current, { nodeById, edgesOut }) {
    // Index loops: most nodes are not Flask apps, and a flatMap would allocate a [] for each.
    const found: Diagnostic[] = [];
    for (let i = 0; i < current.nodes.length; i++) {
      const app = current.nodes[i]!;
      if (app.kind !== 'flask') continue;
      const links = edgesOut(app.id, ['sqlite']);
      for (let l = 0; l < links.length; l++) {
        const link = links[l]!;
        const db = nodeById.get(link.target)!;
        if (db.container === app.container) continue;
        const container = app.container;
        found.push({
          rule: 'sqlite-same-container',
          severity: 'error' as const,
          message: `${nodeName(app)} in container "${app.container ?? ''}" uses ${nodeName(db)} in container "${db.container ?? ''}". SQLite is a file that the app opens directly; it cannot be reached from another container. Put the database in the app’s container.`,
          nodes: [app.id, db.id],
          edges: [link.id],
          ...(container !== undefined
            ? {
                fix: {
                  label: `Move ${nodeName(db)} into container "${container}"`,
                  apply: (d: Design) => moveNodes(d, [db.id], container),
                },
              }
            : {}),
        });
      }
    }
    return found;
  },
  examples: {
    fires: gunicornStack({}, { sqlite: 'db' }),
    nearMiss: gunicornStack({}, { sqlite: 'app' }),
  },
};
