import { canConnect, protocolLabel } from '../model/connections';
import type { EdgeProps } from '../model/design';
import type { NodeKind } from './types';

export interface EdgeCaption {
  /**
   * What flows, then the route an nginx serves it under ("HTTP /api/", "uwsgi_pass /", "WSGI"); null
   * when there is nothing to say (a refused edge without a route).
   */
  text: string | null;
  /** Whether the connection matrix allows the edge (a refused edge is drawn dashed and says only its route). */
  allowed: boolean;
}

/**
 * The caption of an edge on every picture of the design (canvas, embed, SVG/PNG, Mermaid): the
 * protocol of the connection, or the nginx directive the edge chose for it (`pass`), then its `route`.
 */
export function edgeCaptionOf(
  edge: { props: EdgeProps },
  source: { kind: NodeKind },
  target: { kind: NodeKind },
): EdgeCaption {
  const verdict = canConnect(source.kind, target.kind);
  const what = edge.props.pass ?? (verdict.allowed ? protocolLabel(verdict.protocol) : null);
  const { route } = edge.props;
  const text = what === null ? (route ?? null) : route === undefined ? what : `${what} ${route}`;
  return { text, allowed: verdict.allowed };
}
