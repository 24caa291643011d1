import { KINDS } from '../nodes/registry';
import { containerNames, containerSettings, nodeContainers } from './containers';
import type { Design, DesignEdge, DesignNode } from './design';
import { joinPieces } from './text';

/**
 * The design as file text: keys in a fixed order, props in descriptor order, every prop written out
 * (so a file does not change meaning when a default changes), two-space indent, final newline.
 */
export function serializeDesign(design: Design): string {
  // The same text as JSON.stringify(toFileObject(design), null, 2), with each node's and edge's
  // block reused while the node or edge is the same object: an edit rewrites one block, not the file.
  return `${head(design)},\n  "nodes": ${list(design.nodes, nodeBlock)},\n  "edges": ${list(design.edges, edgeBlock)}\n}\n`;
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

// Keyed by the nodes or edges list: an edit of a node leaves the edges list (and its text) the same.
const listTexts = new WeakMap<readonly object[], string>();

function list<T extends object>(items: readonly T[], block: (item: T) => string): string {
  let text = listTexts.get(items);
  if (text === undefined) {
    text = items.length === 0 ? '[]' : `[\n${joinPieces(items.map(block), ',\n')}\n  ]`;
    listTexts.set(items, text);
  }
  return text;
}

const nodeBlocks = new WeakMap<DesignNode, string>();
const edgeBlocks = new WeakMap<DesignEdge, string>();

/** An object's JSON at the depth of an item of the file's top-level arrays (four spaces in). */
function indentedBlock(value: unknown): string {
  return `    ${JSON.stringify(value, null, 2).replaceAll('\n', '\n    ')}`;
}

function nodeBlock(node: DesignNode): string {
  let text = nodeBlocks.get(node);
  if (text === undefined) nodeBlocks.set(node, (text = indentedBlock(nodeObject(node))));
  return text;
}

function edgeBlock(edge: DesignEdge): string {
  let text = edgeBlocks.get(edge);
  if (text === undefined) edgeBlocks.set(edge, (text = indentedBlock(edgeObject(edge))));
  return text;
}

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
