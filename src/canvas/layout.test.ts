import { describe, expect, it } from 'vitest';
import { loadDesign } from '../model/load';
import {
  layoutDesign,
  layoutEngineReady,
  loadLayoutEngine,
  positionsFor,
  subscribeLayoutEngine,
} from './layout';

const bare = (() => {
  const result = loadDesign({
    format: 'stacksketch/v1',
    name: 'no positions',
    nodes: [
      { id: 'browser', kind: 'client' },
      { id: 'proxy', kind: 'nginx' },
      { id: 'wsgi', kind: 'gunicorn' },
      { id: 'api', kind: 'flask' },
    ],
    edges: [
      { id: 'a', source: 'browser', target: 'proxy' },
      { id: 'b', source: 'proxy', target: 'wsgi' },
      { id: 'c', source: 'wsgi', target: 'api' },
    ],
  });
  if (!result.ok) throw new Error('fixture does not load');
  return result.design;
})();

describe('the lazily loaded layout engine', () => {
  it('places every node at once with the column layout, then uses dagre once it has loaded', async () => {
    expect(layoutEngineReady()).toBe(false);
    let notified = 0;
    const unsubscribe = subscribeLayoutEngine(() => notified++);

    const early = positionsFor(bare);
    expect([...early.keys()].sort()).toEqual(['api', 'browser', 'proxy', 'wsgi']);
    // Callers sit left of callees in the stand-in layout too.
    expect(early.get('browser')!.x).toBeLessThan(early.get('api')!.x);

    await loadLayoutEngine();
    expect(layoutEngineReady()).toBe(true);
    expect(notified).toBe(1);
    const laid = layoutDesign(bare);
    expect(laid.get('browser')!.x).toBeLessThan(laid.get('proxy')!.x);
    expect(laid.get('proxy')!.x).toBeLessThan(laid.get('wsgi')!.x);
    unsubscribe();
  });
});
