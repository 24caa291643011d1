import type { Design, DesignEdge } from './design';
import { designShape, type DesignShape } from './shape';
import { oncePer } from './oncePer';
import { isClient } from '../nodes/registry';

/**
 * One independent part of a design: nodes joined by an edge or by a shared container (clients run
 * in none). What is planned or checked for one part reads nothing of another, so after an edit only
 * the part it touched is worked out again (see the planner's and validate()'s parts).
 */
export interface DesignPart {
  /** Its nodes' positions in the design's nodes, in order. */
  at: number[];
  /** Its edges, in design order (an edge to a missing node is in no part). */
  edges: DesignEdge[];
  /** The containers its nodes run in. */
  containers: Set<string>;
}

/**
 * The design's independent parts, in order of their first node. They read only the shape (ids,
 * kinds, containers, edges): worked out once per shape.
 */
export const designParts: (design: Design) => DesignPart[] = oncePer(designShape, partsOf);

function partsOf(design: Design): DesignPart[] {
  const root = design.nodes.map((_, at) => at);
  const find = (at: number): number => (root[at] === at ? at : (root[at] = find(root[at]!)));
  const join = (a: number, b: number) => void (root[find(a)] = find(b));
  const atOf = new Map(design.nodes.map((node, at) => [node.id, at]));
  const firstInContainer = new Map<string, number>();
  design.nodes.forEach((node, at) => {
    if (isClient(node) || node.container === undefined) return;
    const first = firstInContainer.get(node.container);
    if (first === undefined) firstInContainer.set(node.container, at);
    else join(at, first);
  });
  for (const edge of design.edges) {
    const [source, target] = [atOf.get(edge.source), atOf.get(edge.target)];
    if (source !== undefined && target !== undefined) join(source, target);
  }
  const byRoot = new Map<number, DesignPart>();
  design.nodes.forEach((node, at) => {
    const key = find(at);
    const part = byRoot.get(key) ?? { at: [], edges: [], containers: new Set<string>() };
    byRoot.set(key, part);
    part.at.push(at);
    if (!isClient(node) && node.container !== undefined) part.containers.add(node.container);
  });
  for (const edge of design.edges) {
    const source = atOf.get(edge.source);
    if (source !== undefined && atOf.has(edge.target)) byRoot.get(find(source))!.edges.push(edge);
  }
  return [...byRoot.values()];
}

/**
 * The part as a design of its own: this design's name and containers, the part's nodes (the shape's
 * positions, this design's node objects) and its edges. What the planner and validate() work out for
 * one part.
 */
export function partDesign(design: Design, part: DesignPart): Design {
  return { ...design, nodes: part.at.map((at) => design.nodes[at]!), edges: part.edges };
}

/** Each container's part. */
export function partByContainer<P extends DesignPart>(parts: readonly P[]): Map<string, P> {
  return new Map(parts.flatMap((part) => [...part.containers].map((name) => [name, part] as const)));
}

/** Whether the part's nodes in this design are still the given node objects (what was worked out from them holds). */
export function samePartNodes(design: Design, part: DesignPart, nodes: Design['nodes']): boolean {
  return part.at.every((at, index) => design.nodes[at] === nodes[index]);
}

/**
 * A design's parts from the second time a caller asks about its shape: the first time (a design
 * loaded or a node added) no part has a result to reuse, so splitting would only add work.
 */
export function partsFromSecondAsk(): (design: Design) => DesignPart[] | null {
  const asked = new WeakSet<DesignShape>();
  return (design) => {
    const shape = designShape(design);
    if (asked.has(shape)) return designParts(design);
    asked.add(shape);
    return null;
  };
}
