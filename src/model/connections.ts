import {
  KINDS,
  NODE_KINDS,
  isApp,
  isClient,
  isDatabase,
  isProxy,
  isStatic,
  isWsgiServer,
  kindsWithRole,
  type NodeKind,
  type Protocol,
  type Role,
} from '../nodes/registry';
import type { ProxiedProtocol, Upstream } from '../nodes/types';
import type { PassDirective } from './design';

export type ConnectionVerdict =
  | { allowed: true; protocol: Protocol; meaning: string; sameContainer: boolean; alwaysError?: string }
  | { allowed: false; reason: string };

type Allowed = Extract<ConnectionVerdict, { allowed: true }>;

const EXPOSED =
  'A client talking straight to an app server has no buffering proxy in front: slow clients tie up the workers. Draw it through nginx.';

const noun = (kind: NodeKind): string => KINDS[kind].noun;
const capitalized = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
/** The kinds playing a role, as a message names them (nginx, a Flask app). */
const nounsOf = (role: Role): string => kindsWithRole(role).map(noun).join(' or ');
const upstreamOf = (kind: NodeKind) => KINDS[kind].upstream as Upstream<object> | undefined;

/**
 * The connection matrix, over roles: who may call whom, what flows over the edge and whether both
 * ends must share a container. The kind's own facts (its name, the protocol it speaks to a proxy)
 * come from its descriptor. Null: refused.
 */
function allowed(source: NodeKind, target: NodeKind): Allowed | null {
  const from = { kind: source };
  const to = { kind: target };
  const upstream = upstreamOf(target);
  if (isClient(from) && isProxy(to))
    return { allowed: true, protocol: 'http', meaning: 'HTTP request', sameContainer: false };
  if (isClient(from) && (isWsgiServer(to) || isApp(to)) && upstream)
    return {
      allowed: true,
      protocol: 'http',
      meaning: `HTTP straight to ${upstream.name}`,
      sameContainer: false,
      alwaysError: EXPOSED,
    };
  if (isProxy(from) && isStatic(to))
    return {
      allowed: true,
      protocol: 'static',
      meaning: `${noun(source)} serves the built files`,
      sameContainer: true,
    };
  if (isProxy(from) && (isWsgiServer(to) || isApp(to)) && upstream) {
    // Props that choose the protocol let the edge choose the directive too.
    const directives = upstream.protocolOf ? 'uwsgi_pass or proxy_pass' : matchingPass(upstream.protocol);
    return {
      allowed: true,
      protocol: upstream.protocol,
      meaning: `${directives} to ${upstream.name}`,
      sameContainer: false,
    };
  }
  if (isWsgiServer(from) && isApp(to))
    return {
      allowed: true,
      protocol: 'wsgi',
      meaning: 'imports module:callable in-process',
      sameContainer: true,
    };
  if (isApp(from) && isDatabase(to))
    return { allowed: true, protocol: 'file', meaning: 'opens the database file', sameContainer: true };
  return null;
}

/** Why a refused pair is refused, in the words of the roles involved. */
function refusal(source: NodeKind, target: NodeKind): string {
  const from = { kind: source };
  const to = { kind: target };
  if (isDatabase(from)) return `${capitalized(noun(source))} is a file that the app opens; it calls nothing.`;
  if (isStatic(from))
    return `${capitalized(noun(source))} is static files that ${nounsOf('proxy')} serves; it calls nothing on the server.`;
  if (isClient(to)) return 'Nothing in the stack calls the client: edges point from caller to callee.';
  if (isDatabase(to)) return `Only ${nounsOf('app')} opens a ${noun(target)} file.`;
  if (isStatic(to)) return `Only ${nounsOf('proxy')} serves ${noun(target)}.`;
  if (isClient(from)) return `${capitalized(noun(source))} reaches the stack through ${nounsOf('proxy')}.`;
  if (isProxy(to)) return `${capitalized(noun(target))} is the front door: only clients connect to it.`;
  if (isApp(from)) return `${capitalized(noun(source))} only opens its ${nounsOf('database')} database.`;
  if (isWsgiServer(from)) return `${noun(source)} only runs ${nounsOf('app')}.`;
  return `${noun(source)} cannot call ${noun(target)}.`;
}

function judge(source: NodeKind, target: NodeKind): ConnectionVerdict {
  return (
    allowed(source, target) ?? {
      allowed: false,
      reason: `${noun(source)} → ${noun(target)} is not a connection: ${refusal(source, target)}`,
    }
  );
}

/** Every pair of kinds judged once, from the registry: the canvas asks on every hover. */
const VERDICTS: ReadonlyMap<NodeKind, ReadonlyMap<NodeKind, ConnectionVerdict>> = new Map(
  NODE_KINDS.map((source) => [
    source,
    new Map(NODE_KINDS.map((target) => [target, Object.freeze(judge(source, target))])),
  ]),
);

/** The one connection matrix for the canvas and the validator. */
export function canConnect(source: NodeKind, target: NodeKind): ConnectionVerdict {
  return VERDICTS.get(source)!.get(target)!;
}

/** Acronyms, shown in capitals; the uwsgi wire protocol is written lowercase, as uWSGI's docs do. */
const ACRONYMS: ReadonlySet<Protocol> = new Set<Protocol>(['http', 'wsgi']);

/** The label an edge shows on the canvas: what flows over it. */
export function protocolLabel(protocol: Protocol): string {
  return ACRONYMS.has(protocol) ? protocol.toUpperCase() : protocol;
}

/** The nginx directive that speaks a protocol: `uwsgi_pass` for uWSGI's `socket`, `proxy_pass` for HTTP. */
export function matchingPass(protocol: ProxiedProtocol): PassDirective {
  return protocol === 'http' ? 'proxy_pass' : 'uwsgi_pass';
}

/**
 * The directive a proxy edge to this node uses by default, when its props choose the protocol
 * (uWSGI's `socket` or `http-socket`); undefined for kinds with one protocol (no `pass` on the edge).
 */
export function passFor(node: { kind: NodeKind; props: object }): PassDirective | undefined {
  const protocolOf = upstreamOf(node.kind)?.protocolOf;
  return protocolOf ? matchingPass(protocolOf(node.props)) : undefined;
}
