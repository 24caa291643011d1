/**
 * Design edits: the canvas, palette, inspector and every quick fix perform these. Pure: each takes a
 * design and returns a new one (or the same object when nothing changes, so the store records no empty
 * undo step); unchanged nodes and edges stay the same objects.
 */
import { canConnect, passFor, type RefusedPair } from './connections';
import type { Design, DesignEdge, DesignNode, EdgeProps, Position } from './design';
import { renameContainerEntry } from './containers';
import { KINDS, isClient, isProxy, isWsgiServer } from '../nodes/registry';
import { defaultProps, type KindDescriptor, type NodeKind, type PropValue } from '../nodes/types';

function takenIds(design: Design, alsoTaken: Iterable<string>): Set<string> {
  return new Set([...design.nodes.map((n) => n.id), ...design.edges.map((e) => e.id), ...alsoTaken]);
}

/** `base`, or `base-2`, `base-3`, … : the first id no node or edge uses yet. */
export function uniqueId(design: Design, base: string, alsoTaken: Iterable<string> = []): string {
  const taken = takenIds(design, alsoTaken);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** Readable, unique ids: nginx, nginx-2, nginx-3, … (a copy of nginx-2 is named from nginx too). */
export function nextNodeId(design: Design, base: string, taken: ReadonlySet<string> = new Set()): string {
  return uniqueId(design, base.replace(/-\d+$/, '') || 'node', taken);
}

export function nextEdgeId(design: Design, taken: ReadonlySet<string> = new Set()): string {
  const used = takenIds(design, taken);
  for (let n = 1; ; n++) if (!used.has(`e${n}`)) return `e${n}`;
}

/** `base`, or `base-2`, … : the first container name no node uses yet. */
export function unusedContainer(design: Design, base: string): string {
  const taken = new Set(design.nodes.map((node) => node.container));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** The container a new node of this kind gets: the loader's rule (a further WSGI server gets app-2, …). */
export function defaultContainerFor(design: Design, kind: NodeKind): string | undefined {
  const base = KINDS[kind].defaultContainer;
  if (base === null) return undefined;
  if (!isWsgiServer({ kind })) return base;
  const serverContainers = new Set(design.nodes.filter(isWsgiServer).map((n) => n.container));
  if (!serverContainers.has('app')) return 'app';
  for (let n = 2; ; n++) if (!serverContainers.has(`app-${n}`)) return `app-${n}`;
}

/** A node of `kind` with its default props (overridden by `props`); clients get no container. */
export function newNode(
  kind: NodeKind,
  id: string,
  options: { container?: string; props?: Record<string, PropValue>; position?: Position } = {},
): DesignNode {
  const node = {
    id,
    kind,
    props: { ...defaultProps(KINDS[kind] as KindDescriptor), ...options.props },
  } as unknown as DesignNode;
  if (options.container !== undefined && !isClient(node)) node.container = options.container;
  if (options.position) node.position = options.position;
  return node;
}

/** Add a node as it is (its id must be free: see uniqueId). */
export function insertNode(design: Design, node: DesignNode): Design {
  return { ...design, nodes: [...design.nodes, node] };
}

/** Add a node of `kind` with a fresh id, default props and its default container. */
export function addNode(
  design: Design,
  kind: NodeKind,
  position: Position,
  container?: string,
): { design: Design; id: string } {
  const id = nextNodeId(design, kind);
  const node = newNode(kind, id, {
    position: { x: Math.round(position.x), y: Math.round(position.y) },
    container: container ?? defaultContainerFor(design, kind),
  });
  return { design: insertNode(design, node), id };
}

/** Why a connection between two nodes is refused, as a code each language words (src/i18n). */
export type ConnectionProblem =
  | { code: 'self' }
  | { code: 'notNodes' }
  | { code: 'alreadyConnected'; params: { source: string; target: string } }
  | { code: 'refused'; params: RefusedPair };

/** Why a connection is refused, or null when it may be drawn. */
export function connectionProblem(design: Design, source: string, target: string): ConnectionProblem | null {
  if (source === target) return { code: 'self' };
  const from = design.nodes.find((n) => n.id === source);
  const to = design.nodes.find((n) => n.id === target);
  if (!from || !to) return { code: 'notNodes' };
  const verdict = canConnect(from.kind, to.kind);
  if (!verdict.allowed) return { code: 'refused', params: verdict };
  if (design.edges.some((e) => e.source === source && e.target === target))
    return { code: 'alreadyConnected', params: { source, target } };
  return null;
}

const ROUTE_CANDIDATES = ['/', '/api/', '/app/', '/static/'];

/** A route no other edge of this proxy uses: "/" first. */
export function nextFreeRoute(design: Design, proxyId: string): string {
  const used = new Set(design.edges.filter((e) => e.source === proxyId).map((e) => e.props.route));
  for (const route of ROUTE_CANDIDATES) if (!used.has(route)) return route;
  for (let n = 2; ; n++) if (!used.has(`/api-${n}/`)) return `/api-${n}/`;
}

export function newEdge(id: string, source: string, target: string, props: EdgeProps = {}): DesignEdge {
  return { id, source, target, props };
}

/** Add an edge as it is (its id must be free). */
export function insertEdge(design: Design, edge: DesignEdge): Design {
  return { ...design, edges: [...design.edges, edge] };
}

/** Add an edge with the props its ends need; the same design when the connection is refused. */
export function connect(design: Design, source: string, target: string): Design {
  if (connectionProblem(design, source, target) !== null) return design;
  const from = design.nodes.find((n) => n.id === source)!;
  const to = design.nodes.find((n) => n.id === target)!;
  const props: EdgeProps = {};
  if (isProxy(from)) {
    props.route = nextFreeRoute(design, source);
    const pass = passFor(to);
    if (pass !== undefined) props.pass = pass;
  }
  return insertEdge(design, newEdge(nextEdgeId(design), source, target, props));
}

export function deleteElements(
  design: Design,
  nodeIds: readonly string[],
  edgeIds: readonly string[],
): Design {
  const nodes = new Set(nodeIds);
  const edges = new Set(edgeIds);
  if (nodes.size === 0 && edges.size === 0) return design;
  const keptNodes = design.nodes.filter((n) => !nodes.has(n.id));
  const keptEdges = design.edges.filter(
    (e) => !edges.has(e.id) && !nodes.has(e.source) && !nodes.has(e.target),
  );
  if (keptNodes.length === design.nodes.length && keptEdges.length === design.edges.length) return design;
  return { ...design, nodes: keptNodes, edges: keptEdges };
}

/** `change` applied to the nodes it returns a different object for; the same design when none changes. */
function mapNodes(design: Design, change: (node: DesignNode) => DesignNode): Design {
  let changed = false;
  const nodes = design.nodes.map((node) => {
    const next = change(node);
    if (next !== node) changed = true;
    return next;
  });
  return changed ? { ...design, nodes } : design;
}

function mapEdges(design: Design, change: (edge: DesignEdge) => DesignEdge): Design {
  let changed = false;
  const edges = design.edges.map((edge) => {
    const next = change(edge);
    if (next !== edge) changed = true;
    return next;
  });
  return changed ? { ...design, edges } : design;
}

/** Set positions on the canvas (rounded to whole pixels); nodes not named keep theirs. */
export function moveNodesTo(design: Design, positions: ReadonlyMap<string, Position>): Design {
  return mapNodes(design, (node) => {
    const next = positions.get(node.id);
    if (!next) return node;
    const position = { x: Math.round(next.x), y: Math.round(next.y) };
    if (node.position && node.position.x === position.x && node.position.y === position.y) return node;
    return { ...node, position };
  });
}

/** Move nodes into a container (clients stay outside every container). */
export function moveNodesToContainer(design: Design, nodeIds: readonly string[], container: string): Design {
  const ids = new Set(nodeIds);
  return mapNodes(design, (node) =>
    !ids.has(node.id) || isClient(node) || node.container === container ? node : { ...node, container },
  );
}

/** Rename a Docker service: every node in it moves to the new name, and so do its settings. */
export function renameContainer(design: Design, from: string, to: string): Design {
  if (from === to) return design;
  const ids = design.nodes.filter((n) => n.container === from).map((n) => n.id);
  return renameContainerEntry(moveNodesToContainer(design, ids, to), from, to);
}

/** Set several props of one node (props already equal are left alone). */
export function setNodeProps(design: Design, id: string, patch: Readonly<Record<string, PropValue>>): Design {
  return mapNodes(design, (node) => {
    if (node.id !== id) return node;
    const props = node.props as unknown as Record<string, PropValue>;
    if (Object.entries(patch).every(([name, value]) => props[name] === value)) return node;
    return { ...node, props: { ...props, ...patch } } as unknown as DesignNode;
  });
}

export function setNodeProp(design: Design, id: string, name: string, value: PropValue): Design {
  return setNodeProps(design, id, { [name]: value });
}

/** Set several props of one edge (props already equal are left alone). */
export function setEdgeProps(design: Design, id: string, patch: EdgeProps): Design {
  return mapEdges(design, (edge) => {
    if (edge.id !== id) return edge;
    const entries = Object.entries(patch) as [keyof EdgeProps, EdgeProps[keyof EdgeProps]][];
    if (entries.every(([name, value]) => edge.props[name] === value)) return edge;
    return { ...edge, props: { ...edge.props, ...patch } };
  });
}

export function setEdgeProp<K extends keyof EdgeProps>(
  design: Design,
  id: string,
  name: K,
  value: EdgeProps[K],
): Design {
  return setEdgeProps(design, id, { [name]: value });
}

/** Point an edge at another node, keeping its id and props. */
export function retargetEdge(design: Design, id: string, target: string): Design {
  return mapEdges(design, (edge) => (edge.id !== id || edge.target === target ? edge : { ...edge, target }));
}

export function renameDesign(design: Design, name: string): Design {
  return design.name === name ? design : { ...design, name };
}

/** Rename a node (edges follow). Returns a sentence naming the problem instead when the id cannot be used. */
export function renameNode(design: Design, from: string, to: string): Design | string {
  if (from === to) return design;
  if (to.length === 0 || to.length > 100) return 'an id has 1 to 100 characters';
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(to))
    return 'an id uses letters, digits and _ . - (starting with a letter or digit)';
  if (design.nodes.some((n) => n.id === to) || design.edges.some((e) => e.id === to))
    return `"${to}" is already used`;
  return {
    ...design,
    nodes: design.nodes.map((n) => (n.id === from ? { ...n, id: to } : n)),
    edges: design.edges.map((e) =>
      e.source === from || e.target === from
        ? { ...e, source: e.source === from ? to : e.source, target: e.target === from ? to : e.target }
        : e,
    ),
  };
}

export interface Clip {
  nodes: DesignNode[];
  edges: DesignEdge[];
}

/** The selected nodes and the edges between them. */
export function copySelection(design: Design, nodeIds: readonly string[]): Clip | null {
  const ids = new Set(nodeIds);
  const nodes = design.nodes.filter((n) => ids.has(n.id));
  if (nodes.length === 0) return null;
  const edges = design.edges.filter((e) => ids.has(e.source) && ids.has(e.target));
  return structuredClone({ nodes, edges });
}

/** Paste a clip with fresh ids, shifted by `offset`; returns the new node ids. */
export function pasteClip(design: Design, clip: Clip, offset: Position): { design: Design; ids: string[] } {
  const taken = new Set<string>();
  const rename = new Map<string, string>();
  const nodes = clip.nodes.map((node) => {
    const id = nextNodeId(design, node.id, taken);
    taken.add(id);
    rename.set(node.id, id);
    const position = node.position ?? { x: 0, y: 0 };
    return { ...structuredClone(node), id, position: { x: position.x + offset.x, y: position.y + offset.y } };
  });
  let next: Design = { ...design, nodes: [...design.nodes, ...nodes] };
  const edges = clip.edges.map((edge) => {
    const id = nextEdgeId(next, taken);
    taken.add(id);
    return {
      ...structuredClone(edge),
      id,
      source: rename.get(edge.source)!,
      target: rename.get(edge.target)!,
    };
  });
  next = { ...next, edges: [...next.edges, ...edges] };
  return { design: next, ids: nodes.map((n) => n.id) };
}
