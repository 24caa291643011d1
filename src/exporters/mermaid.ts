import { canConnect, matchingPass, protocolLabel } from '../model/connections';
import type { Design, DesignNode } from '../model/design';
import { groupPush } from '../model/group';
import { KINDS } from '../nodes/registry';

const SAFE_LABEL = /^[A-Za-z0-9 _.,:/()+=@-]*$/;

/**
 * Text inside a Mermaid quoted label: only letters, digits, spaces and simple punctuation pass as
 * they are; everything else (quotes, brackets, pipes, line breaks, HTML) becomes a #code; entity.
 */
export function mermaidText(text: string): string {
  // Most labels are plain: one test of the whole text instead of one per character.
  if (text.length <= 120 && SAFE_LABEL.test(text)) return text;
  let out = '';
  for (const ch of text.slice(0, 120)) {
    if (/^[A-Za-z0-9 _.,:/()+=@-]$/.test(ch)) out += ch;
    else out += `#${ch.codePointAt(0)};`;
  }
  return out;
}

function nodeLabel(node: DesignNode): string {
  const kind = KINDS[node.kind].label;
  switch (node.kind) {
    case 'client':
      return node.props.label;
    case 'nginx':
      return `${kind} :${node.props.listen}`;
    case 'gunicorn':
      return `${kind} ${node.props.transport === 'unix' ? node.props.socketPath : `:${node.props.port}`}`;
    case 'uwsgi':
      return `${kind} ${node.props.protocol === 'uwsgi' ? 'socket' : 'http-socket'} ${node.props.transport === 'unix' ? node.props.socketPath : `:${node.props.port}`}`;
    case 'flask':
      return `${kind} ${node.props.module}:${node.props.callable}`;
    case 'sqlite':
      return `${kind} ${node.props.file}`;
    case 'react-static':
      return kind;
  }
}

/**
 * Whether a part of a label passes mermaidText unchanged on its own (a number always does). A label
 * of plain parts within the length limit is plain as a whole: mermaidText of it is the label itself,
 * found without scanning the joined text (which the regular expression would first copy flat).
 */
function isPlain(part: unknown): boolean {
  return typeof part === 'number' || (typeof part === 'string' && SAFE_LABEL.test(part));
}

/** The kinds' own labels are fixed words; were one not plain, every label would take the general path. */
const KIND_LABELS_PLAIN = Object.values(KINDS).every((kind) => SAFE_LABEL.test(kind.label));

function labelPartsPlain(node: DesignNode): boolean {
  if (!KIND_LABELS_PLAIN) return false;
  switch (node.kind) {
    case 'client':
      return isPlain(node.props.label);
    case 'nginx':
      return isPlain(node.props.listen);
    case 'gunicorn':
    case 'uwsgi':
      return node.props.transport === 'unix' ? isPlain(node.props.socketPath) : isPlain(node.props.port);
    case 'flask':
      return isPlain(node.props.module) && isPlain(node.props.callable);
    case 'sqlite':
      return isPlain(node.props.file);
    case 'react-static':
      return true;
  }
}

/** mermaidText(text), where `plainParts` says whether every part the text was joined from is plain. */
function escapedJoin(text: string, plainParts: boolean): string {
  return plainParts && text.length <= 120 ? text : mermaidText(text);
}

function shape(node: DesignNode, id: string, label: string): string {
  const text = `"${escapedJoin(label, labelPartsPlain(node))}"`;
  if (node.kind === 'client') return `${id}([${text}])`;
  if (node.kind === 'sqlite') return `${id}[(${text})]`;
  return `${id}[${text}]`;
}

/** A Mermaid flowchart of the design: containers as subgraphs, edges labelled with protocol and route. */
export function toMermaid(design: Design): string {
  return `${mermaidLines(design).join('\n')}\n`;
}

/** The lines of toMermaid (no line ends in a space), for a document that embeds the chart. */
export function mermaidLines(design: Design): string[] {
  // One index per id serves as both the chart id (n<index>) and the lookup of an edge's nodes; a
  // repeated id keeps its last node, as a map filled in order would.
  const indexOf = new Map<string, number>();
  const nodes = design.nodes;
  for (let i = 0; i < nodes.length; i++) indexOf.set(nodes[i]!.id, i);
  const lines = ['flowchart LR'];
  const containers = new Map<string, DesignNode[]>();
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (node.container === undefined) {
      lines.push(`  ${shape(node, `n${indexOf.get(node.id)!}`, nodeLabel(node))}`);
      continue;
    }
    groupPush(containers, node.container, node);
  }
  let index = 0;
  for (const [container, members] of containers) {
    lines.push(`  subgraph c${index++}["${escapedJoin(`container ${container}`, isPlain(container))}"]`);
    for (let i = 0; i < members.length; i++) {
      const node = members[i]!;
      lines.push(`    ${shape(node, `n${indexOf.get(node.id)!}`, nodeLabel(node))}`);
    }
    lines.push('  end');
  }
  const edges = design.edges;
  for (let i = 0; i < edges.length; i++) {
    const edge = edges[i]!;
    const sourceIndex = indexOf.get(edge.source);
    const targetIndex = indexOf.get(edge.target);
    if (sourceIndex === undefined || targetIndex === undefined) continue;
    const source = nodes[sourceIndex]!;
    const target = nodes[targetIndex]!;
    const verdict = canConnect(source.kind, target.kind);
    // The label: the protocol (or nginx's pass directive to uWSGI), then the route, space-separated.
    let text =
      source.kind === 'nginx' && target.kind === 'uwsgi'
        ? (edge.props.pass ?? matchingPass(target.props.protocol))
        : verdict.allowed
          ? protocolLabel(verdict.protocol)
          : null;
    let plain = text === null || isPlain(text);
    if (edge.props.route !== undefined) {
      plain &&= isPlain(edge.props.route);
      text = text === null ? edge.props.route : `${text} ${edge.props.route}`;
    }
    const arrow = verdict.allowed ? '-->' : '-.->';
    const label = text !== null ? `|"${escapedJoin(text, plain)}"|` : '';
    lines.push(`  n${sourceIndex} ${arrow}${label} n${targetIndex}`);
  }
  return lines;
}
