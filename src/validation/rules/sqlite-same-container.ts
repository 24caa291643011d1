import type { Design } from '../../model/design';
import { gunicornStack } from './examples';
import { moveNodesToContainer } from '../../model/edit';
import { isApp } from '../../nodes/registry';
import { nodeName } from '../fixes';
import type { Diagnostic, Rule } from '../types';

export const sqliteSameContainer: Rule = {
  id: 'sqlite-same-container',
  severity: 'error',
  reads: 'shape',
  summary: 'A Flask app uses a SQLite database that is in another container.',
  why: 'SQLite is a file, not a network service: there is no port to connect to. Only a process that can open the file can use it, so the database must sit in the app’s container (on a named volume, so the data outlives the container).',
  fixSummary: 'Move the database into the app’s container.',
  check(current, { nodeById, edgesOut, text }) {
    const t = text['sqlite-same-container'];
    return current.nodes.filter(isApp).flatMap((app) =>
      edgesOut(app.id, 'database').flatMap((link): Diagnostic[] => {
        const db = nodeById.get(link.target)!;
        if (db.container === app.container) return [];
        const container = app.container;
        return [
          {
            rule: 'sqlite-same-container',
            severity: 'error' as const,
            message: t.message({
              app: nodeName(app),
              appContainer: app.container ?? '',
              db: nodeName(db),
              dbContainer: db.container ?? '',
            }),
            nodes: [app.id, db.id],
            edges: [link.id],
            ...(container !== undefined
              ? {
                  fix: {
                    label: t.fix({ db: nodeName(db), container }),
                    apply: (d: Design) => moveNodesToContainer(d, [db.id], container),
                  },
                }
              : {}),
          },
        ];
      }),
    );
  },
  examples: {
    fires: gunicornStack({}, { sqlite: 'db' }),
    nearMiss: gunicornStack({}, { sqlite: 'app' }),
  },
};
