import { KINDS } from '../nodes/registry';
import { containerNames, containerSettings, nodeContainers } from './containers';
import type { Design, DesignEdge, DesignNode } from './design';
import { joinPieces } from './text';
import { oncePer } from './oncePer';
import { mapKeptList } from './mapKept';

/**
 * The design as file text: keys in a fixed order, props in descriptor order, every prop written out
 * (so a file does not change meaning when a default changes), two-space indent, final newline.
 */
export function serializeDesign(design: Design): string {
  // The same text as JSON.stringify(toFileObject(design), null, 2), with each node's and edge's
  // block reused while the node or edge is the same object: an edit rewrites one block, not the file.
  return `${head(design)},\n  "nodes": ${nodesText(design.nodes)},\n  "edges": ${edgesText(design.edges)}\n}\n`;
}

// Keyed by the containers object, which an edit of a node's props keeps: the head (format, name,
// containers) is written again only when one of them or the containers nodes name change.
const heads = new WeakMap<
  Design['containers'],
  { format: string; name: string; named: readonly string[]; text: string }
>();

function head(design: Design): string {
  const named = nodeContainers(design);
  const kept = heads.get(design.containers);
  if (kept && kept.named === named && kept.name === design.name && kept.format === design.format)
    return kept.text;
  const text = JSON.stringify(
    { format: design.format, name: design.name, containers: containersObject(design) },
    null,
    2,
  ).slice(0, -2);
  heads.set(design.containers, { format: design.format, name: design.name, named, text });
  return text;
}

function list(blocks: readonly string[]): string {
  return blocks.length === 0 ? '[]' : `[\n${joinPieces(blocks, ',\n')}\n  ]`;
}

// Each list's text once per list (an edit of a node leaves the edges list, and its text, the same),
// its blocks kept by position while the items are the same objects.
const nodeBlocks = mapKeptList((node: DesignNode) => nodeBlock(node));
const edgeBlocks = mapKeptList((edge: DesignEdge) => edgeBlock(edge));
const nodesText = oncePer(
  (nodes: readonly DesignNode[]) => nodes,
  (nodes: readonly DesignNode[]) => list(nodeBlocks(nodes)),
);
const edgesText = oncePer(
  (edges: readonly DesignEdge[]) => edges,
  (edges: readonly DesignEdge[]) => list(edgeBlocks(edges)),
);

/** An object's JSON at the depth of an item of the file's top-level arrays (four spaces in). */
function indentedBlock(value: unknown): string {
  return `    ${JSON.stringify(value, null, 2).replaceAll('\n', '\n    ')}`;
}

// Once per node and edge object: an edit writes again only the blocks of what it replaced.
const nodeBlock = oncePer(
  (node: DesignNode) => node,
  (node: DesignNode) => indentedBlock(nodeObject(node)),
);
const edgeBlock = oncePer(
  (edge: DesignEdge) => edge,
  (edge: DesignEdge) => indentedBlock(edgeObject(edge)),
);

export function toFileObject(design: Design): Record<string, unknown> {
  return {
    format: design.format,
    name: design.name,
    containers: containersObject(design),
    nodes: design.nodes.map(nodeObject),
    edges: design.edges.map(edgeObject),
  };
}

/** Every container (listed or named by a node) by name, `{}` for the defaults: the same design, the same bytes. */
function containersObject(design: Design): Record<string, unknown> {
  return Object.fromEntries(
    containerNames(design).map((name) => {
      const { replicas } = containerSettings(design, name);
      return [name, replicas === 1 ? {} : { replicas }];
    }),
  );
}

function nodeObject(node: DesignNode): Record<string, unknown> {
  const out: Record<string, unknown> = { id: node.id, kind: node.kind };
  if (node.container !== undefined) out.container = node.container;
  if (node.position) out.position = { x: round(node.position.x), y: round(node.position.y) };
  const props: Record<string, unknown> = {};
  const given = node.props as unknown as Record<string, unknown>;
  for (const name of Object.keys(KINDS[node.kind].props))
    if (given[name] !== undefined) props[name] = given[name];
  out.props = props;
  return out;
}

function edgeObject(edge: DesignEdge): Record<string, unknown> {
  const out: Record<string, unknown> = { id: edge.id, source: edge.source, target: edge.target };
  const props: Record<string, unknown> = {};
  if (edge.props.route !== undefined) props.route = edge.props.route;
  if (edge.props.pass !== undefined) props.pass = edge.props.pass;
  if (edge.props.balance !== undefined) props.balance = edge.props.balance;
  if (Object.keys(props).length > 0) out.props = props;
  return out;
}

/** Positions are kept to a tenth of a pixel so dragging noise does not change the file. */
function round(value: number): number {
  return Math.round(value * 10) / 10;
}
