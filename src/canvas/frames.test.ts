import { describe, expect, it } from 'vitest';
import { addContainer } from '../model/containers';
import { loadTemplate } from '../model/templates';
import { EMPTY_FRAME_SIZE, computeFrames, createFrameSharer, emptyFramesOf, type PlacedNode } from './frames';

const nodes: PlacedNode[] = [
  { id: 'n', container: 'web', position: { x: 0, y: 0 } },
  { id: 'g', container: 'app', position: { x: 300, y: 0 } },
  { id: 'f', container: 'app', position: { x: 600, y: 0 } },
  { id: 'c', position: { x: -300, y: 0 } },
];

describe('computeFrames', () => {
  it('draws one frame per container around its nodes and none for clients', () => {
    const frames = computeFrames(nodes);
    expect(frames.map((frame) => [frame.container, frame.members])).toEqual([
      ['app', 2],
      ['web', 1],
    ]);
    const app = frames.find((frame) => frame.container === 'app')!;
    expect(app.x).toBeLessThan(300);
    expect(app.x + app.width).toBeGreaterThan(600);
  });

  it('draws the design’s empty frames: where they were drawn, or in a row below the others', () => {
    const design = addContainer(addContainer(loadTemplate('gunicorn-flask-sqlite'), 'spare'), 'zz-spare');
    const placed = { container: 'spare', position: { x: 900, y: 40 }, ...EMPTY_FRAME_SIZE };
    const empty = emptyFramesOf(design, [placed, { ...placed, container: 'gone' }]);
    expect(empty.map((frame) => frame.container)).toEqual(['spare', 'zz-spare']);
    const frames = computeFrames(nodes, empty);
    const spare = frames.find((frame) => frame.container === 'spare')!;
    expect([spare.x, spare.y, spare.members]).toEqual([900, 40, 0]);
    const below = frames.find((frame) => frame.container === 'zz-spare')!;
    const lowest = Math.max(...frames.filter((f) => f !== below).map((f) => f.y + f.height));
    expect(below.y).toBeGreaterThan(lowest);
    expect(below.members).toBe(0);
  });
});

describe('createFrameSharer', () => {
  it('keeps the same array while no frame changes, and the same object for each unchanged frame', () => {
    const share = createFrameSharer();
    const first = share(computeFrames(nodes));
    expect(share(computeFrames(nodes))).toBe(first);

    const moved = nodes.map((node) => (node.id === 'f' ? { ...node, position: { x: 900, y: 0 } } : node));
    const second = share(computeFrames(moved));
    expect(second).not.toBe(first);
    expect(second.find((frame) => frame.container === 'web')).toBe(
      first.find((frame) => frame.container === 'web'),
    );
    expect(second.find((frame) => frame.container === 'app')).not.toBe(
      first.find((frame) => frame.container === 'app'),
    );
  });

  it('notices a frame that disappears', () => {
    const share = createFrameSharer();
    const first = share(computeFrames(nodes));
    const second = share(computeFrames(nodes.filter((node) => node.container !== 'web')));
    expect(second.map((frame) => frame.container)).toEqual(['app']);
    expect(second[0]).toBe(first.find((frame) => frame.container === 'app'));
  });
});
