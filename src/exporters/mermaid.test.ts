import { describe, expect, it } from 'vitest';
import { loadTemplate } from '../model/templates';
import { isProxy } from '../nodes/registry';
import { HOSTILE_STRINGS } from '../validation/hostileInputs';
import { mermaidLines, mermaidText, toMermaid } from './mermaid';

describe('toMermaid', () => {
  it('draws containers as subgraphs and edges with protocol and route', () => {
    const text = toMermaid(loadTemplate('react-nginx-gunicorn'));
    expect(text.startsWith('flowchart LR\n')).toBe(true);
    expect(text).toContain('subgraph c0["container web"]');
    expect(text).toContain('subgraph c1["container app"]');
    expect(text).toMatch(/n1 -->\|"HTTP \/api\/"\| n3/);
    expect(text).toMatch(/n0\(\["Browser"\]\)/);
    expect(text).toMatch(/n5\[\("SQLite \/data\/app\.db"\)\]/);
  });

  it("titles the subgraphs in the chart's language, with the same structure", () => {
    const design = loadTemplate('react-nginx-gunicorn');
    const korean = toMermaid(design, 'ko');
    expect(korean).toContain('subgraph c0["컨테이너 web"]');
    expect(korean).not.toContain('container');
    expect(korean.replaceAll('컨테이너', 'container').split('\n').length).toBe(
      toMermaid(design).split('\n').length,
    );
  });

  it('writes the same chart as a cold run when nodes move to other indexes or another container', () => {
    const design = loadTemplate('react-nginx-gunicorn');
    toMermaid(design);
    const [first, ...rest] = design.nodes;
    const reordered = { ...design, nodes: [...rest, first!] };
    expect(toMermaid(reordered)).toBe(toMermaid(structuredClone(reordered)));
    expect(toMermaid(reordered)).toMatch(new RegExp(`n${rest.length}\\(\\["Browser"\\]\\)`));
    const unframed = {
      ...design,
      nodes: design.nodes.map((node, index) => (index === 1 ? { ...node, container: undefined } : node)),
    };
    expect(toMermaid(unframed)).toBe(toMermaid(structuredClone(unframed)));
  });

  it('after a props edit writes again only the edited node’s line and its edges’, as a cold run would', () => {
    const design = loadTemplate('react-nginx-gunicorn');
    const before = mermaidLines(design);
    expect(mermaidLines(design)).toBe(before);
    const proxyAt = design.nodes.findIndex(isProxy);
    const nodes = design.nodes.slice();
    const proxy = nodes[proxyAt]!;
    nodes[proxyAt] = { ...proxy, props: { ...proxy.props, listen: 8088 } } as typeof proxy;
    const edited = { ...design, nodes };
    const after = mermaidLines(edited);
    expect(after.join('\n')).toBe(mermaidLines(structuredClone(edited)).join('\n'));
    const changed = after.filter((line, at) => line !== before[at]);
    expect(changed).toEqual([expect.stringMatching(new RegExp(`^    n${proxyAt}\\[.*8088`))]);
    // the Korean chart of the same shape is kept apart
    expect(mermaidLines(edited, 'ko').join('\n')).toBe(toMermaid(structuredClone(edited), 'ko').trimEnd());
  });

  it('escapes label text so nothing breaks out of the quotes', () => {
    expect(mermaidText('a"b]|<script>')).toBe('a#34;b#93;#124;#60;script#62;');
    const design = loadTemplate('gunicorn-flask-sqlite');
    (design.nodes[0]!.props as { label: string }).label = 'x"]\n  evil --> y';
    const line = toMermaid(design).split('\n')[1]!;
    expect(line).toBe('  n0(["x#34;#93;#10;  evil --#62; y"])');
  });

  it('escapes a label joined from parts exactly as the whole label (hostile, long and split surrogate parts)', () => {
    const values = [
      ...HOSTILE_STRINGS.map((input) => input.value),
      'a'.repeat(119),
      'b'.repeat(200),
      '\ud83d',
      '\ude00x',
    ];
    for (const value of values) {
      const design = loadTemplate('react-nginx-gunicorn');
      const node = (kind: string) => design.nodes.find((candidate) => candidate.kind === kind)!;
      (node('client').props as { label: string }).label = value;
      (node('sqlite').props as { file: string }).file = value;
      (node('flask').props as { module: string }).module = value;
      (node('flask').props as { callable: string }).callable = '\ude00';
      node('gunicorn').container = value;
      design.edges.find((edge) => edge.id === 'e3')!.props.route = value;
      const text = toMermaid(design);
      expect(text, value).toContain(`(["${mermaidText(value)}"])`);
      expect(text, value).toContain(`[("${mermaidText(`SQLite ${value}`)}")]`);
      expect(text, value).toContain(`["${mermaidText(`Flask ${value}:\ude00`)}"]`);
      expect(text, value).toContain(`["${mermaidText(`container ${value}`)}"]`);
      expect(text, value).toContain(`|"${mermaidText(`HTTP ${value}`)}"|`);
    }
  });
});
