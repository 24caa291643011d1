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

type PerValidation = (design: Design, context: RuleContext) => unknown;
const workedOut = new WeakMap<RuleContext, Map<PerValidation, { design: Design; value: unknown }>>();

/**
 * `compute(design, context)` once per validation, for data several rules ask for: kept with the rule
 * context, keyed by `compute`. A context belongs to one design; asked about another, work that one out.
 */
export function oncePerValidation<T>(
  design: Design,
  context: RuleContext,
  compute: (design: Design, context: RuleContext) => T,
): T {
  let known = workedOut.get(context);
  if (!known) workedOut.set(context, (known = new Map()));
  const entry = known.get(compute);
  if (entry && entry.design === design) return entry.value as T;
  const value = compute(design, context);
  known.set(compute, { design, value });
  return value;
}
