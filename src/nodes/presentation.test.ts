import { describe, expect, it } from 'vitest';
import type { DesignNode } from '../model/design';
import { loadTemplate, TEMPLATE_IDS } from '../model/templates';
import { layoutDiagram } from '../exporters/diagram';
import { toMermaid } from '../exporters/mermaid';
import { designToSvg } from '../exporters/svg';
import { escapeXml } from '../model/svgMetadata';
import { defaultProps } from './types';
import { edgeCaptionOf } from './captions';
import {
  cardLinesOf,
  descriptorOf,
  NODE_KINDS,
  oneLineLabelOf,
  shapeOf,
  summaryOf,
  titleOf,
  type KindPropsMap,
  type NodeKind,
  type NodeShape,
} from './registry';

function nodeOf<K extends NodeKind>(kind: K, props: Partial<KindPropsMap[K]> = {}, id = `a-${kind}`) {
  return { id, kind, props: { ...defaultProps(descriptorOf(kind)), ...props } } as unknown as DesignNode;
}

/** Every kind's picture with its default props: title, summary, the Mermaid label and shape. */
const DEFAULTS: { [K in NodeKind]: { title: string; summary: string; label: string; shape: NodeShape } } = {
  client: { title: 'Browser', summary: '', label: 'Browser', shape: 'stadium' },
  nginx: { title: 'Nginx', summary: ':80', label: 'Nginx :80', shape: 'box' },
  gunicorn: { title: 'Gunicorn', summary: ':8000', label: 'Gunicorn :8000', shape: 'box' },
  uwsgi: {
    title: 'uWSGI',
    summary: 'socket /run/uwsgi/uwsgi.sock',
    label: 'uWSGI socket /run/uwsgi/uwsgi.sock',
    shape: 'box',
  },
  flask: { title: 'Flask', summary: 'app:app', label: 'Flask app:app', shape: 'box' },
  django: { title: 'Django', summary: 'mysite.wsgi', label: 'Django mysite.wsgi', shape: 'box' },
  sqlite: { title: 'SQLite', summary: '/data/app.db', label: 'SQLite /data/app.db', shape: 'cylinder' },
  'react-static': { title: 'React build', summary: '', label: 'React build', shape: 'box' },
};

describe('a node’s title and key setting', () => {
  it.each(NODE_KINDS)('%s: title, summary, one-line label and shape with the default props', (kind) => {
    const node = nodeOf(kind);
    const want = DEFAULTS[kind];
    expect(titleOf(node)).toBe(want.title);
    expect(summaryOf(node)).toBe(want.summary);
    expect(oneLineLabelOf(node)).toBe(want.label);
    expect(shapeOf(node)).toBe(want.shape);
  });

  it('follows the settings that tell nodes of a kind apart', () => {
    expect(titleOf(nodeOf('client', { label: 'Mobile app' }))).toBe('Mobile app');
    expect(oneLineLabelOf(nodeOf('client', { label: 'Mobile app' }))).toBe('Mobile app');
    expect(summaryOf(nodeOf('nginx', { listen: 8080, serverName: 'shop.example.com' }))).toBe(':8080');
    expect(summaryOf(nodeOf('gunicorn', { transport: 'unix', socketPath: '/run/g.sock' }))).toBe(
      '/run/g.sock',
    );
    expect(summaryOf(nodeOf('gunicorn', { port: 9000, workers: 5 }))).toBe(':9000');
    expect(summaryOf(nodeOf('uwsgi', { protocol: 'http', transport: 'tcp', port: 3032 }))).toBe(
      'http-socket :3032',
    );
    expect(summaryOf(nodeOf('uwsgi', { protocol: 'uwsgi', transport: 'tcp' }))).toBe('socket :3031');
    expect(oneLineLabelOf(nodeOf('flask', { module: 'shop.api', callable: 'create' }))).toBe(
      'Flask shop.api:create',
    );
    expect(oneLineLabelOf(nodeOf('sqlite', { file: '/srv/db/shop.sqlite' }))).toBe(
      'SQLite /srv/db/shop.sqlite',
    );
    expect(summaryOf(nodeOf('react-static', { spaFallback: false }))).toBe('');
  });

  it('keeps the separating space of a kind with a summary even when the setting is empty', () => {
    // The Mermaid chart has always joined title and setting with one space.
    expect(oneLineLabelOf(nodeOf('sqlite', { file: '' }))).toBe('SQLite ');
    expect(oneLineLabelOf(nodeOf('client', { label: '' }))).toBe('');
  });

  it('gives a card the kind, the name and the setting; a titled node keeps its id on the kind line', () => {
    expect(cardLinesOf(nodeOf('gunicorn', {}, 'wsgi'))).toEqual({
      kind: 'Gunicorn',
      id: null,
      name: 'wsgi',
      summary: ':8000',
      secure: false,
    });
    expect(cardLinesOf(nodeOf('client', { label: 'Customers' }, 'browser'))).toEqual({
      kind: 'Client',
      id: 'browser',
      name: 'Customers',
      summary: '',
      secure: false,
    });
  });
});

describe('an nginx with HTTPS', () => {
  it('shows the HTTPS port in its summary and a lock on its card; the client edge says HTTPS', () => {
    const plain = nodeOf('nginx', { serverName: 'shop.example.com' }, 'proxy');
    const secured = nodeOf('nginx', { tls: 'self-signed', httpsPort: 8443 }, 'proxy');
    expect(cardLinesOf(plain)).toMatchObject({ summary: ':80', secure: false });
    expect(cardLinesOf(secured)).toMatchObject({ summary: ':80, https :8443', secure: true });
    const client = nodeOf('client', {}, 'browser');
    const edge = { props: {} };
    expect(edgeCaptionOf(edge, client, plain).text).toBe('HTTP');
    expect(edgeCaptionOf(edge, client, secured).text).toBe('HTTPS');
    // Behind nginx, the hop to the app server stays plain HTTP inside the network.
    expect(edgeCaptionOf({ props: { route: '/' } }, secured, nodeOf('gunicorn')).text).toBe('HTTP /');
  });
});

describe('every picture of a design says the same', () => {
  it.each(TEMPLATE_IDS)('%s: the Mermaid chart and the SVG show each node’s title and summary', (id) => {
    const design = loadTemplate(id);
    const mermaid = toMermaid(design);
    const svg = designToSvg(design);
    for (const node of design.nodes) {
      expect(mermaid).toContain(`"${oneLineLabelOf(node)}"`);
      // the SVG cuts a long setting to the card's width, as the card does
      const lines = cardLinesOf(node);
      expect(svg).toContain(`>${escapeXml(lines.name)}</text>`);
      expect(svg).toContain(`>${escapeXml(lines.summary.slice(0, 20))}`);
    }
  });

  it.each(TEMPLATE_IDS)('%s: the diagram (SVG, embed) captions edges as the Mermaid chart does', (id) => {
    const design = loadTemplate(id);
    const mermaid = toMermaid(design);
    for (const { caption } of layoutDiagram(design).edges) {
      expect(caption).not.toBeNull();
      expect(mermaid).toContain(`|"${caption}"|`);
    }
  });
});
