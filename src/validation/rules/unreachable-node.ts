import { design, e, n } from './examples';
import { isClient } from '../../nodes/registry';
import { nodeName } from '../fixes';
import type { Rule } from '../types';
import { reachableFromClients } from './no-entry-point';

function stack(withSecondEdge: boolean) {
  return design(
    [
      n('browser', 'client'),
      n('proxy', 'nginx', 'web'),
      n('wsgi', 'gunicorn', 'app'),
      n('api', 'flask', 'app'),
      n('db', 'sqlite', 'app'),
    ],
    [
      e('e1', 'browser', 'proxy'),
      e('e2', 'proxy', 'wsgi'),
      e('e3', 'wsgi', 'api'),
      ...(withSecondEdge ? [e('e4', 'api', 'db')] : []),
    ],
  );
}

export const unreachableNode: Rule = {
  id: 'unreachable-node',
  severity: 'warning',
  reads: 'shape',
  summary:
    'A node that no client can reach by following the connections. Silent when the design has no client at all (then `no-entry-point` reports the missing client once, instead of every node).',
  why: 'Every piece of a deployment is there to serve requests. A node nothing leads to is either forgotten or missing a connection, and its container would start for nothing (or, for SQLite, hold data no app opens).',
  check(current, context) {
    if (!current.nodes.some(isClient)) return [];
    const reached = reachableFromClients(current, context);
    return current.nodes
      .filter((node) => !isClient(node) && !reached.has(node.id))
      .map((node) => ({
        rule: 'unreachable-node',
        severity: 'warning' as const,
        message: context.text['unreachable-node'].message({ node: nodeName(node) }),
        nodes: [node.id],
        edges: [],
      }));
  },
  examples: { fires: stack(false), nearMiss: stack(true) },
};
