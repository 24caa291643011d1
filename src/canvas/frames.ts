import { byName, emptyContainers } from '../model/containers';
import type { ContainerServices } from '../model/services';
import type { Design, Position } from '../model/design';
import type { DraftFrame } from '../store/uiSlice';
import { NODE_HEIGHT, NODE_WIDTH } from './layout';

/** The size of an empty frame: room for one node with a margin. */
export const EMPTY_FRAME_SIZE = { width: NODE_WIDTH + 120, height: NODE_HEIGHT + 100 };
const EMPTY_FRAME_GAP = 48;

/** An empty frame to draw: a container with no node; `position` when the user placed it this session. */
export interface EmptyFrame {
  container: string;
  position?: Position;
  width: number;
  height: number;
}

/** The design's empty frames, each where it was drawn this session when it was (see DraftFrame). */
export function emptyFramesOf(design: Design, placed: readonly DraftFrame[]): EmptyFrame[] {
  const placeOf = new Map(placed.map((draft) => [draft.container, draft]));
  return emptyContainers(design).map(
    (container) => placeOf.get(container) ?? { container, ...EMPTY_FRAME_SIZE },
  );
}

/** Space between a frame's edge and its nodes; the top leaves room for the frame's name. */
export const FRAME_PADDING = { top: 34, side: 18, bottom: 18 };

export interface Frame {
  container: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** How many nodes it holds (0 for an empty frame). */
  members: number;
}

export interface PlacedNode {
  id: string;
  container?: string;
  position: Position;
  width?: number;
  height?: number;
}

/**
 * One frame per container, around its nodes (clients have no container and no frame), and one per
 * empty frame: where it was drawn, or else in a row below everything else.
 */
export function computeFrames(nodes: readonly PlacedNode[], empty: readonly EmptyFrame[] = []): Frame[] {
  const bounds = new Map<string, { x1: number; y1: number; x2: number; y2: number; members: number }>();
  for (const node of nodes) {
    if (node.container === undefined) continue;
    const x1 = node.position.x;
    const y1 = node.position.y;
    const x2 = x1 + (node.width ?? NODE_WIDTH);
    const y2 = y1 + (node.height ?? NODE_HEIGHT);
    const box = bounds.get(node.container);
    if (!box) bounds.set(node.container, { x1, y1, x2, y2, members: 1 });
    else {
      box.x1 = Math.min(box.x1, x1);
      box.y1 = Math.min(box.y1, y1);
      box.x2 = Math.max(box.x2, x2);
      box.y2 = Math.max(box.y2, y2);
      box.members++;
    }
  }
  const frames: Frame[] = [...bounds].map(([container, box]) => ({
    container,
    x: box.x1 - FRAME_PADDING.side,
    y: box.y1 - FRAME_PADDING.top,
    width: box.x2 - box.x1 + 2 * FRAME_PADDING.side,
    height: box.y2 - box.y1 + FRAME_PADDING.top + FRAME_PADDING.bottom,
    members: box.members,
  }));
  const unplaced: EmptyFrame[] = [];
  for (const draft of empty) {
    if (bounds.has(draft.container)) continue;
    if (!draft.position) {
      unplaced.push(draft);
      continue;
    }
    frames.push({
      container: draft.container,
      ...draft.position,
      width: draft.width,
      height: draft.height,
      members: 0,
    });
  }
  const left = frames.length ? Math.min(...frames.map((frame) => frame.x)) : 0;
  const top = frames.length
    ? Math.max(...frames.map((frame) => frame.y + frame.height)) + EMPTY_FRAME_GAP
    : 0;
  unplaced.forEach((draft, index) => {
    frames.push({
      container: draft.container,
      x: left + index * (draft.width + EMPTY_FRAME_GAP),
      y: top,
      width: draft.width,
      height: draft.height,
      members: 0,
    });
  });
  // Code-point order, as the design lists its containers (a locale-aware compare would load ICU's
  // collation data during the canvas's first render).
  return frames.sort((a, b) => byName(a.container, b.container));
}

/** The frame a point falls in; the smallest one when frames overlap. */
export function frameAt(frames: readonly Frame[], point: Position): Frame | null {
  let best: Frame | null = null;
  for (const frame of frames) {
    const inside =
      point.x >= frame.x &&
      point.x <= frame.x + frame.width &&
      point.y >= frame.y &&
      point.y <= frame.y + frame.height;
    if (inside && (!best || frame.width * frame.height < best.width * best.height)) best = frame;
  }
  return best;
}

/** A container name not yet used: service, service-2, … */
export function freshContainerName(used: Iterable<string>): string {
  const taken = new Set(used);
  if (!taken.has('service')) return 'service';
  for (let n = 2; ; n++) if (!taken.has(`service-${n}`)) return `service-${n}`;
}

function sameFrame(a: Frame, b: Frame): boolean {
  return (
    a.container === b.container &&
    a.x === b.x &&
    a.y === b.y &&
    a.width === b.width &&
    a.height === b.height &&
    a.members === b.members
  );
}

/**
 * Structural sharing for frames: an unchanged frame keeps its object, and an unchanged list keeps
 * its array, so memoised frame views re-render only when their own geometry changes (a drag moves
 * one node, not every service).
 */
export function createFrameSharer(): (next: Frame[]) => Frame[] {
  let previous: Frame[] = [];
  return (next) => {
    const byContainer = new Map(previous.map((frame) => [frame.container, frame]));
    let changed = next.length !== previous.length;
    const shared = next.map((frame, index) => {
      const old = byContainer.get(frame.container);
      const kept = old && sameFrame(old, frame) ? old : frame;
      if (kept !== previous[index]) changed = true;
      return kept;
    });
    if (changed) previous = shared;
    return previous;
  };
}

/** A bundle service drawn inside its container's frame, where the container becomes several services. */
export interface ServiceBox {
  service: string;
  container: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Room between a service box and its nodes; the bottom holds the service's name. */
export const SERVICE_BOX_PADDING = { top: 10, side: 8, bottom: 24 };

/**
 * Boxes for the services (from `servicesOf`, the planner's own grouping) that the container frames
 * alone do not show: every service of a container that becomes more than one, or one named otherwise.
 */
export function serviceBoxesOf(
  services: readonly ContainerServices[],
  nodes: readonly PlacedNode[],
): ServiceBox[] {
  const placed = new Map(nodes.map((node) => [node.id, node]));
  return services
    .filter(
      ({ container, groups }) => groups.length > 1 || groups.some((group) => group.service !== container),
    )
    .flatMap(({ groups }) => groups)
    .flatMap((group) => {
      const members = group.nodes.flatMap((id) => placed.get(id) ?? []);
      if (members.length === 0) return [];
      const x1 = Math.min(...members.map((node) => node.position.x));
      const y1 = Math.min(...members.map((node) => node.position.y));
      const x2 = Math.max(...members.map((node) => node.position.x + (node.width ?? NODE_WIDTH)));
      const y2 = Math.max(...members.map((node) => node.position.y + (node.height ?? NODE_HEIGHT)));
      return [
        {
          service: group.service,
          container: group.container,
          x: x1 - SERVICE_BOX_PADDING.side,
          y: y1 - SERVICE_BOX_PADDING.top,
          width: x2 - x1 + 2 * SERVICE_BOX_PADDING.side,
          height: y2 - y1 + SERVICE_BOX_PADDING.top + SERVICE_BOX_PADDING.bottom,
        },
      ];
    });
}
