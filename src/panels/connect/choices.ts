import type { Lang } from '../../i18n/lang';
import type { Design, DesignNode } from '../../model/design';
import { connect, connectionProblem } from '../../model/edit';
import { edgeCaptionOf } from '../../nodes/captions';

/** A node the chosen node may be connected with, and what would flow over the new edge. */
export interface ConnectChoice {
  node: DesignNode;
  /** The new edge's caption ("HTTP /", "WSGI"), '' when it would have none. */
  what: string;
}

export interface ConnectChoices {
  /** Nodes the chosen node may call (it is the new edge's source). */
  calls: ConnectChoice[];
  /** Nodes that may call the chosen node (it is the new edge's target). */
  calledBy: ConnectChoice[];
  /** How many other nodes appear in neither list (refused by the matrix, or connected already). */
  leftOut: number;
}

/** What the new edge would carry: the caption of the edge `connect` adds. */
function captionOfNewEdge(design: Design, source: DesignNode, target: DesignNode, lang: Lang): string {
  const connected = connect(design, source.id, target.id);
  const added = connected.edges.at(-1);
  return added ? (edgeCaptionOf(added, source, target, lang).text ?? '') : '';
}

/**
 * The connections the keyboard's connect dialog offers for one node, in both directions: only those
 * `connectionProblem` accepts, so choosing one always connects. Captions are worded in `lang`.
 */
export function connectionChoices(design: Design, nodeId: string, lang: Lang = 'en'): ConnectChoices {
  const chosen = design.nodes.find((node) => node.id === nodeId);
  if (!chosen) return { calls: [], calledBy: [], leftOut: 0 };
  const others = design.nodes.filter((node) => node.id !== nodeId);
  const calls = others
    .filter((other) => connectionProblem(design, nodeId, other.id) === null)
    .map((other) => ({ node: other, what: captionOfNewEdge(design, chosen, other, lang) }));
  const calledBy = others
    .filter((other) => connectionProblem(design, other.id, nodeId) === null)
    .map((other) => ({ node: other, what: captionOfNewEdge(design, other, chosen, lang) }));
  const offered = new Set([...calls, ...calledBy].map((choice) => choice.node.id));
  return { calls, calledBy, leftOut: others.length - offered.size };
}
