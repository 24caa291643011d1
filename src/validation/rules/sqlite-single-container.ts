import { design, e, n } from './examples';
import { isDatabase } from '../../nodes/registry';
import { nodeName } from '../fixes';
import type { Rule } from '../types';

function twoApps(secondContainer: string) {
  return design(
    [
      n('browser', 'client'),
      n('proxy', 'nginx', 'web'),
      n('wsgi', 'gunicorn', 'app', { port: 8000 }),
      n('api', 'flask', 'app'),
      n('wsgi2', 'gunicorn', secondContainer, { port: 8001 }),
      n('admin', 'flask', secondContainer),
      n('db', 'sqlite', 'app'),
    ],
    [
      e('e1', 'browser', 'proxy'),
      e('e2', 'proxy', 'wsgi', { route: '/' }),
      e('e3', 'proxy', 'wsgi2', { route: '/admin/' }),
      e('e4', 'wsgi', 'api'),
      e('e5', 'wsgi2', 'admin'),
      e('e6', 'api', 'db'),
      e('e7', 'admin', 'db'),
    ],
  );
}

export const sqliteSingleContainer: Rule = {
  id: 'sqlite-single-container',
  severity: 'error',
  summary: 'One SQLite database is used by Flask or Django apps in more than one container.',
  why: 'SQLite locks the file with the operating system’s file locks, which only work reliably inside one machine’s view of the file. Sharing the file between containers through a volume risks lock failures and corruption, and the app in the other container cannot open it anyway unless it is its own file.',
  reads: 'part',
  check(current, { nodeById, edgesIn, text }) {
    return current.nodes.filter(isDatabase).flatMap((db) => {
      const users = edgesIn(db.id, 'app');
      const containers = [...new Set(users.map((link) => nodeById.get(link.source)!.container ?? ''))].sort();
      if (containers.length < 2) return [];
      return [
        {
          rule: 'sqlite-single-container',
          severity: 'error' as const,
          message: text['sqlite-single-container'].message({ db: nodeName(db), containers }),
          nodes: [db.id, ...users.map((link) => link.source)],
          edges: users.map((link) => link.id),
        },
      ];
    });
  },
  examples: { fires: twoApps('admin'), nearMiss: twoApps('app') },
};
