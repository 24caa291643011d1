import { describe, expect, it } from 'vitest';
import { loadTemplate } from '../model/templates';
import { mermaidText, toMermaid } from './mermaid';

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

  it('escapes label text so nothing breaks out of the quotes', () => {
    expect(mermaidText('a"b]|<script>')).toBe('a#34;b#93;#124;#60;script#62;');
    const design = loadTemplate('gunicorn-flask-sqlite');
    (design.nodes[0]!.props as { label: string }).label = 'x"]\n  evil --> y';
    const line = toMermaid(design).split('\n')[1]!;
    expect(line).toBe('  n0(["x#34;#93;#10;  evil --#62; y"])');
  });
});
