import { describe, expect, it } from 'vitest';
import { edgeLabel } from '../canvas/flowState';
import { layoutDiagram } from '../exporters/diagram';
import { toMermaid } from '../exporters/mermaid';
import type { DesignNode, EdgeProps } from '../model/design';
import { loadTemplate, TEMPLATE_IDS } from '../model/templates';
import type { Lang } from '../i18n/lang';
import { canConnect } from '../model/connections';
import { edgeCaptionOf } from './captions';
import { descriptorOf, NODE_KINDS, type NodeKind } from './registry';
import { defaultProps } from './types';

const nodeOf = (kind: NodeKind) =>
  ({ id: kind, kind, props: defaultProps(descriptorOf(kind)) }) as DesignNode;
const caption = (source: NodeKind, target: NodeKind, props: EdgeProps = {}, lang?: Lang) =>
  edgeCaptionOf({ props }, nodeOf(source), nodeOf(target), lang);

/** Every pair of kinds the matrix allows. */
const ALLOWED_PAIRS = NODE_KINDS.flatMap((source) =>
  NODE_KINDS.filter((target) => canConnect(source, target).allowed).map(
    (target) => [source, target] as const,
  ),
);

/** The identifiers a caption may show in every language: protocols and nginx directives. */
const IDENTIFIERS = /\b(?:HTTPS|HTTP|WSGI|uwsgi_pass|proxy_pass|uwsgi)\b/g;

/** Latin words left once the identifiers are taken out. */
const englishIn = (text: string) => text.replace(IDENTIFIERS, '').match(/[A-Za-z]+/g) ?? [];

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

  it('say in Korean what is not an identifier: static files and the database file', () => {
    expect(caption('nginx', 'react-static', { route: '/' }, 'ko')).toEqual({
      text: '정적 파일 /',
      allowed: true,
    });
    expect(caption('flask', 'sqlite', {}, 'ko')).toEqual({ text: '파일', allowed: true });
    expect(caption('client', 'nginx', {}, 'ko')).toEqual({ text: 'HTTP', allowed: true });
    expect(caption('gunicorn', 'flask', {}, 'ko')).toEqual({ text: 'WSGI', allowed: true });
    expect(caption('nginx', 'uwsgi', { route: '/', pass: 'uwsgi_pass' }, 'ko').text).toBe('uwsgi_pass /');
    expect(caption('nginx', 'sqlite', { route: '/db/' }, 'ko')).toEqual({ text: '/db/', allowed: false });
  });

  it.each(ALLOWED_PAIRS)('%s → %s: English as before, Korean without English words', (source, target) => {
    const verdict = canConnect(source, target);
    if (!verdict.allowed) throw new Error('the pair is allowed');
    const before = { http: 'HTTP', uwsgi: 'uwsgi', wsgi: 'WSGI', file: 'file', static: 'static' };
    expect(caption(source, target).text).toBe(before[verdict.protocol]);
    expect(caption(source, target, {}, 'en')).toEqual(caption(source, target));
    for (const pass of [undefined, 'uwsgi_pass', 'proxy_pass'] as const) {
      const korean = caption(source, target, { pass }, 'ko');
      expect(korean.allowed).toBe(true);
      expect(englishIn(korean.text!)).toEqual([]);
    }
  });

  it('find the English words a Korean caption must not show', () => {
    expect(englishIn('static /')).toEqual(['static']);
    expect(englishIn('HTTPS proxy_pass uwsgi_pass uwsgi WSGI 파일')).toEqual([]);
  });

  it.each(TEMPLATE_IDS.flatMap((id) => (['en', 'ko'] as const).map((lang) => [id, lang] as const)))(
    '%s (%s): the canvas, the diagram and the Mermaid chart show the same captions',
    (id, lang) => {
      const design = loadTemplate(id);
      const byId = new Map(design.nodes.map((node) => [node.id, node]));
      const mermaid = toMermaid(design, lang);
      const diagram = layoutDiagram(design, lang);
      for (const edge of design.edges) {
        const text = edgeCaptionOf(edge, byId.get(edge.source)!, byId.get(edge.target)!, lang).text!;
        expect(edgeLabel(edge, byId.get(edge.source), byId.get(edge.target), lang)).toBe(text);
        expect(diagram.edges.find((placed) => placed.edge === edge)!.caption).toBe(text);
        expect(mermaid).toContain(`|"${text}"|`);
        if (lang === 'ko') expect(englishIn(text.replace(edge.props.route ?? '', ''))).toEqual([]);
      }
    },
  );
});
