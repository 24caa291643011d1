/**
 * A design's containers (Docker Compose services, drawn as frames): pure edits of `design.containers`.
 *
 * The rule kept in memory: `containers` has an entry for every container a node names, and for every
 * empty frame the user made. Node edits only change `node.container`; `syncContainers` then adds the
 * entries they need and drops an entry that an edit emptied while it held only defaults (such a frame
 * was just the outline of its nodes, as in v1). An empty frame the user made, or a container with its
 * own settings, stays until it is deleted.
 */
import type { ContainerSettings, Design } from './design';
import { designShape } from './shape';
import { oncePer } from './oncePer';

export const DEFAULT_CONTAINER: ContainerSettings = Object.freeze({ replicas: 1 });

function listed(design: Design, name: string): boolean {
  return Object.prototype.hasOwnProperty.call(design.containers, name);
}

/** Whether the design has this container (listed, or named by a node). */
export function hasContainer(design: Design, name: string): boolean {
  return listed(design, name) || design.nodes.some((node) => node.container === name);
}

/** The settings of a container (defaults when it is not listed). */
export function containerSettings(design: Design, name: string): ContainerSettings {
  return listed(design, name) ? design.containers[name]! : DEFAULT_CONTAINER;
}

export function replicasOf(design: Design, name: string): number {
  return containerSettings(design, name).replicas;
}

/**
 * The containers nodes name, in node order, each once: worked out once per shape (it reads only the
 * nodes' containers, which a props edit leaves alone), so the same list while the shape is the same.
 */
export const nodeContainers = oncePer(designShape, (design: Design): readonly string[] => [
  ...new Set(design.nodes.flatMap((node) => (node.container === undefined ? [] : [node.container]))),
]);

/** Every container of the design, listed or named by a node, sorted by name. */
export function containerNames(design: Design): string[] {
  return [...new Set([...Object.keys(design.containers), ...nodeContainers(design)])].sort(byName);
}

/** Containers that are listed but hold no node: the empty frames. */
export function emptyContainers(design: Design): string[] {
  const used = new Set(nodeContainers(design));
  return Object.keys(design.containers)
    .filter((name) => !used.has(name))
    .sort(byName);
}

/** Code-point order, so the saved bytes do not depend on the locale. */
export function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** List a container (an empty frame until nodes join it); unchanged when it is already listed. */
export function addContainer(design: Design, name: string): Design {
  if (listed(design, name)) return design;
  return { ...design, containers: { ...design.containers, [name]: DEFAULT_CONTAINER } };
}

/** Forget a container's entry (its nodes, if any, keep their container and get the defaults). */
export function removeContainer(design: Design, name: string): Design {
  if (!listed(design, name)) return design;
  return { ...design, containers: without(design.containers, name) };
}

/** Move a container's entry to a new name; an entry already under that name keeps its settings. */
export function renameContainerEntry(design: Design, from: string, to: string): Design {
  if (from === to || !listed(design, from)) return design;
  const rest = without(design.containers, from);
  if (listed(design, to)) return { ...design, containers: rest };
  return { ...design, containers: { ...rest, [to]: design.containers[from]! } };
}

export function setReplicas(design: Design, name: string, replicas: number): Design {
  if (listed(design, name) && design.containers[name]!.replicas === replicas) return design;
  return {
    ...design,
    containers: { ...design.containers, [name]: { ...containerSettings(design, name), replicas } },
  };
}

/** Add an entry (with the defaults) for every container a node names that has none. */
export function withNodeContainers(design: Design): Design {
  const missing = nodeContainers(design).filter((name) => !listed(design, name));
  if (missing.length === 0) return design;
  const added = Object.fromEntries(missing.map((name) => [name, DEFAULT_CONTAINER]));
  return { ...design, containers: { ...design.containers, ...added } };
}

/**
 * Keep `containers` true to the nodes after an edit from `before` to `after` (see the rule at the top):
 * entries for new containers are added, and a container the edit emptied is dropped when it holds only
 * the defaults. Returns `after` itself when nothing changes.
 */
export function syncContainers(before: Design, after: Design): Design {
  if (after.nodes === before.nodes) return after;
  const stillUsed = new Set(nodeContainers(after));
  const emptied = nodeContainers(before).filter(
    (name) =>
      !stillUsed.has(name) &&
      listed(after, name) &&
      after.containers[name]!.replicas === DEFAULT_CONTAINER.replicas &&
      Object.keys(after.containers[name]!).length === 1,
  );
  const synced = withNodeContainers(after);
  if (emptied.length === 0) return synced;
  const dropped = new Set(emptied);
  return {
    ...synced,
    containers: Object.fromEntries(Object.entries(synced.containers).filter(([name]) => !dropped.has(name))),
  };
}

function without(containers: Design['containers'], name: string): Design['containers'] {
  return Object.fromEntries(Object.entries(containers).filter(([key]) => key !== name));
}
