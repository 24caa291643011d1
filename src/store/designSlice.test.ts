import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { moveNodesToContainer as setContainer, setNodeProp } from '../model/edit';
import { addContainer, emptyContainers, removeContainer, replicasOf, setReplicas } from '../model/containers';
import { parseDesign } from '../model/load';
import { serializeDesign } from '../model/serialize';
import { loadTemplate } from '../model/templates';
import { HISTORY_LIMIT } from './designSlice';
import { createAppStore } from './index';

describe('design history', () => {
  it('joins keystrokes in one field into one undo step, and starts a new one after breakCoalesce', () => {
    const store = createAppStore(loadTemplate('gunicorn-flask-sqlite'));
    const { commit } = store.getState();
    for (const port of [8, 80, 800, 8001])
      commit((d) => setNodeProp(d, 'wsgi', 'port', port), { coalesce: 'prop:wsgi:port' });
    expect(store.getState().past).toHaveLength(1);
    store.getState().breakCoalesce();
    commit((d) => setNodeProp(d, 'wsgi', 'port', 8002), { coalesce: 'prop:wsgi:port' });
    expect(store.getState().past).toHaveLength(2);
    store.getState().undo();
    store.getState().undo();
    const wsgi = store.getState().design.nodes.find((n) => n.id === 'wsgi')!;
    expect((wsgi.props as { port: number }).port).toBe(8000);
  });

  it('keeps at least 100 undo steps', () => {
    const store = createAppStore(loadTemplate('gunicorn-flask-sqlite'));
    for (let i = 1; i <= 150; i++) store.getState().commit((d) => setNodeProp(d, 'wsgi', 'timeout', i));
    expect(HISTORY_LIMIT).toBeGreaterThanOrEqual(100);
    for (let i = 0; i < 150; i++) store.getState().undo();
    const wsgi = store.getState().design.nodes.find((n) => n.id === 'wsgi')!;
    expect((wsgi.props as { timeout: number }).timeout).toBe(30);
  });
});

describe('containers in the store', () => {
  it('follows node edits: a new container gets an entry, one the edit emptied goes away', () => {
    const store = createAppStore(loadTemplate('gunicorn-flask-sqlite'));
    store.getState().commit((d) => setContainer(d, ['wsgi', 'api', 'db'], 'backend'));
    expect(Object.keys(store.getState().design.containers).sort()).toEqual(['backend', 'web']);
    store.getState().undo();
    expect(Object.keys(store.getState().design.containers).sort()).toEqual(['app', 'web']);
  });

  it('keeps an empty frame through save and load, and deleting it is one undo step', () => {
    const store = createAppStore(loadTemplate('gunicorn-flask-sqlite'));
    store.getState().commit((d) => addContainer(d, 'spare'));
    const reloaded = parseDesign(serializeDesign(store.getState().design));
    expect(reloaded.ok && emptyContainers(reloaded.design)).toEqual(['spare']);
    store.getState().commit((d) => removeContainer(d, 'spare'));
    expect(emptyContainers(store.getState().design)).toEqual([]);
    store.getState().undo();
    expect(emptyContainers(store.getState().design)).toEqual(['spare']);
  });

  it('sets replicas as one undo step while typing', () => {
    const store = createAppStore(loadTemplate('gunicorn-flask-sqlite'));
    for (const replicas of [3, 32])
      store.getState().commit((d) => setReplicas(d, 'app', replicas), { coalesce: 'replicas:app' });
    expect(replicasOf(store.getState().design, 'app')).toBe(32);
    expect(store.getState().past).toHaveLength(1);
    store.getState().undo();
    expect(replicasOf(store.getState().design, 'app')).toBe(1);
  });

  it('selecting a frame clears the node selection, and selecting nodes clears the frame', () => {
    const store = createAppStore(loadTemplate('gunicorn-flask-sqlite'));
    store.getState().select({ nodes: ['api'] });
    store.getState().selectContainer('app');
    expect(store.getState().selectedNodeIds).toEqual([]);
    expect(store.getState().selectedContainer).toBe('app');
    store.getState().select({ nodes: ['db'] });
    expect(store.getState().selectedContainer).toBeNull();
  });

  it('leaves a loaded v1 design as it is until it is edited: the same nodes and edges, saved as v2', () => {
    const v1 = readFileSync(
      new URL('../model/fixtures/v1/two-apps.stacksketch.json', import.meta.url),
      'utf8',
    );
    const loaded = parseDesign(v1);
    if (!loaded.ok) throw new Error('the v1 fixture does not load');
    const store = createAppStore(loaded.design);
    store.getState().commit((d) => d);
    expect(store.getState().design).toBe(loaded.design);
    const saved = JSON.parse(serializeDesign(store.getState().design));
    const original = JSON.parse(v1);
    expect(saved.format).toBe('stacksketch/v2');
    // Every prop the file had, unchanged (props added since then are written with their defaults).
    expect(saved.nodes).toMatchObject(original.nodes);
    expect(saved.edges).toEqual(original.edges);
  });
});
