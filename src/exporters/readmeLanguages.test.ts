import { describe, expect, it } from 'vitest';
import type { Design } from '../model/design';
import { TARGETS } from '../model/target';
import { TEMPLATE_IDS, loadTemplate } from '../model/templates';
import { isProxy } from '../nodes/registry';
import { generate } from './generate';

/**
 * A README's Markdown skeleton: headings by level, table rows by cell count, code blocks with their
 * commands (a shell comment, the words, left out), the Mermaid chart's nodes, subgraphs and edges (a
 * subgraph's title and an edge's caption, worded per language, left out), list items and paragraphs,
 * but none of the words.
 * Paragraph and list item lines wrap where each language wraps, so a paragraph counts once.
 */
function skeleton(readme: string): string[] {
  const shape: string[] = [];
  let fence: string | null = null;
  for (const line of readme.split('\n')) {
    if (line.startsWith('```')) {
      fence = fence === null ? line : null;
      shape.push(line);
    } else if (fence === '```sh') shape.push(line.replace(/(^|\s+)#.*$/, '#'));
    else if (fence === '```mermaid')
      shape.push(line.replace(/\|"[^"]*"\|/, '|caption|').replace(/^(\s*subgraph \w+)\[.*\]$/, '$1[title]'));
    else if (fence !== null) shape.push(line);
    else if (/^#+ /.test(line)) shape.push(line.split(' ')[0]!);
    else if (line.startsWith('|')) shape.push(`row of ${line.split(' | ').length}`);
    else if (/^(- |\d+\. |> )/.test(line)) shape.push(line.split(' ')[0]!);
    else if (line === '') shape.push('');
    else if (!line.startsWith(' ') && shape.at(-1) !== 'text') shape.push('text');
  }
  return shape;
}

/** The template with its first nginx serving HTTPS from `tls` (and redirecting, with HSTS). */
function withHttps(design: Design, tls: string): Design {
  const proxy = design.nodes.find(isProxy);
  const props = {
    tls,
    redirectHttp: true,
    hsts: true,
    email: 'ops@example.com',
    serverName: 'shop.example.com',
  };
  return {
    ...design,
    nodes: design.nodes.map((node) =>
      node === proxy ? { ...node, props: { ...node.props, ...props } } : node,
    ),
  } as Design;
}

const designs: [string, Design][] = [
  ...TEMPLATE_IDS.map((id): [string, Design] => [id, loadTemplate(id)]),
  ...['self-signed', 'files'].map((tls): [string, Design] => [
    `react-nginx-gunicorn, ${tls}`,
    withHttps(loadTemplate('react-nginx-gunicorn'), tls),
  ]),
];

describe('the README is one document in every language', () => {
  for (const target of TARGETS)
    it(`${target}: the Korean README has the English one's sections, tables, commands and lists`, () => {
      for (const [name, design] of designs) {
        const english = generate(design, { target, lang: 'en' }).files['README.md']!;
        const korean = generate(design, { target, lang: 'ko' }).files['README.md']!;
        expect(skeleton(korean), `${name} (${target})`).toEqual(skeleton(english));
      }
    });

  it('sees a section, a row or a command that only one language has', () => {
    const readme =
      '# T\n\nIntro that\nwraps.\n\n## A\n\n| x | y |\n| --- | --- |\n\n```sh\nmake up  # go\n```\n';
    expect(skeleton(readme)).toEqual(skeleton(readme.replace('Intro that\nwraps.', '소개')));
    expect(skeleton(readme)).not.toEqual(skeleton(readme.replace('## A', '## A\n\n## B')));
    expect(skeleton(readme)).not.toEqual(skeleton(readme.replace('| x | y |', '| x | y | z |')));
    expect(skeleton(readme)).not.toEqual(skeleton(readme.replace('make up', 'make down')));
    expect(skeleton(readme)).toEqual(skeleton(readme.replace('# go', '# 시작')));
    const chart = '## D\n\n```mermaid\nflowchart LR\n  n0 -->|"static /"| n1\n```\n';
    expect(skeleton(chart)).toEqual(skeleton(chart.replace('static', '정적 파일')));
    expect(skeleton(chart)).not.toEqual(skeleton(chart.replace('-->', '-.->')));
    expect(skeleton(chart)).not.toEqual(skeleton(chart.replace('n1', 'n2')));
    const frame = '```mermaid\nflowchart LR\n  subgraph c0["container web"]\n  end\n```\n';
    expect(skeleton(frame)).toEqual(skeleton(frame.replace('container', '컨테이너')));
    expect(skeleton(frame)).not.toEqual(skeleton(frame.replace('c0', 'c1')));
  });
});
