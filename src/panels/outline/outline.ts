import type { Lang } from '../../i18n/lang';
import type { Design, DesignEdge, DesignNode } from '../../model/design';
import { edgeLabel } from '../../canvas/flowState';
import { emptyContainers, nodeContainers } from '../../model/containers';

/** One connection as the outline lists it under its calling node. */
export interface OutlineConnection {
  edge: DesignEdge;
  /** What flows over it ("HTTP /", "WSGI"), '' when its caption says nothing. */
  what: string;
}

export interface OutlineNode {
  node: DesignNode;
  /** The connections this node calls, in the design's order. */
  calls: OutlineConnection[];
}

export interface OutlineService {
  /** The Docker Compose service; null for the nodes outside every service (clients). */
  container: string | null;
  nodes: OutlineNode[];
}

/**
 * The design as a list for reading and quick navigation: the nodes outside every service first, then
 * each service in the order its first node appears, each node with the connections it calls. Empty
 * services (frames drawn before anything was put in them) are listed too. Captions are worded in `lang`.
 */
export function outlineOf(design: Design, lang: Lang = 'en'): OutlineService[] {
  const byId = new Map(design.nodes.map((node) => [node.id, node]));
  const entryOf = (node: DesignNode): OutlineNode => ({
    node,
    calls: design.edges
      .filter((edge) => edge.source === node.id)
      .map((edge) => ({ edge, what: edgeLabel(edge, node, byId.get(edge.target), lang) })),
  });
  const outside = design.nodes.filter((node) => node.container === undefined);
  const containers = [...nodeContainers(design), ...emptyContainers(design)];
  const services: OutlineService[] = containers.map((container) => ({
    container,
    nodes: design.nodes.filter((node) => node.container === container).map(entryOf),
  }));
  return outside.length > 0 ? [{ container: null, nodes: outside.map(entryOf) }, ...services] : services;
}
