import type { Position } from '../model/design';
import type { DraftFrame } from '../store/uiSlice';
import { NODE_HEIGHT, NODE_WIDTH } from './layout';

/** Space between a frame's edge and its nodes; the top leaves room for the frame's name. */
export const FRAME_PADDING = { top: 34, side: 18, bottom: 18 };

export interface Frame {
  container: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** How many nodes it holds (0 for a frame drawn from the toolbar and not yet used). */
  members: number;
}

export interface PlacedNode {
  id: string;
  container?: string;
  position: Position;
  width?: number;
  height?: number;
}

/** One frame per container, around its nodes (clients have no container and no frame). */
export function computeFrames(nodes: readonly PlacedNode[], drafts: readonly DraftFrame[] = []): Frame[] {
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
  for (const draft of drafts) {
    if (bounds.has(draft.container)) continue;
    frames.push({
      container: draft.container,
      ...draft.position,
      width: draft.width,
      height: draft.height,
      members: 0,
    });
  }
  return frames.sort((a, b) => a.container.localeCompare(b.container));
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
