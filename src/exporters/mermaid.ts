import type { Lang } from '../i18n/lang';
import type { Design, DesignEdge, DesignNode } from '../model/design';
import { groupPush } from '../model/group';
import { designShape, type DesignShape } from '../model/shape';
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

/** Where a node's line sits in the chart and the chart id it is drawn under. */
interface NodeSlot {
  at: number;
  chartIndex: number;
  indent: string;
}

/** Where an edge's line sits in the chart and the indexes of the nodes it joins. */
interface EdgeSlot {
  at: number;
  edge: DesignEdge;
  sourceIndex: number;
  targetIndex: number;
}

/** A chart's lines, the nodes they were written from, and where each node's and edge's line is. */
interface Chart {
  nodes: readonly DesignNode[];
  lines: readonly string[];
  nodeSlots: NodeSlot[];
  edgeSlots: EdgeSlot[];
}

/**
 * The last chart per design shape and language. Where lines go (containers, chart ids, edges) reads
 * only the shape, so after a props edit only the lines of the edited nodes and of their edges are
 * written again.
 */
const chartsByShape = new WeakMap<DesignShape, Partial<Record<Lang, Chart>>>();

/** The lines of toMermaid (no line ends in a space), for a document that embeds the chart. */
export function mermaidLines(design: Design, lang: Lang = 'en'): readonly string[] {
  const shape = designShape(design);
  const charts = chartsByShape.get(shape) ?? {};
  const kept = charts[lang];
  if (kept?.nodes === design.nodes) return kept.lines;
  const chart = kept ? redrawnNodes(kept, design.nodes, lang) : drawnChart(design, lang);
  charts[lang] = chart;
  chartsByShape.set(shape, charts);
  return chart.lines;
}

/** The kept chart with the lines of the nodes that are new objects, and of their edges, written again. */
function redrawnNodes(kept: Chart, nodes: readonly DesignNode[], lang: Lang): Chart {
  const changed = new Set(nodes.flatMap((node, index) => (node === kept.nodes[index] ? [] : [index])));
  const lines = kept.lines.slice();
  for (const index of changed) {
    const slot = kept.nodeSlots[index]!;
    lines[slot.at] = nodeLine(nodes[index]!, slot.chartIndex, slot.indent);
  }
  for (const { at, edge, sourceIndex, targetIndex } of kept.edgeSlots)
    if (changed.has(sourceIndex) || changed.has(targetIndex))
      lines[at] = edgeLine(edge, nodes[sourceIndex]!, nodes[targetIndex]!, sourceIndex, targetIndex, lang);
  return { ...kept, nodes, lines };
}

/** The whole chart, and where each node's and edge's line is. */
function drawnChart(design: Design, lang: Lang): Chart {
  // One index per id serves as both the chart id (n<index>) and the lookup of an edge's nodes; a
  // repeated id keeps its last node, as a map filled in order would.
  const indexOf = new Map(design.nodes.map((node, index) => [node.id, index]));
  const lines = ['flowchart LR'];
  const nodeSlots: NodeSlot[] = [];
  const edgeSlots: EdgeSlot[] = [];
  const addNode = (node: DesignNode, index: number, indent: string) => {
    const chartIndex = indexOf.get(node.id)!;
    nodeSlots[index] = { at: lines.length, chartIndex, indent };
    lines.push(nodeLine(node, chartIndex, indent));
  };
  const containers = new Map<string, [DesignNode, number][]>();
  design.nodes.forEach((node, index) => {
    if (node.container === undefined) addNode(node, index, '  ');
    else groupPush(containers, node.container, [node, index]);
  });
  let index = 0;
  for (const [container, members] of containers) {
    lines.push(`  subgraph c${index++}["${mermaidText(SUBGRAPH_TITLES[lang](container))}"]`);
    for (const [node, at] of members) addNode(node, at, '    ');
    lines.push('  end');
  }
  for (const edge of design.edges) {
    const sourceIndex = indexOf.get(edge.source);
    const targetIndex = indexOf.get(edge.target);
    if (sourceIndex === undefined || targetIndex === undefined) continue;
    edgeSlots.push({ at: lines.length, edge, sourceIndex, targetIndex });
    lines.push(
      edgeLine(edge, design.nodes[sourceIndex]!, design.nodes[targetIndex]!, sourceIndex, targetIndex, lang),
    );
  }
  return { nodes: design.nodes, lines, nodeSlots, edgeSlots };
}
