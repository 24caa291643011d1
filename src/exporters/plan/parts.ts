/**
 * The design planned in independent parts (src/model/parts.ts): each part is planned alone and its
 * plan kept while its nodes are the same objects, so an edit plans again only the part it touched;
 * the design's plan is then the parts' plans put together.
 */
import type { Design, DesignNode } from '../../model/design';
import {
  partByContainer,
  partDesign,
  partsFromSecondAsk,
  samePartNodes,
  type DesignPart,
} from '../../model/parts';
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

/** A part with its last plan. */
interface Part extends DesignPart {
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

/** The parts of a shape, in the planner's order (null: one part, or parts whose containers interleave). */
const partsByShape = new WeakMap<DesignShape, Parts | null>();
/** A shape's first plan is whole, since no part of it has a plan to reuse yet. */
const partsToPlan = partsFromSecondAsk();

/**
 * The parts with containers in order of their first container, from a shape's second plan on. The
 * steps list services in container order, so the parts' plans put one after another are in the whole
 * design's order only when each part's containers come together in that order: otherwise null.
 */
function independentParts(design: Design): Parts | null {
  const parts = partsToPlan(design);
  if (!parts) return null;
  const shape = designShape(design);
  if (partsByShape.has(shape)) return partsByShape.get(shape)!;
  const list = inContainerOrder(design, parts);
  const planned = list && { list: list.map((part): Part => ({ ...part })), taken: new TakenNames() };
  partsByShape.set(shape, planned);
  return planned;
}

function inContainerOrder(design: Design, parts: readonly DesignPart[]): DesignPart[] | null {
  const partOf = partByContainer(parts);
  // Containers in order of first appearance, each with its part: a part must not come back.
  const order: DesignPart[] = [];
  const seen = new Set<DesignPart>();
  for (const node of design.nodes) {
    const part = isClient(node) || node.container === undefined ? undefined : partOf.get(node.container);
    if (!part || order.at(-1) === part) continue;
    if (seen.has(part)) return null;
    order.push(part);
    seen.add(part);
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
    const partOf = partByContainer(parts);
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
    const services = servicesOfPart.get(part)!;
    const { last } = part;
    if (last && last.services === services && samePartNodes(design, part, last.nodes)) continue;
    const own = partDesign(design, part);
    const plan = planPart(own, services);
    const names = designWideNames(plan);
    if (last) parts.taken.remove(last.names);
    parts.taken.add(names);
    part.last = { nodes: own.nodes, services, plan, names };
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
