import type { Design, DesignEdge, DesignNode } from './design';

/**
 * A design's shape: its node ids, kinds and containers, in order, and its edges. What is worked out
 * from nothing else is kept per shape object: the services each container becomes (servicesOf), the
 * containers nodes name (nodeContainers), the Mermaid chart's layout (mermaidLines) and the
 * diagnostics of rules that say `reads: 'shape'` (loops, reachability, what may connect to what, who
 * shares a container). An inspector edit changes props only, so the shape stays the same object.
 */
export type DesignShape = object;

interface KeptShape {
  nodes: readonly DesignNode[];
  shape: DesignShape;
}

/** The last shape seen for an edges list: the store keeps that list while an edit touches only nodes. */
const shapeByEdges = new WeakMap<readonly DesignEdge[], KeptShape>();

const sameShapeNode = (a: DesignNode, b: DesignNode | undefined): boolean =>
  a === b || (b !== undefined && a.id === b.id && a.kind === b.kind && a.container === b.container);

/**
 * The design's shape: the object returned last time for the same edges list when the nodes still
 * have the same ids, kinds and containers in the same order (props and positions may differ), else
 * a new one.
 */
export function designShape(design: Design): DesignShape {
  const kept = shapeByEdges.get(design.edges);
  const same =
    kept !== undefined &&
    (kept.nodes === design.nodes ||
      (kept.nodes.length === design.nodes.length &&
        kept.nodes.every((node, at) => sameShapeNode(node, design.nodes[at]))));
  const shape = same ? kept.shape : {};
  shapeByEdges.set(design.edges, { nodes: design.nodes, shape });
  return shape;
}
