import { MarkerType, type Edge, type Node } from '@xyflow/react';
import type { Design, DesignEdge, DesignNode, Position } from '../model/design';
import { edgeCaptionOf } from '../nodes/captions';
import { cardLinesOf } from '../nodes/registry';
import { uiMessages } from '../i18n/en/ui';
import type { Lang, UiMessages } from '../i18n';
import type { ElementProblems } from '../store/selectors';
import type { DesignNodeData } from './NodeCard';

export type FlowNode = Node<DesignNodeData>;

/** The canvas's words (node and edge names for assistive technology), English unless told. */
export type CanvasWords = UiMessages['canvas'];

/** A node's accessible name: its kind, id and key setting ("Gunicorn gunicorn: :8000"). */
export function nodeAriaLabel(node: DesignNode, words: CanvasWords): string {
  const lines = cardLinesOf(node);
  // A titled kind (a client) shows its title as its name: say it beside the id.
  const details = [lines.id !== null ? lines.name : '', lines.summary].filter(Boolean).join(', ');
  return words.nodeLabel({ kind: lines.kind, id: node.id, details });
}

/**
 * Derive React Flow nodes from the design, keeping the same object for every node whose design
 * node, position and selection did not change: React Flow then re-renders only what changed.
 */
export function createNodeDeriver() {
  let cache = new Map<
    string,
    { source: DesignNode; position: Position; selected: boolean; words: CanvasWords; flow: FlowNode }
  >();
  return (
    design: Design,
    positions: ReadonlyMap<string, Position>,
    selected: ReadonlySet<string>,
    words: CanvasWords = uiMessages.canvas,
  ) => {
    const next = new Map<
      string,
      { source: DesignNode; position: Position; selected: boolean; words: CanvasWords; flow: FlowNode }
    >();
    const out = design.nodes.map((node) => {
      const position = positions.get(node.id) ?? { x: 0, y: 0 };
      const isSelected = selected.has(node.id);
      const hit = cache.get(node.id);
      if (
        hit &&
        hit.source === node &&
        hit.position.x === position.x &&
        hit.position.y === position.y &&
        hit.selected === isSelected &&
        hit.words === words
      ) {
        next.set(node.id, hit);
        return hit.flow;
      }
      const flow: FlowNode = {
        id: node.id,
        type: node.kind,
        position,
        data: hit && hit.source === node ? hit.flow.data : { node },
        selected: isSelected,
        ariaLabel: nodeAriaLabel(node, words),
        domAttributes: { 'aria-roledescription': words.nodeRole },
      };
      next.set(node.id, { source: node, position, selected: isSelected, words, flow });
      return flow;
    });
    cache = next;
    return out;
  };
}

/**
 * What flows over an edge (HTTP, uwsgi_pass, WSGI, file, static) and the route on nginx edges, what is
 * not an identifier worded in `lang`.
 */
export function edgeLabel(
  edge: DesignEdge,
  source: DesignNode | undefined,
  target: DesignNode | undefined,
  lang: Lang = 'en',
): string {
  return source && target ? (edgeCaptionOf(edge, source, target, lang).text ?? '') : '';
}

export function createEdgeDeriver() {
  let cache = new Map<string, { source: DesignEdge; key: string; words: CanvasWords; flow: Edge }>();
  return (
    design: Design,
    severities: ReadonlyMap<string, ElementProblems>,
    selected: ReadonlySet<string>,
    words: CanvasWords = uiMessages.canvas,
    lang: Lang = 'en',
  ) => {
    const byId = new Map(design.nodes.map((node) => [node.id, node]));
    const next = new Map<string, { source: DesignEdge; key: string; words: CanvasWords; flow: Edge }>();
    const out = design.edges.map((edge) => {
      const label = edgeLabel(edge, byId.get(edge.source), byId.get(edge.target), lang);
      const problems = severities.get(edge.id);
      const severity = problems?.errors ? 'error' : problems?.warnings ? 'warning' : 'ok';
      const isSelected = selected.has(edge.id);
      const key = `${label}\u0000${severity}\u0000${isSelected}`;
      const hit = cache.get(edge.id);
      if (hit && hit.source === edge && hit.key === key && hit.words === words) {
        next.set(edge.id, hit);
        return hit.flow;
      }
      const color = severity === 'error' ? '#cf222e' : severity === 'warning' ? '#bf8700' : undefined;
      const flow: Edge = {
        id: edge.id,
        source: edge.source,
        target: edge.target,
        type: 'labelled',
        label,
        selected: isSelected,
        className: `edge-${severity}`,
        markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18, ...(color ? { color } : {}) },
        data: { severity },
        ariaLabel: words.edgeLabel({ source: edge.source, target: edge.target, what: label }),
        // Out of the Tab sequence, which reaches the nodes (React Flow draws edges first): the outline
        // lists every connection and focuses it here.
        domAttributes: { 'aria-roledescription': words.edgeRole, tabIndex: -1 },
      };
      next.set(edge.id, { source: edge, key, words, flow });
      return flow;
    });
    cache = next;
    return out;
  };
}
