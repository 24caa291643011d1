import { beforeAll, describe, expect, it } from 'vitest';
import type { Design } from '../model/design';
import { loadTemplate } from '../model/templates';
import { computeFrames, frameAt } from './frames';
import { layoutDesign, loadLayoutEngine, positionsFor } from './layout';

beforeAll(() => loadLayoutEngine());

describe('frames and layout', () => {
  it('draws one frame per container around its nodes and finds the frame under a point', () => {
    const design = loadTemplate('gunicorn-flask-sqlite');
    const frames = computeFrames(design.nodes.map((n) => ({ ...n, position: n.position! })));
    expect(frames.map((f) => [f.container, f.members])).toEqual([
      ['app', 3],
      ['web', 1],
    ]);
    expect(frameAt(frames, { x: 700, y: 150 })?.container).toBe('app');
    expect(frameAt(frames, { x: 50, y: 150 })).toBeNull();
  });

  it('lays out designs without positions, keeping containers apart', () => {
    const design = loadTemplate('react-nginx-gunicorn');
    const bare = { ...design, nodes: design.nodes.map(({ position: _p, ...n }) => n) } as Design;
    const positions = layoutDesign(bare);
    expect(positions.size).toBe(design.nodes.length);
    const frames = computeFrames(bare.nodes.map((n) => ({ ...n, position: positions.get(n.id)! })));
    const [a, b] = frames;
    const overlap =
      a!.x < b!.x + b!.width && b!.x < a!.x + a!.width && a!.y < b!.y + b!.height && b!.y < a!.y + a!.height;
    expect(overlap).toBe(false);
    expect(positionsFor(design).get('api')).toEqual(design.nodes.find((n) => n.id === 'api')!.position);
  });
});
