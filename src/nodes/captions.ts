import { canConnect, protocolLabel } from '../model/connections';
import type { Lang } from '../i18n/lang';
import type { EdgeProps } from '../model/design';
import { isClient, servesHttps, type NodeWithProps } from './registry';

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
 * Protocols and directives are identifiers; what is not one ("static", "file") is worded in `lang`.
 */
export function edgeCaptionOf(
  edge: { props: EdgeProps },
  source: NodeWithProps,
  target: NodeWithProps,
  lang: Lang = 'en',
): EdgeCaption {
  const verdict = canConnect(source.kind, target.kind);
  // A client reaching an nginx with TLS on speaks HTTPS to it.
  const secured = verdict.allowed && isClient(source) && servesHttps(target);
  const what =
    edge.props.pass ?? (verdict.allowed ? (secured ? 'HTTPS' : protocolLabel(verdict.protocol, lang)) : null);
  const { route } = edge.props;
  const text = what === null ? (route ?? null) : route === undefined ? what : `${what} ${route}`;
  return { text, allowed: verdict.allowed };
}
