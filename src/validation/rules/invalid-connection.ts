import { canConnect } from '../../model/connections';
import type { Rule } from '../types';

export const invalidConnection: Rule = {
  id: 'invalid-connection',
  severity: 'error',
  summary: 'An edge the connection matrix forbids (for example SQLite → anything, or nginx → SQLite).',
  why: 'Edges point from caller to callee, and only some pieces call others: nginx serves React files and proxies to app servers, app servers import Flask, Flask opens SQLite.',
  check(design, { nodeById }) {
    return design.edges.flatMap((edge) => {
      const source = nodeById.get(edge.source);
      const target = nodeById.get(edge.target);
      if (!source || !target) return [];
      const verdict = canConnect(source.kind, target.kind);
      if (verdict.allowed) return [];
      return [
        {
          rule: 'invalid-connection',
          severity: 'error' as const,
          message: verdict.reason,
          nodes: [source.id, target.id],
          edges: [edge.id],
          fix: {
            label: 'Remove this connection',
            apply: (current) => ({ ...current, edges: current.edges.filter((e) => e.id !== edge.id) }),
          },
        },
      ];
    });
  },
};
