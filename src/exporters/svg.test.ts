import { describe, expect, it } from 'vitest';
import type { Design } from '../model/design';
import { parseDesign } from '../model/load';
import { serializeDesign } from '../model/serialize';
import { TEMPLATE_IDS, loadTemplate } from '../model/templates';
import { CATEGORY_PALETTE, categoryColors } from '../nodes/palette';
import { KINDS } from '../nodes/registry';
import { layoutDiagram } from './diagram';
import { HOSTILE_STRINGS } from '../validation/hostileInputs';
import { designToSvg, extractSvgDesignText } from './svg';

/** XML-specific break-outs, plus the project's hostile-input catalogue. */
const XML_HOSTILE = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "' onload='alert(1)",
  ']]><!ENTITY x "boom">',
  '&lt;already escaped&gt; & &amp;',
  '</metadata><metadata id="stacksketch-design">{}',
  '<![CDATA[ x ]]>',
  '<!-- comment -->',
  'line\nbreak\r\ttab',
  'nul\u0000 and \u0001 and \u001f controls',
  'lone \ud800 surrogate and \udc00',
  'not a char \ufffe \uffff',
  'line sep \u2028 para sep \u2029',
  '${jndi:ldap://x}',
  '`rm -rf /`',
  'x'.repeat(5000),
];

const HOSTILE = [...XML_HOSTILE, ...HOSTILE_STRINGS.map((input) => input.value)];

function hostileDesign(text: string): Design {
  const base = loadTemplate('gunicorn-flask-sqlite');
  return {
    ...base,
    name: text,
    nodes: base.nodes.map((node) =>
      node.kind === 'client'
        ? { ...node, props: { label: text } }
        : node.kind === 'flask'
          ? { ...node, container: text }
          : node,
    ),
  };
}

/** Every `<` in the file starts one of the elements the exporter writes (or the XML declaration). */
function markupIsOurs(svg: string): boolean {
  const tags = svg.match(/<[^>]*>/g) ?? [];
  const allowed =
    /^<\/?(svg|title|metadata|defs|marker|path|rect|g|text)( [a-zA-Z-]+="[^"<>]*")*\/?>$|^<\?xml version="1.0" encoding="UTF-8"\?>$/;
  const stray = svg.replace(/<[^>]*>/g, '').includes('<') || svg.replace(/<[^>]*>/g, '').includes('>');
  return !stray && tags.every((tag) => allowed.test(tag));
}

