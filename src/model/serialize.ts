import { KINDS } from '../nodes/registry';
import { containerNames, containerSettings } from './containers';
import type { Design, DesignEdge, DesignNode } from './design';

/**
 * The design as file text: keys in a fixed order, props in descriptor order, every prop written out
 * (so a file does not change meaning when a default changes), two-space indent, final newline.
 */
export function serializeDesign(design: Design): string {
  // Joined, not text + "\n": the file is one flat string when it is returned.
  return [JSON.stringify(toFileObject(design), null, 2), '\n'].join('');
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
  const names = propNames(node.kind);
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    if (given[name] !== undefined) props[name] = given[name];
  }
  out.props = props;
  return out;
}

/** Each kind's prop names in descriptor order (descriptors are fixed, so listed once, not per node). */
const propNamesOf = new Map<DesignNode['kind'], string[]>();

function propNames(kind: DesignNode['kind']): string[] {
  let names = propNamesOf.get(kind);
  if (!names) propNamesOf.set(kind, (names = Object.keys(KINDS[kind].props)));
  return names;
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
