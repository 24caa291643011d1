import type { Design, DesignEdge } from '../../model/design';
import { insertEdge, insertNode, newEdge, newNode, uniqueId } from '../../model/edit';
import { groupPush } from '../../model/group';
import { isApp, isClient, isProxy, isWsgiServer, type NodeKind } from '../../nodes/registry';
import { design, e, n } from './examples';
import { nodeName } from '../fixes';
import type { Rule, RuleContext } from '../types';

/** Where a client's request gets into the stack: a proxy, or (exposed) a server or an app. */
const isEntry = (node: { kind: NodeKind }) => isProxy(node) || isWsgiServer(node) || isApp(node);

/** Connect `clientId` (a new "browser" client when absent) to `proxyId`. */
function connectClient(current: Design, clientId: string | undefined, proxyId: string): Design {
  const proxy = current.nodes.find((node) => node.id === proxyId);
  if (!proxy) return current;
  let next = current;
  let from = clientId;
  if (from === undefined || !next.nodes.some((node) => node.id === from)) {
    from = uniqueId(current, 'browser');
    const position = proxy.position && { x: proxy.position.x - 240, y: proxy.position.y };
    next = insertNode(next, newNode('client', from, { position }));
  }
  const source = from;
  if (next.edges.some((link) => link.source === source && link.target === proxyId)) return next;
  return insertEdge(next, newEdge(uniqueId(next, `${source}-${proxyId}`), source, proxyId));
}

/**
 * Ids reachable from the given start ids along edges (the starts included). `outgoing` is the rule
 * context's edges by source when the caller has it (no second index of the same edges).
 */
export function reachableFrom(
  current: Design,
  starts: readonly string[],
  outgoing?: ReadonlyMap<string, readonly DesignEdge[]>,
): Set<string> {
  let bySource = outgoing;
  if (!bySource) {
    const built = new Map<string, DesignEdge[]>();
    for (const link of current.edges) groupPush(built, link.source, link);
    bySource = built;
  }
  const seen = new Set(starts);
  const queue = [...starts];
  while (queue.length > 0) {
    for (const link of bySource.get(queue.pop()!) ?? []) {
      if (seen.has(link.target)) continue;
      seen.add(link.target);
      queue.push(link.target);
    }
  }
  return seen;
}

/** The ids the clients reach. */
export function reachableFromClients(current: Design, context: RuleContext): Set<string> {
  const clients = current.nodes.filter(isClient).map((client) => client.id);
  return reachableFrom(current, clients, context.outgoing);
}

export const noEntryPoint: Rule = {
  id: 'no-entry-point',
  severity: 'error',
  reads: 'shape',
  summary: 'The design has no client, or no client reaches an nginx or an app server.',
  why: 'A deployment exists to answer requests. A client node marks where requests come from; without one that reaches nginx (or, wrongly, an app server), nothing in the design is ever called and the generated stack has no front door.',
  fixSummary:
    'When the design has an nginx: connect a client (a new "browser" client if there is none) to the first nginx.',
  check(current, context) {
    const t = context.text['no-entry-point'];
    const clients = current.nodes.filter(isClient);
    const firstNginx = current.nodes.find(isProxy);
    const fix = (clientId: string | undefined) =>
      firstNginx
        ? {
            fix: {
              label: t.fix({ client: clientId, proxy: nodeName(firstNginx) }),
              apply: (d: Design) => connectClient(d, clientId, firstNginx.id),
            },
          }
        : {};
    if (clients.length === 0) {
      return [
        {
          rule: 'no-entry-point',
          severity: 'error' as const,
          message: t.noClient,
          nodes: [],
          edges: [],
          ...fix(undefined),
        },
      ];
    }
    const reached = reachableFromClients(current, context);
    const entry = current.nodes.some((node) => isEntry(node) && reached.has(node.id));
    if (entry) return [];
    return [
      {
        rule: 'no-entry-point',
        severity: 'error' as const,
        message: t.noEntry({ clients: clients.map(nodeName) }),
        nodes: clients.map((client) => client.id),
        edges: [],
        ...fix(clients[0]!.id),
      },
    ];
  },
  examples: {
    fires: design(
      [n('proxy', 'nginx', 'web'), n('wsgi', 'gunicorn', 'app'), n('api', 'flask', 'app')],
      [e('e2', 'proxy', 'wsgi'), e('e3', 'wsgi', 'api')],
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
