import { describe, expect, it } from 'vitest';
import { edgeLabel } from '../canvas/flowState';
import { layoutDiagram } from '../exporters/diagram';
import { toMermaid } from '../exporters/mermaid';
import type { DesignNode, EdgeProps } from '../model/design';
import { loadTemplate, TEMPLATE_IDS } from '../model/templates';
import { edgeCaptionOf } from './captions';
import { descriptorOf, type NodeKind } from './registry';
import { defaultProps } from './types';

const nodeOf = (kind: NodeKind) =>
  ({ id: kind, kind, props: defaultProps(descriptorOf(kind)) }) as DesignNode;
const caption = (source: NodeKind, target: NodeKind, props: EdgeProps = {}) =>
  edgeCaptionOf({ props }, nodeOf(source), nodeOf(target));

describe('edge captions', () => {
  it('say what flows over each connection the matrix allows, then the nginx route', () => {
    expect(caption('client', 'nginx')).toEqual({ text: 'HTTP', allowed: true });
    expect(caption('nginx', 'react-static', { route: '/' })).toEqual({ text: 'static /', allowed: true });
    expect(caption('nginx', 'gunicorn', { route: '/api/' })).toEqual({ text: 'HTTP /api/', allowed: true });
    expect(caption('nginx', 'flask', { route: '/' })).toEqual({ text: 'HTTP /', allowed: true });
    expect(caption('gunicorn', 'flask')).toEqual({ text: 'WSGI', allowed: true });
    expect(caption('uwsgi', 'flask')).toEqual({ text: 'WSGI', allowed: true });
    expect(caption('flask', 'sqlite')).toEqual({ text: 'file', allowed: true });
  });

  it('name the directive nginx reaches uWSGI with, which the edge chose', () => {
    expect(caption('nginx', 'uwsgi', { route: '/', pass: 'uwsgi_pass' }).text).toBe('uwsgi_pass /');
    expect(caption('nginx', 'uwsgi', { route: '/app/', pass: 'proxy_pass' }).text).toBe('proxy_pass /app/');
  });

  it('caption an edge that is drawn but always an error like any other', () => {
    expect(caption('client', 'gunicorn')).toEqual({ text: 'HTTP', allowed: true });
  });

  it('say only the route of a refused edge, or nothing', () => {
    expect(caption('sqlite', 'nginx')).toEqual({ text: null, allowed: false });
    expect(caption('nginx', 'sqlite', { route: '/db/' })).toEqual({ text: '/db/', allowed: false });
  });

  it.each(TEMPLATE_IDS)('%s: the canvas, the diagram and the Mermaid chart show the same captions', (id) => {
    const design = loadTemplate(id);
    const byId = new Map(design.nodes.map((node) => [node.id, node]));
    const mermaid = toMermaid(design);
    const diagram = layoutDiagram(design);
    for (const edge of design.edges) {
      const text = edgeCaptionOf(edge, byId.get(edge.source)!, byId.get(edge.target)!).text!;
      expect(edgeLabel(edge, byId.get(edge.source), byId.get(edge.target))).toBe(text);
      expect(diagram.edges.find((placed) => placed.edge === edge)!.caption).toBe(text);
      expect(mermaid).toContain(`|"${text}"|`);
    }
  });
});
