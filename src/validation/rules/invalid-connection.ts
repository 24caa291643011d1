import { refusalText } from '../../i18n/connections';
import { canConnect } from '../../model/connections';
import { deleteElements } from '../../model/edit';
import { design, e, n } from './examples';
import type { Rule } from '../types';

const withDb = (source: string) =>
  design(
    [
      n('browser', 'client'),
      n('proxy', 'nginx', 'web'),
      n('wsgi', 'gunicorn', 'app'),
      n('api', 'flask', 'app'),
      n('db', 'sqlite', 'app'),
    ],
    [e('e1', 'browser', 'proxy'), e('e2', 'proxy', 'wsgi'), e('e3', 'wsgi', 'api'), e('e4', source, 'db')],
  );

export const invalidConnection: Rule = {
  id: 'invalid-connection',
  severity: 'error',
  reads: 'shape',
  summary: 'An edge the connection matrix forbids (for example SQLite → anything, or nginx → SQLite).',
  why: 'Edges point from caller to callee, and only some pieces call others: nginx serves React files and proxies to app servers, app servers import Flask, Flask opens SQLite.',
  fixSummary: 'Remove the connection.',
  examples: { fires: withDb('wsgi'), nearMiss: withDb('api') },
  check(current, { nodeById, text }) {
    const t = text['invalid-connection'];
    return current.edges.flatMap((edge) => {
      const source = nodeById.get(edge.source);
      const target = nodeById.get(edge.target);
      if (!source || !target) return [];
      const verdict = canConnect(source.kind, target.kind);
      if (verdict.allowed) return [];
      return [
        {
          rule: 'invalid-connection',
          severity: 'error' as const,
          message: t.message({
            reason: refusalText(verdict, t.connection),
            edge: edge.id,
            source: source.id,
            target: target.id,
          }),
          nodes: [source.id, target.id],
          edges: [edge.id],
          fix: {
            label: t.fix,
            apply: (current) => deleteElements(current, [], [edge.id]),
          },
        },
      ];
    });
  },
};
