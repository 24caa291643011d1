import type { Position } from '../model/design';

/** A rectangle on the canvas, in flow coordinates. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Space kept between a new card and anything already drawn. */
const GAP = 16;
/** How far the search looks (in grid steps) before it settles for the desired point. */
const MAX_RINGS = 60;

function overlaps(a: Box, b: Box): boolean {
  return (
    a.x < b.x + b.width + GAP &&
    b.x < a.x + a.width + GAP &&
    a.y < b.y + b.height + GAP &&
    b.y < a.y + a.height + GAP
  );
}

/** The grid offsets at Chebyshev distance `ring`, nearest (Euclidean) first, then by angle for ties. */
function ringOffsets(ring: number): Position[] {
  if (ring === 0) return [{ x: 0, y: 0 }];
  const offsets: Position[] = [];
  for (let i = -ring; i <= ring; i++)
    offsets.push(
      { x: i, y: -ring },
      { x: i, y: ring },
      ...(Math.abs(i) < ring
        ? [
            { x: -ring, y: i },
            { x: ring, y: i },
          ]
        : []),
    );
  return offsets.sort(
    (a, b) => Math.hypot(a.x, a.y) - Math.hypot(b.x, b.y) || Math.atan2(a.y, a.x) - Math.atan2(b.y, b.x),
  );
}

/**
 * The free spot nearest `desired` (on the grid) where a card of `size` touches none of `taken`, so
 * cards added by click, keyboard or paste never pile up or land inside a frame they were not
 * dropped on.
 */
export function freeSpot(
  desired: Position,
  size: { width: number; height: number },
  taken: readonly Box[],
  grid: number,
): Position {
  for (let ring = 0; ring <= MAX_RINGS; ring++)
    for (const offset of ringOffsets(ring)) {
      const spot = { x: desired.x + offset.x * grid, y: desired.y + offset.y * grid };
      if (!taken.some((box) => overlaps({ ...spot, ...size }, box))) return spot;
    }
  return desired;
}
