import { describe, expect, it } from 'vitest';
import { loadTemplate } from '../model/templates';
import { filesOf } from './files';
import { createAppStore } from './index';
import { diagnosticsOf } from './selectors';

describe('the target in the UI state', () => {
  it('starts at compose, and the files and problems follow it', () => {
    const store = createAppStore(loadTemplate('gunicorn-flask-sqlite'));
    expect(store.getState().target).toBe('compose');
    const design = store.getState().design;
    expect(Object.keys(filesOf(design, store.getState().target))).toContain('docker-compose.yml');
    store.getState().setTarget('server');
    const files = filesOf(design, store.getState().target);
    expect(Object.keys(files)).toContain('install.sh');
    expect(Object.keys(files)).not.toContain('docker-compose.yml');
  });

  it('keeps one answer per target for the same design', () => {
    const design = loadTemplate('gunicorn-flask-sqlite');
    design.nodes = design.nodes.map((node) =>
      node.kind === 'gunicorn' ? { ...node, props: { ...node.props, port: 80 } } : node,
    );
    const onServer = diagnosticsOf(design, 'server').filter((d) => d.rule === 'port-conflict');
    const onCompose = diagnosticsOf(design, 'compose').filter((d) => d.rule === 'port-conflict');
    expect(onServer).toHaveLength(1);
    expect(onCompose).toEqual([]);
    expect(diagnosticsOf(design, 'server')).toBe(diagnosticsOf(design, 'server'));
  });
});
