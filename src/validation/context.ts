import type { Design, DesignEdge } from '../model/design';
import { groupPush } from '../model/group';
import type { NodeKind } from '../nodes/registry';
import type { RuleContext } from './types';

export function buildContext(design: Design): RuleContext {
  const nodeById = new Map<string, Design['nodes'][number]>();
  for (const node of design.nodes) nodeById.set(node.id, node);
  const outgoing = new Map<string, DesignEdge[]>();
  const incoming = new Map<string, DesignEdge[]>();
  for (const edge of design.edges) {
    groupPush(outgoing, edge.source, edge);
    groupPush(incoming, edge.target, edge);
  }
  const hasKind = (id: string, kinds?: readonly NodeKind[]) => {
    const node = nodeById.get(id);
    return node !== undefined && (kinds === undefined || kinds.includes(node.kind));
  };
  return {
    nodeById,
    outgoing,
    incoming,
    edgesOut: (id, kinds) => (outgoing.get(id) ?? []).filter((edge) => hasKind(edge.target, kinds)),
    edgesIn: (id, kinds) => (incoming.get(id) ?? []).filter((edge) => hasKind(edge.source, kinds)),
  };
}
