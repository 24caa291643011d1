import type { Design, Position } from '../model/design';
import { autoPositions } from '../exporters/diagram';
import { READABLE_ZOOM } from '../nodes/card/readable';

type Dagre = typeof import('@dagrejs/dagre');

/**
 * dagre is loaded on first need (a design without positions, or Auto-layout), not with the page:
 * most designs carry their positions. Until it arrives, a simple column layout stands in.
 */
let dagre: Dagre | null = null;
let loading: Promise<void> | null = null;
const listeners = new Set<() => void>();

export function loadLayoutEngine(): Promise<void> {
  loading ??= import('@dagrejs/dagre').then((module) => {
    dagre = ((module as { default?: Dagre }).default ?? module) as Dagre;
    for (const listener of listeners) listener();
  });
  return loading;
}

export function layoutEngineReady(): boolean {
  return dagre !== null;
}

export function subscribeLayoutEngine(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The size the layout reserves for a node: a 190 px card with a 10 px handle on each side, about this tall. */
export const NODE_WIDTH = 210;
export const NODE_HEIGHT = 72;
/**
 * Fit the design in view, but never zoom a small design past 100 %, nor a large one below the zoom at
 * which its cards and edge labels are readable: a design that does not fit then shows its middle at
 * that zoom (React Flow centres the clamped view), with the rest a pan or the minimap away. The middle,
 * not the client's corner: it is where the app and its server sit, with what calls them and what they
 * call cut at both sides, which says at once that there is more to either side.
 */
export const FIT_VIEW = { padding: 0.15, maxZoom: 1, minZoom: READABLE_ZOOM };

/**
 * Left-to-right layout with dagre, grouping each container as a cluster so frames do not overlap.
 * Returns top-left positions for every node.
 */
export function layoutDesign(design: Design): Map<string, Position> {
  if (!dagre) {
    void loadLayoutEngine();
    return autoPositions({
      ...design,
      nodes: design.nodes.map(({ position: _unused, ...node }) => node),
    } as Design);
  }
  const graph = new dagre.graphlib.Graph({ compound: true, multigraph: false });
  graph.setGraph({ rankdir: 'LR', nodesep: 40, ranksep: 72, marginx: 24, marginy: 24 });
  graph.setDefaultEdgeLabel(() => ({}));
  const containers = new Set<string>();
  for (const node of design.nodes) {
    graph.setNode(node.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
    if (node.container !== undefined) {
      const cluster = `container:${node.container}`;
      if (!containers.has(cluster)) {
        containers.add(cluster);
        graph.setNode(cluster, { paddingTop: 36, paddingLeft: 20, paddingRight: 20, paddingBottom: 20 });
      }
      graph.setParent(node.id, cluster);
    }
  }
  for (const edge of design.edges) graph.setEdge(edge.source, edge.target);
  dagre.layout(graph);
  const positions = new Map<string, Position>();
  for (const node of design.nodes) {
    const laid = graph.node(node.id);
    positions.set(node.id, {
      x: Math.round(laid.x - NODE_WIDTH / 2),
      y: Math.round(laid.y - NODE_HEIGHT / 2),
    });
  }
  return positions;
}

/** Positions for drawing: the design's own, and a dagre layout for nodes that have none. */
export function positionsFor(design: Design): Map<string, Position> {
  if (design.nodes.every((node) => node.position)) {
    return new Map(design.nodes.map((node) => [node.id, node.position!]));
  }
  const laid = layoutDesign(design);
  for (const node of design.nodes) if (node.position) laid.set(node.id, node.position);
  return laid;
}
