/**
 * A design's independent parts: nodes joined by an edge or a shared container belong to one part.
 * Each part is planned alone and its plan kept while its nodes are the same objects, so an edit
 * plans again only the part it touched; the design's plan is then the parts' plans put together.
 */
import type { Design, DesignEdge, DesignNode } from '../../model/design';
import { servicesOf, type ContainerServices } from '../../model/services';
import { designShape, type DesignShape } from '../../model/shape';
import { isClient } from '../../nodes/registry';
import type { PlannedCertbot, PlannedService, PlannedVolume } from '../planTypes';
import { compare } from './graph';

/** What planning a part (or the whole design) gives, before the entry probes are chosen. */
export interface PlannedPart {
  /** Sorted by name. */
  services: PlannedService[];
  /** Sorted by name. */
  volumes: PlannedVolume[];
  certbots: PlannedCertbot[];
  notes: string[];
}

/** One independent part: its nodes' positions in the design, its edges and its containers, in design order. */
interface Part {
  at: number[];
  edges: DesignEdge[];
  containers: Set<string>;
  /** Its last plan, with the node objects and services it was planned from, and the design-wide names it took. */
  last?: { nodes: DesignNode[]; services: ContainerServices[]; plan: PlannedPart; names: string[] };
}

/**
 * How many parts took each design-wide name, and how many names more than one part took: kept up to
 * date as parts are planned again, so an edit counts only the names of the part it touched.
 */
class TakenNames {
  private counts = new Map<string, number>();
  clashes = 0;

  add(names: readonly string[]): void {
    for (const name of names) {
      const count = (this.counts.get(name) ?? 0) + 1;
      this.counts.set(name, count);
      if (count === 2) this.clashes++;
    }
  }

  remove(names: readonly string[]): void {
    for (const name of names) {
      const count = this.counts.get(name)! - 1;
      if (count === 1) this.clashes--;
      if (count === 0) this.counts.delete(name);
      else this.counts.set(name, count);
    }
  }
}

interface Parts {
  list: Part[];
  taken: TakenNames;
}

/** The parts of a shape planned before (null: one part, or parts whose containers interleave). */
const partsByShape = new WeakMap<DesignShape, Parts | null>();
/** Shapes planned once: a shape's first plan is whole, since no part of it has a plan to reuse yet. */
const shapesPlannedOnce = new WeakSet<DesignShape>();

/**
 * The parts in order of their first container, from a shape's second plan on (an edit of props keeps
 * the shape; splitting a design planned for the first time would only add work). The steps list
 * services in container order, so the parts' plans put one after another are in the whole design's
 * order only when each part's containers come together in that order: otherwise null (planned whole).
 */
function independentParts(design: Design): Parts | null {
  const shape = designShape(design);
  if (partsByShape.has(shape)) return partsByShape.get(shape)!;
  if (!shapesPlannedOnce.has(shape)) {
    shapesPlannedOnce.add(shape);
    return null;
  }
  const list = partsOf(design);
  const parts = list && { list, taken: new TakenNames() };
  partsByShape.set(shape, parts);
  return parts;
}

function partsOf(design: Design): Part[] | null {
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
  const byRoot = new Map<number, Part>();
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
  // Containers in order of first appearance, each with its part: a part must not come back.
  const order: Part[] = [];
  for (const at of firstInContainer.values()) {
    const part = byRoot.get(find(at))!;
    if (order.at(-1) === part) continue;
    if (order.includes(part)) return null;
    order.push(part);
  }
  // Parts without a container (a lone client) plan nothing; they are left out.
  return order.length > 1 ? order : null;
}

/** The services of each part's containers, from the whole design's servicesOf (so names are the design's). */
const servicesByPart = new WeakMap<ContainerServices[], Map<Part, ContainerServices[]>>();

function partServices(design: Design, parts: readonly Part[]): Map<Part, ContainerServices[]> {
  const all = servicesOf(design);
  let kept = servicesByPart.get(all);
  if (!kept) {
    const partOf = new Map(
      parts.flatMap((part) => [...part.containers].map((name) => [name, part] as const)),
    );
    kept = new Map(parts.map((part) => [part, []]));
    for (const entry of all) kept.get(partOf.get(entry.container)!)!.push(entry);
    servicesByPart.set(all, kept);
  }
  return kept;
}

/**
 * The design planned part by part (see independentParts), each part's plan reused while its nodes
 * are the same objects. Null when the design is planned whole: its shape's first plan, one part, or
 * parts whose plans put together would differ from planning the design whole (see joinParts).
 */
export function planByParts(
  design: Design,
  planPart: (design: Design, services: readonly ContainerServices[]) => PlannedPart,
): PlannedPart | null {
  const parts = independentParts(design);
  if (!parts) return null;
  const servicesOfPart = partServices(design, parts.list);
  for (const part of parts.list) {
    const nodes = part.at.map((at) => design.nodes[at]!);
    const services = servicesOfPart.get(part)!;
    const { last } = part;
    if (last && last.services === services && last.nodes.every((node, index) => node === nodes[index]))
      continue;
    const plan = planPart({ ...design, nodes, edges: part.edges }, services);
    const names = designWideNames(plan);
    if (last) parts.taken.remove(last.names);
    parts.taken.add(names);
    part.last = { nodes, services, plan, names };
  }
  return joinParts(
    parts.list.map((part) => part.last!.plan),
    parts.taken,
  );
}

/**
 * Every name a part's plan chose from a design-wide list of names or keyed a design-wide map by,
 * each once, with its list: services and certbots, volumes, build folders, upstreams, addresses.
 */
function designWideNames(part: PlannedPart): string[] {
  const names = new Set<string>();
  for (const service of part.services) {
    names.add(`service\u0000${service.name}`);
    names.add(`folder\u0000${service.buildDir}`);
    if (service.runs.kind === 'web')
      for (const server of service.runs.servers)
        for (const location of server.locations)
          if (location.kind === 'proxy') {
            const { address } = location;
            names.add(`upstream\u0000${location.upstream}`);
            names.add(
              `address\u0000${address.kind === 'unix' ? `unix:${address.path}` : `${address.host}:${address.port}`}`,
            );
          }
  }
  for (const certbot of part.certbots) {
    names.add(`service\u0000${certbot.name}`);
    names.add(`folder\u0000${certbot.buildDir}`);
  }
  for (const volume of part.volumes) names.add(`volume\u0000${volume.name}`);
  return [...names];
}

/**
 * The parts' plans put together, or null when that would differ from planning the design whole:
 * - a name taken from a design-wide list (see designWideNames) is the same as planned whole when
 *   no two parts took the same one;
 * - notes are listed step by step across the design, so at most one part may have any.
 */
function joinParts(parts: readonly PlannedPart[], taken: TakenNames): PlannedPart | null {
  if (taken.clashes > 0 || parts.filter((part) => part.notes.length > 0).length > 1) return null;
  return {
    services: parts.flatMap((part) => part.services).sort((a, b) => compare(a.name, b.name)),
    volumes: parts.flatMap((part) => part.volumes).sort((a, b) => compare(a.name, b.name)),
    certbots: parts.flatMap((part) => part.certbots),
    notes: parts.flatMap((part) => part.notes),
  };
}
