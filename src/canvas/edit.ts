/**
 * Design edits the canvas, palette and inspector perform. Pure: each takes a design and returns a new
 * one (or the same object when nothing changes, so the store records no empty undo step).
 */
import type { Design, DesignEdge, DesignNode, EdgeProps, Position } from '../model/design';
import { canConnect, matchingPass } from '../model/connections';
import { KINDS } from '../nodes/registry';
import { defaultProps, type KindDescriptor, type NodeKind, type PropValue } from '../nodes/types';

const SERVER_KINDS: readonly NodeKind[] = ['gunicorn', 'uwsgi'];

/** Readable, unique ids: nginx, nginx-2, nginx-3, … */
export function nextNodeId(design: Design, base: string, taken: ReadonlySet<string> = new Set()): string {
  const used = new Set([...design.nodes.map((n) => n.id), ...design.edges.map((e) => e.id), ...taken]);
  const stem = base.replace(/-\d+$/, '') || 'node';
  if (!used.has(stem)) return stem;
  for (let n = 2; ; n++) if (!used.has(`${stem}-${n}`)) return `${stem}-${n}`;
}

export function nextEdgeId(design: Design, taken: ReadonlySet<string> = new Set()): string {
  const used = new Set([...design.nodes.map((n) => n.id), ...design.edges.map((e) => e.id), ...taken]);
  for (let n = 1; ; n++) if (!used.has(`e${n}`)) return `e${n}`;
}

/** The container a new node of this kind gets: the loader's rule (a further WSGI server gets app-2, …). */
export function defaultContainerFor(design: Design, kind: NodeKind): string | undefined {
  const base = KINDS[kind].defaultContainer;
  if (base === null) return undefined;
  if (!SERVER_KINDS.includes(kind)) return base;
  const serverContainers = new Set(
    design.nodes.filter((n) => SERVER_KINDS.includes(n.kind)).map((n) => n.container),
  );
  if (!serverContainers.has('app')) return 'app';
  for (let n = 2; ; n++) if (!serverContainers.has(`app-${n}`)) return `app-${n}`;
}

export function addNode(
  design: Design,
  kind: NodeKind,
  position: Position,
  container?: string,
): { design: Design; id: string } {
  const id = nextNodeId(design, kind);
  const node = {
    id,
    kind,
    position: { x: Math.round(position.x), y: Math.round(position.y) },
    props: defaultProps(KINDS[kind] as KindDescriptor),
  } as unknown as DesignNode;
  const home = kind === 'client' ? undefined : (container ?? defaultContainerFor(design, kind));
  if (home !== undefined) node.container = home;
  return { design: { ...design, nodes: [...design.nodes, node] }, id };
}

/** Why a connection is refused, or null when it may be drawn. */
export function connectionProblem(design: Design, source: string, target: string): string | null {
  if (source === target) return 'A node cannot connect to itself.';
  const from = design.nodes.find((n) => n.id === source);
  const to = design.nodes.find((n) => n.id === target);
  if (!from || !to) return 'Both ends of a connection must be nodes.';
  const verdict = canConnect(from.kind, to.kind);
  if (!verdict.allowed) return verdict.reason;
  if (design.edges.some((e) => e.source === source && e.target === target))
    return `${source} is already connected to ${target}.`;
  return null;
}

const ROUTE_CANDIDATES = ['/', '/api/', '/app/', '/static/'];

/** A route no other edge of this nginx uses: "/" first. */
export function nextFreeRoute(design: Design, nginxId: string): string {
  const used = new Set(design.edges.filter((e) => e.source === nginxId).map((e) => e.props.route));
  for (const route of ROUTE_CANDIDATES) if (!used.has(route)) return route;
  for (let n = 2; ; n++) if (!used.has(`/api-${n}/`)) return `/api-${n}/`;
}

/** Add an edge with the props its ends need; the same design when the connection is refused. */
export function connect(design: Design, source: string, target: string): Design {
  if (connectionProblem(design, source, target) !== null) return design;
  const from = design.nodes.find((n) => n.id === source)!;
  const to = design.nodes.find((n) => n.id === target)!;
  const props: EdgeProps = {};
  if (from.kind === 'nginx') props.route = nextFreeRoute(design, source);
  if (from.kind === 'nginx' && to.kind === 'uwsgi') props.pass = matchingPass(to.props.protocol);
  const edge: DesignEdge = { id: nextEdgeId(design), source, target, props };
  return { ...design, edges: [...design.edges, edge] };
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

/** Set positions (rounded to whole pixels); nodes not named keep theirs. */
export function moveNodes(design: Design, positions: ReadonlyMap<string, Position>): Design {
  let changed = false;
  const nodes = design.nodes.map((node) => {
    const next = positions.get(node.id);
    if (!next) return node;
    const position = { x: Math.round(next.x), y: Math.round(next.y) };
    if (node.position && node.position.x === position.x && node.position.y === position.y) return node;
    changed = true;
    return { ...node, position };
  });
  return changed ? { ...design, nodes } : design;
}

/** Move nodes into a container (clients stay outside every container). */
export function setContainer(design: Design, nodeIds: readonly string[], container: string): Design {
  const ids = new Set(nodeIds);
  let changed = false;
  const nodes = design.nodes.map((node) => {
    if (!ids.has(node.id) || node.kind === 'client' || node.container === container) return node;
    changed = true;
    return { ...node, container };
  });
  return changed ? { ...design, nodes } : design;
}

/** Rename a Docker service: every node in it moves to the new name. */
export function renameContainer(design: Design, from: string, to: string): Design {
  if (from === to) return design;
  const ids = design.nodes.filter((n) => n.container === from).map((n) => n.id);
  return setContainer(design, ids, to);
}

export function setNodeProp(design: Design, id: string, name: string, value: PropValue): Design {
  let changed = false;
  const nodes = design.nodes.map((node) => {
    if (node.id !== id) return node;
    const props = node.props as unknown as Record<string, PropValue>;
    if (props[name] === value) return node;
    changed = true;
    return { ...node, props: { ...props, [name]: value } } as unknown as DesignNode;
  });
  return changed ? { ...design, nodes } : design;
}

export function setEdgeProp<K extends keyof EdgeProps>(
  design: Design,
  id: string,
  name: K,
  value: EdgeProps[K],
): Design {
  let changed = false;
  const edges = design.edges.map((edge) => {
    if (edge.id !== id || edge.props[name] === value) return edge;
    changed = true;
    return { ...edge, props: { ...edge.props, [name]: value } };
  });
  return changed ? { ...design, edges } : design;
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
