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
}

/** The parts of a shape (null: one part, or parts whose containers interleave in the design's order). */
const partsByShape = new WeakMap<DesignShape, Part[] | null>();

/**
 * The parts in order of their first container. The steps list services in container order, so the
 * parts' plans put one after another are in the whole design's order only when each part's
 * containers come together in that order: otherwise null, and the design is planned whole.
 */
function independentParts(design: Design): Part[] | null {
  const shape = designShape(design);
  if (partsByShape.has(shape)) return partsByShape.get(shape)!;
  const parts = partsOf(design);
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
    kept = new Map(parts.map((part) => [part, all.filter((entry) => part.containers.has(entry.container))]));
    servicesByPart.set(all, kept);
  }
  return kept;
}

/** A part's last plan, with the node objects and services it was planned from. */
const planOfPart = new WeakMap<
  Part,
  { nodes: DesignNode[]; services: ContainerServices[]; plan: PlannedPart }
>();

/**
 * The design planned part by part (see independentParts), each part's plan reused while its nodes
 * are the same objects. Null when the design is one part, or when the parts' plans put together
 * would differ from planning the design whole (see joinParts).
 */
export function planByParts(
  design: Design,
  planPart: (design: Design, services: readonly ContainerServices[]) => PlannedPart,
): PlannedPart | null {
  const parts = independentParts(design);
  if (!parts) return null;
  const servicesOfPart = partServices(design, parts);
  const planned = parts.map((part) => {
    const nodes = part.at.map((at) => design.nodes[at]!);
    const services = servicesOfPart.get(part)!;
    const kept = planOfPart.get(part);
    if (kept && kept.services === services && kept.nodes.every((node, index) => node === nodes[index]))
      return kept.plan;
    const plan = planPart({ ...design, nodes, edges: part.edges }, services);
    planOfPart.set(part, { nodes, services, plan });
    return plan;
  });
  return joinParts(planned);
}

/** Every name a part's plan chose from a design-wide list of names (or keyed a design-wide map by). */
function designWideNames(part: PlannedPart): string[][] {
  const upstreams = new Set<string>();
  const addresses = new Set<string>();
  for (const service of part.services)
    if (service.runs.kind === 'web')
      for (const server of service.runs.servers)
        for (const location of server.locations)
          if (location.kind === 'proxy') {
            upstreams.add(location.upstream);
            const { address } = location;
            addresses.add(
              address.kind === 'unix' ? `unix:${address.path}` : `${address.host}:${address.port}`,
            );
          }
  return [
    [...part.services.map((service) => service.name), ...part.certbots.map((certbot) => certbot.name)],
    part.volumes.map((volume) => volume.name),
    [
      ...new Set([
        ...part.services.map((service) => service.buildDir),
        ...part.certbots.map((certbot) => certbot.buildDir),
      ]),
    ],
    [...upstreams],
    [...addresses],
  ];
}

/**
 * The parts' plans put together, or null when that would differ from planning the design whole:
 * - a name taken from a design-wide list (services and certbots, volumes, build folders, upstreams,
 *   an upstream's address) is the same as planned whole when no two parts chose the same one;
 * - notes are listed step by step across the design, so at most one part may have any.
 */
function joinParts(parts: readonly PlannedPart[]): PlannedPart | null {
  if (parts.filter((part) => part.notes.length > 0).length > 1) return null;
  const names = parts.map(designWideNames);
  for (let list = 0; list < names[0]!.length; list++) {
    const seen = new Set<string>();
    for (const partNames of names)
      for (const name of partNames[list]!) {
        if (seen.has(name)) return null;
        seen.add(name);
      }
  }
  return {
    services: parts.flatMap((part) => part.services).sort((a, b) => compare(a.name, b.name)),
    volumes: parts.flatMap((part) => part.volumes).sort((a, b) => compare(a.name, b.name)),
    certbots: parts.flatMap((part) => part.certbots),
    notes: parts.flatMap((part) => part.notes),
  };
}
