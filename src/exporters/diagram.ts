import type { Lang } from '../i18n/lang';
import type { Design, DesignEdge, DesignNode, Position } from '../model/design';
import { edgeCaptionOf } from '../nodes/captions';

/**
 * The picture of a design, shared by the SVG/PNG export and the read-only embed: where each node sits,
 * the container frames around them and what each edge carries. Pure and deterministic.
 */

/** A node card's size (src/nodes/card/card.css): the embed draws the cards themselves, the SVG their likeness. */
export const NODE_WIDTH = 190;
export const NODE_HEIGHT = 66;
const RANK_GAP = 260;
const ROW_GAP = 120;
const FRAME_PADDING = 24;
const FRAME_TITLE = 26;

export interface PlacedNode {
  node: DesignNode;
  x: number;
  y: number;
}

/** A container drawn as a frame around its nodes (the canvas has its own, editable, frames). */
export interface DiagramFrame {
  container: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DiagramEdge {
  edge: DesignEdge;
  /** What flows and the route (see edgeCaptionOf); null: nothing to say. */
  caption: string | null;
  /** Whether the connection is allowed (a refused one is drawn dashed). */
  allowed: boolean;
}

export interface Diagram {
  nodes: PlacedNode[];
  frames: DiagramFrame[];
  edges: DiagramEdge[];
  bounds: { x: number; y: number; width: number; height: number };
}

/**
 * How an edge leaves and enters: left to right when the callee sits to the right of the caller;
 * otherwise (a React build above its nginx, say) from the caller's top or bottom to the callee's
 * facing side, so that no edge loops back across its own node.
 */
export type EdgeRoute = 'right' | 'down' | 'up';

export function edgeRoute(from: { x: number; y: number }, to: { x: number; y: number }): EdgeRoute {
  if (to.x >= from.x + NODE_WIDTH + 20) return 'right';
  return to.y >= from.y ? 'down' : 'up';
}

function diagramEdge(design: Design, edge: DesignEdge, lang: Lang): DiagramEdge {
  const source = design.nodes.find((node) => node.id === edge.source);
  const target = design.nodes.find((node) => node.id === edge.target);
  if (!source || !target) return { edge, caption: null, allowed: false };
  const { text, allowed } = edgeCaptionOf(edge, source, target, lang);
  return { edge, caption: text, allowed };
}

/**
 * Positions for nodes that have none: columns by the longest path from an entry (callers left of
 * callees), rows in design order, placed below the nodes that do have positions.
 */
export function autoPositions(design: Design): Map<string, Position> {
  const positions = new Map<string, Position>();
  const missing = design.nodes.filter((node) => !node.position);
  for (const node of design.nodes) if (node.position) positions.set(node.id, node.position);
  if (missing.length === 0) return positions;

  const rank = new Map<string, number>(design.nodes.map((node) => [node.id, 0]));
  // Longest path by relaxation; bounded by the node count so that a cycle cannot loop for ever.
  for (let round = 0; round < design.nodes.length; round++) {
    let changed = false;
    for (const edge of design.edges) {
      const next = (rank.get(edge.source) ?? 0) + 1;
      if (next > (rank.get(edge.target) ?? 0) && next < design.nodes.length) {
        rank.set(edge.target, next);
        changed = true;
      }
    }
    if (!changed) break;
  }
  let top = 0;
  for (const position of positions.values()) top = Math.max(top, position.y + ROW_GAP + FRAME_PADDING);
  const rows = new Map<number, number>();
  for (const node of missing) {
    const column = rank.get(node.id) ?? 0;
    const row = rows.get(column) ?? 0;
    rows.set(column, row + 1);
    positions.set(node.id, { x: column * RANK_GAP, y: top + row * ROW_GAP });
  }
  return positions;
}

/** The picture of `design`, its edge captions worded in `lang` (see edgeCaptionOf). */
export function layoutDiagram(design: Design, lang: Lang = 'en'): Diagram {
  const positions = autoPositions(design);
  const nodes: PlacedNode[] = design.nodes.map((node) => {
    const position = positions.get(node.id)!;
    return { node, x: position.x, y: position.y };
  });
  const byContainer = new Map<string, PlacedNode[]>();
  for (const placed of nodes) {
    const container = placed.node.container;
    if (container === undefined) continue;
    const members = byContainer.get(container) ?? [];
    members.push(placed);
    byContainer.set(container, members);
  }
  const frames: DiagramFrame[] = [...byContainer.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([container, members]) => {
      const left = Math.min(...members.map((m) => m.x)) - FRAME_PADDING;
      const top = Math.min(...members.map((m) => m.y)) - FRAME_PADDING - FRAME_TITLE;
      const right = Math.max(...members.map((m) => m.x + NODE_WIDTH)) + FRAME_PADDING;
      const bottom = Math.max(...members.map((m) => m.y + NODE_HEIGHT)) + FRAME_PADDING;
      return { container, x: left, y: top, width: right - left, height: bottom - top };
    });
  const edges = design.edges.map((edge) => diagramEdge(design, edge, lang));

  const boxes = [
    ...nodes.map((n) => ({ x: n.x, y: n.y, width: NODE_WIDTH, height: NODE_HEIGHT })),
    ...frames,
  ];
  if (boxes.length === 0) return { nodes, frames, edges, bounds: { x: 0, y: 0, width: 0, height: 0 } };
  const minX = Math.min(...boxes.map((b) => b.x));
  const minY = Math.min(...boxes.map((b) => b.y));
  const maxX = Math.max(...boxes.map((b) => b.x + b.width));
  const maxY = Math.max(...boxes.map((b) => b.y + b.height));
  return { nodes, frames, edges, bounds: { x: minX, y: minY, width: maxX - minX, height: maxY - minY } };
}
