import { describe, expect, it } from 'vitest';
import { freeSpot, type Box } from './placement';

const SIZE = { width: 160, height: 60 };
const touches = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('free spots for new cards', () => {
  it('takes the desired point when it is free', () => {
    expect(freeSpot({ x: 96, y: 48 }, SIZE, [], 16)).toEqual({ x: 96, y: 48 });
  });

  it('never piles: ten cards added at one point all get their own space', () => {
    const taken: Box[] = [];
    for (let i = 0; i < 10; i++) taken.push({ ...freeSpot({ x: 0, y: 0 }, SIZE, taken, 16), ...SIZE });
    for (const [i, a] of taken.entries())
      for (const b of taken.slice(i + 1)) expect(touches(a, b), JSON.stringify([a, b])).toBe(false);
    // …and stay near the point asked for.
    for (const box of taken) expect(Math.hypot(box.x, box.y)).toBeLessThan(400);
  });

  it('keeps out of a frame that covers the desired point', () => {
    const frame = { x: -200, y: -100, width: 600, height: 300 };
    const spot = freeSpot({ x: 0, y: 0 }, SIZE, [frame], 16);
    expect(touches({ ...spot, ...SIZE }, frame)).toBe(false);
  });
});
