import type { Design, DesignEdge } from '../../model/design';
import { design, e, n } from '../examples';
import { edge, newNode, nodeName, uniqueId } from '../fixes';
import { oncePerValidation } from '../context';
import type { Rule, RuleContext } from '../types';
import { groupPush } from '../../model/group';

const ENTRY_KINDS = new Set(['nginx', 'gunicorn', 'uwsgi', 'flask']);

/** Connect `clientId` (a new "browser" client when absent) to `nginxId`. */
function connectClient(current: Design, clientId: string | undefined, nginxId: string): Design {
  const proxy = current.nodes.find((node) => node.id === nginxId);
  if (!proxy) return current;
  let nodes = current.nodes;
  let id = clientId;
  if (id === undefined || !nodes.some((node) => node.id === id)) {
    id = uniqueId(current, 'browser');
    const client = newNode('client', id, '', {});
    delete client.container;
    if (proxy.position) client.position = { x: proxy.position.x - 240, y: proxy.position.y };
    nodes = [...nodes, client];
  }
  const from = id;
  if (current.edges.some((e) => e.source === from && e.target === nginxId)) return { ...current, nodes };
  const edgeId = uniqueId({ ...current, nodes }, `${from}-${nginxId}`);
  return { ...current, nodes, edges: [...current.edges, edge(edgeId, from, nginxId)] };
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
    const links = bySource.get(queue.pop()!);
    if (!links) continue;
    for (let i = 0; i < links.length; i++) {
      const next = links[i]!.target;
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

function clientsReach(current: Design, context: RuleContext): Set<string> {
  const clients: string[] = [];
  for (let i = 0; i < current.nodes.length; i++)
    if (current.nodes[i]!.kind === 'client') clients.push(current.nodes[i]!.id);
  return reachableFrom(current, clients, context.outgoing);
}

/** The ids the clients reach, worked out once per validation (two rules ask). */
export function reachableFromClients(current: Design, context: RuleContext): Set<string> {
  return oncePerValidation(current, context, clientsReach);
}

export const noEntryPoint: Rule = {
  id: 'no-entry-point',
  severity: 'error',
  summary: 'The design has no client, or no client reaches an nginx or an app server.',
  why: 'A deployment exists to answer requests. A client node marks where requests come from; without one that reaches nginx (or, wrongly, an app server), nothing in the design is ever called and the generated stack has no front door.',
  fixSummary:
    'When the design has an nginx: connect a client (a new "browser" client if there is none) to the first nginx.',
  check(current, context) {
    const clients = current.nodes.filter((node) => node.kind === 'client');
    const firstNginx = current.nodes.find((node) => node.kind === 'nginx');
    const fix = (clientId: string | undefined) =>
      firstNginx
        ? {
            fix: {
              label: `Connect ${clientId ? `client "${clientId}"` : 'a new client'} to ${nodeName(firstNginx)}`,
              apply: (d: Design) => connectClient(d, clientId, firstNginx.id),
            },
          }
        : {};
    if (clients.length === 0) {
      return [
        {
          rule: 'no-entry-point',
          severity: 'error' as const,
          message:
            'The design has no client, so nothing sends requests to it. Add a client (the browser) and connect it to nginx, the front door of the stack.',
          nodes: [],
          edges: [],
          ...fix(undefined),
        },
      ];
    }
    const reached = reachableFromClients(current, context);
    const entry = current.nodes.some((node) => ENTRY_KINDS.has(node.kind) && reached.has(node.id));
    if (entry) return [];
    return [
      {
        rule: 'no-entry-point',
        severity: 'error' as const,
        message: `${clients.map(nodeName).join(', ')} ${clients.length === 1 ? 'reaches' : 'reach'} no nginx or app server, so no request ever gets into the stack. Connect the client to nginx.`,
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
