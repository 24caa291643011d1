import type { Lang } from '../i18n/lang';
import type { Design, DesignEdge, DesignNode } from '../model/design';
import { groupPush } from '../model/group';
import { edgeCaptionOf } from '../nodes/captions';
import { oneLineLabelOf, shapeOf, type NodeShape } from '../nodes/registry';
import { reuseWhenSame } from './incremental';

const SAFE_LABEL = /^[\p{L}\p{M}\p{N} _.,:/()+=@-]*$/u;
const SAFE_CHARACTER = /^[\p{L}\p{M}\p{N} _.,:/()+=@-]$/u;

/**
 * Text inside a Mermaid quoted label: letters and digits of any script (Hangul stays readable),
 * spaces and simple punctuation pass as they are; everything else (quotes, brackets, pipes, line
 * breaks, HTML) becomes a #code; entity, which is all Mermaid needs inside quotes.
 */
export function mermaidText(text: string): string {
  // Most labels are plain: one test of the whole text instead of one per character.
  if (text.length <= 120 && SAFE_LABEL.test(text)) return text;
  let out = '';
  for (const ch of text.slice(0, 120)) {
    if (SAFE_CHARACTER.test(ch)) out += ch;
    else out += `#${ch.codePointAt(0)};`;
  }
  return out;
}

/** Mermaid's node shapes: a stadium for what sits outside the stack, a cylinder for stored data. */
const SHAPES: Record<NodeShape, (id: string, text: string) => string> = {
  box: (id, text) => `${id}[${text}]`,
  stadium: (id, text) => `${id}([${text}])`,
  cylinder: (id, text) => `${id}[(${text})]`,
};

/**
 * A node's line (indented, with its chart id n<index>), written again only when the node, its
 * index or its indentation changes: the arguments are the node and two primitives, so a hit
 * allocates nothing.
 */
const nodeLine = reuseWhenSame(
  (node: DesignNode, index: number, indent: string): string =>
    `${indent}${SHAPES[shapeOf(node)](`n${index}`, `"${mermaidText(oneLineLabelOf(node))}"`)}`,
  (node) => node,
);

/** An edge's line, worked out again only when the edge, one of its nodes, their indexes or the language change. */
const edgeLine = reuseWhenSame(
  (
    edge: DesignEdge,
    source: DesignNode,
    target: DesignNode,
    sourceIndex: number,
    targetIndex: number,
    lang: Lang,
  ): string => {
    const caption = edgeCaptionOf(edge, source, target, lang);
    const arrow = caption.allowed ? '-->' : '-.->';
    const labelled = caption.text !== null ? `${arrow}|"${mermaidText(caption.text)}"|` : arrow;
    return `  n${sourceIndex} ${labelled} n${targetIndex}`;
  },
  (edge) => edge,
);

/** A container's subgraph title in each language ("container web", "컨테이너 web"). */
const SUBGRAPH_TITLES: Record<Lang, (container: string) => string> = {
  en: (container) => `container ${container}`,
  ko: (container) => `컨테이너 ${container}`,
};

/**
 * A Mermaid flowchart of the design: containers as subgraphs, edges labelled with protocol and route
 * (what is not an identifier worded in `lang`).
 */
export function toMermaid(design: Design, lang: Lang = 'en'): string {
  return `${mermaidLines(design, lang).join('\n')}\n`;
}

/** The lines of toMermaid (no line ends in a space), for a document that embeds the chart. */
export function mermaidLines(design: Design, lang: Lang = 'en'): string[] {
  // One index per id serves as both the chart id (n<index>) and the lookup of an edge's nodes; a
  // repeated id keeps its last node, as a map filled in order would.
  const indexOf = new Map(design.nodes.map((node, index) => [node.id, index]));
  const lineOf = (node: DesignNode, indent: string) => nodeLine(node, indexOf.get(node.id)!, indent);
  const lines = ['flowchart LR'];
  const containers = new Map<string, DesignNode[]>();
  for (const node of design.nodes) {
    if (node.container === undefined) lines.push(lineOf(node, '  '));
    else groupPush(containers, node.container, node);
  }
  let index = 0;
  for (const [container, members] of containers) {
    lines.push(`  subgraph c${index++}["${mermaidText(SUBGRAPH_TITLES[lang](container))}"]`);
    for (const node of members) lines.push(lineOf(node, '    '));
    lines.push('  end');
  }
  for (const edge of design.edges) {
    const sourceIndex = indexOf.get(edge.source);
    const targetIndex = indexOf.get(edge.target);
    if (sourceIndex === undefined || targetIndex === undefined) continue;
    lines.push(
      edgeLine(edge, design.nodes[sourceIndex]!, design.nodes[targetIndex]!, sourceIndex, targetIndex, lang),
    );
  }
  return lines;
}