describe('SVG export', () => {
  it.each(TEMPLATE_IDS)('is deterministic and carries the %s design back', (id) => {
    const svg = designToSvg(loadTemplate(id));
    expect(designToSvg(loadTemplate(id))).toBe(svg);
    expect(markupIsOurs(svg)).toBe(true);
    const extracted = extractSvgDesignText(svg);
    expect(extracted).toEqual({ ok: true, text: serializeDesign(loadTemplate(id)) });
    for (const node of loadTemplate(id).nodes) expect(svg).toContain(`>${node.id}</text>`);
  });

  it.each(HOSTILE.map((text, index) => [index, text] as const))(
    'escapes hostile label #%i and still round-trips the design',
    (_index, text) => {
      const design = hostileDesign(text);
      const svg = designToSvg(design);
      expect(markupIsOurs(svg)).toBe(true);
      const tags = (svg.match(/<[^>]*>/g) ?? []).join('');
      expect(tags).not.toMatch(/\son[a-z]+=|<script|<img|<!ENTITY|<!\[CDATA|<!--/i);
      // eslint-disable-next-line no-control-regex
      expect(svg).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
      const extracted = extractSvgDesignText(svg);
      if (!extracted.ok) throw new Error(extracted.message);
      const reloaded = parseDesign(extracted.text);
      if (!reloaded.ok) throw new Error(JSON.stringify(reloaded.errors));
      expect(serializeDesign(reloaded.design)).toBe(serializeDesign(design));
    },
  );

  it('lays out designs without positions, left to right from the client', () => {
    const design = loadTemplate('react-nginx-gunicorn');
    const bare = { ...design, nodes: design.nodes.map(({ position: _p, ...node }) => node) } as Design;
    const diagram = layoutDiagram(bare);
    const x = (id: string) => diagram.nodes.find((n) => n.node.id === id)!.x;
    const client = bare.nodes.find((n) => n.kind === 'client')!.id;
    const nginx = bare.nodes.find((n) => n.kind === 'nginx')!.id;
    const flask = bare.nodes.find((n) => n.kind === 'flask')!.id;
    expect(x(client)).toBeLessThan(x(nginx));
    expect(x(nginx)).toBeLessThan(x(flask));
    const svg = designToSvg(bare);
    expect(svg).toBe(designToSvg(bare));
    expect(svg).not.toContain('NaN');
    expect(diagram.frames.map((f) => f.container)).toEqual(['app', 'web']);
  });

  it('colours each node from the category palette, as the editor and the embed do', () => {
    const design = loadTemplate('react-nginx-gunicorn');
    const svg = designToSvg(design);
    for (const node of design.nodes) {
      const { fill, stroke, accent } = categoryColors(KINDS[node.kind].category, 'light');
      const group = svg.split('\n').find((line) => line.startsWith(`<g class="node node-${node.kind}">`))!;
      expect(group).toContain(`fill="${fill}" stroke="${stroke}"`);
      expect(group).toContain(`fill="${accent}">${KINDS[node.kind].label.toUpperCase()}</text>`);
    }
    const categoryHex = new Set(
      Object.values(CATEGORY_PALETTE).flatMap((themes) => Object.values(themes.light)),
    );
    const nodeHex = svg
      .split('\n')
      .filter((line) => line.startsWith('<g class="node '))
      .flatMap((line) => line.match(/#[0-9a-f]{6}/g) ?? [])
      .filter((hex) => !['#0f172a', '#475569'].includes(hex));
    expect(nodeHex.filter((hex) => !categoryHex.has(hex))).toEqual([]);
  });

  it('dashes an edge the connection matrix refuses, as the Mermaid chart does', () => {
    const design = loadTemplate('gunicorn-flask-sqlite');
    const refused = {
      ...design,
      edges: [...design.edges, { id: 'back', source: 'db', target: 'api', props: {} }],
    };
    const paths = designToSvg(refused)
      .split('\n')
      .filter((line) => line.startsWith('<path class="edge"'));
    expect(paths.filter((line) => line.includes('stroke-dasharray'))).toHaveLength(1);
    expect(paths).toHaveLength(design.edges.length + 1);
  });

  it('draws an empty design as a valid small picture', () => {
    const svg = designToSvg({
      format: 'stacksketch/v2',
      name: 'empty',
      containers: {},
      nodes: [],
      edges: [],
    });
    expect(markupIsOurs(svg)).toBe(true);
    expect(svg).not.toContain('NaN');
  });
});

describe('reading the design out of an SVG', () => {
  const svg = designToSvg(loadTemplate('gunicorn-flask-sqlite'));

  it('refuses an SVG without a StackSketch design', () => {
    expect(extractSvgDesignText('<svg xmlns="http://www.w3.org/2000/svg"></svg>')).toEqual({
      ok: false,
      message: 'this SVG does not carry a StackSketch design',
    });
  });

  it('never expands entities other than the five predefined ones', () => {
    const withEntity = svg.replace('{\n', '{&xxe;\n');
    expect(extractSvgDesignText(withEntity)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/entities/),
    });
    const numeric = svg.replace('{\n', '{&#60;\n');
    expect(extractSvgDesignText(numeric)).toMatchObject({ ok: false });
  });

  it('refuses markup inside the metadata, two designs, or a cut-short element', () => {
    expect(extractSvgDesignText(svg.replace('{\n', '{<x/>\n'))).toMatchObject({ ok: false });
    const twice = svg.replace('</svg>', '<metadata id="stacksketch-design">{}</metadata></svg>');
    expect(extractSvgDesignText(twice)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/more than one/),
    });
    expect(extractSvgDesignText(svg.slice(0, svg.indexOf('</metadata>')))).toMatchObject({ ok: false });
  });
});
