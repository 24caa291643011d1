import { describe, expect, it } from 'vitest';
import { setNodeProp } from '../model/edit';
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
