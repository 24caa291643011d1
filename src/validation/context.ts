import type { Design, DesignEdge } from '../model/design';
import { groupPush } from '../model/group';
import { oncePer } from '../model/oncePer';
import type { Target } from '../model/target';
import { type RuleMessages } from '../i18n';
import { ruleMessages as EN_RULE_MESSAGES } from '../i18n/en/rules';
import { hasRole, type Role } from '../nodes/registry';
import type { RuleContext } from './types';

export function buildContext(
  design: Design,
  target: Target = 'compose',
  text: RuleMessages = EN_RULE_MESSAGES,
): RuleContext {
  const nodeById = new Map(design.nodes.map((node) => [node.id, node]));
  const { outgoing, incoming } = edgesByEnd(design.edges);
  const plays = (id: string, role?: Role) => {
    const node = nodeById.get(id);
    return node !== undefined && (role === undefined || hasRole(node, role));
  };
  return {
    target,
    text,
    nodeById,
    outgoing,
    incoming,
    edgesOut: (id, role) => (outgoing.get(id) ?? []).filter((edge) => plays(edge.target, role)),
    edgesIn: (id, role) => (incoming.get(id) ?? []).filter((edge) => plays(edge.source, role)),
  };
}

interface EdgesByEnd {
  outgoing: ReadonlyMap<string, readonly DesignEdge[]>;
  incoming: ReadonlyMap<string, readonly DesignEdge[]>;
}

/**
 * The edges by source and by target node id, worked out once per edges list (which the store keeps
 * while an edit touches only nodes).
 */
const edgesByEnd = oncePer(
  (edges: readonly DesignEdge[]) => edges,
  (edges: readonly DesignEdge[]): EdgesByEnd => {
    const outgoing = new Map<string, DesignEdge[]>();
    const incoming = new Map<string, DesignEdge[]>();
    for (const edge of edges) {
      groupPush(outgoing, edge.source, edge);
      groupPush(incoming, edge.target, edge);
    }
    return { outgoing, incoming };
  },
);
