import { describe, expect, it } from 'vitest';
import { addContainer } from '../../model/containers';
import { loadTemplate } from '../../model/templates';
import { outlineOf } from './outline';

describe('outlineOf', () => {
  it('lists the nodes outside every service first, then each service with its nodes and their calls', () => {
    const design = loadTemplate('gunicorn-flask-sqlite');
    const outline = outlineOf(design);
    expect(outline.map((service) => service.container)).toEqual([null, 'web', 'app']);
    const listed = outline.flatMap((service) => service.nodes.map((entry) => entry.node.id));
    expect([...listed].sort()).toEqual(design.nodes.map((node) => node.id).sort());
    const calls = outline.flatMap((service) =>
      service.nodes.flatMap((entry) =>
        entry.calls.map((call) => `${entry.node.id} → ${call.edge.target}: ${call.what}`),
      ),
    );
    expect(calls).toHaveLength(design.edges.length);
    expect(calls).toEqual([
      'browser → proxy: HTTP',
      'proxy → wsgi: HTTP /',
      'wsgi → api: WSGI',
      'api → db: file',
    ]);
  });

  it("words each call's caption in the language asked for", () => {
    const outline = outlineOf(loadTemplate('gunicorn-flask-sqlite'), 'ko');
    const whats = outline.flatMap((service) =>
      service.nodes.flatMap((entry) => entry.calls.map((call) => call.what)),
    );
    expect(whats).toEqual(['HTTP', 'HTTP /', 'WSGI', '파일']);
  });

  it('lists an empty service too, and nothing for an empty design', () => {
    const design = loadTemplate('gunicorn-flask-sqlite');
    const empty = { ...design, nodes: [], edges: [] };
    expect(outlineOf({ ...empty, containers: {} })).toEqual([]);
    expect(outlineOf(addContainer({ ...empty, containers: {} }, 'jobs'))).toEqual([
      { container: 'jobs', nodes: [] },
    ]);
  });
});
