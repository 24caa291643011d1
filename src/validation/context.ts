import type { Design } from '../model/design';
import type { RuleContext } from './types';

export function buildContext(design: Design): RuleContext {
  const nodeById = new Map(design.nodes.map((node) => [node.id, node]));
  const outgoing = new Map<string, Design['edges']>();
  const incoming = new Map<string, Design['edges']>();
  for (const edge of design.edges) {
    (outgoing.get(edge.source) ?? outgoing.set(edge.source, []).get(edge.source)!).push(edge);
    (incoming.get(edge.target) ?? incoming.set(edge.target, []).get(edge.target)!).push(edge);
  }
  return { nodeById, outgoing, incoming };
}
