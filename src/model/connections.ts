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
} from '../nodes/registry';
import type { ProxiedProtocol, Upstream } from '../nodes/types';
import type { Lang } from '../i18n/lang';
import type { PassDirective } from './design';

/**
 * Why a pair of kinds may not be connected: a code and the kinds it speaks of (role lists: every kind
 * playing the role). The catalogues in src/i18n word each code in each language.
 */
export interface RefusalParams {
  databaseCallsNothing: { source: NodeKind };
  staticCallsNothing: { source: NodeKind; proxies: NodeKind[] };
  clientIsCalled: Record<string, never>;
  onlyAppsOpenDatabase: { target: NodeKind; apps: NodeKind[] };
  onlyProxiesServeStatic: { target: NodeKind; proxies: NodeKind[] };
  clientGoesThroughProxy: { source: NodeKind; proxies: NodeKind[] };
  proxyIsFrontDoor: { target: NodeKind };
  appOpensOnlyDatabase: { source: NodeKind; databases: NodeKind[] };
  serverRunsOnlyApp: { source: NodeKind; apps: NodeKind[] };
  cannotCall: { source: NodeKind; target: NodeKind };
}

export type RefusalCode = keyof RefusalParams;

/** One refusal: its code with that code's parameters. */
export type Refusal = { [Code in RefusalCode]: { code: Code; params: RefusalParams[Code] } }[RefusalCode];

/** A pair of kinds the matrix refuses, and why. */
export interface RefusedPair {
  source: NodeKind;
  target: NodeKind;
  refusal: Refusal;
}

/**
 * What an allowed connection does: a code and the facts it speaks of (the kinds at its ends, the nginx
 * directives that may carry it). The catalogues in src/i18n word each code in each language, a
 * server or app by its upstream name ("the Flask dev server").
 */
export interface MeaningParams {
  httpRequest: Record<never, never>;
  httpStraightTo: { upstream: NodeKind };
  servesBuiltFiles: { source: NodeKind };
  passesTo: { directives: PassDirective[]; upstream: NodeKind };
  importsInProcess: Record<never, never>;
  opensDatabaseFile: Record<never, never>;
}

export type MeaningCode = keyof MeaningParams;

/** One meaning: its code with that code's parameters. */
export type Meaning = { [Code in MeaningCode]: { code: Code; params: MeaningParams[Code] } }[MeaningCode];

export type ConnectionVerdict =
  | { allowed: true; protocol: Protocol; meaning: Meaning; sameContainer: boolean }
  | ({ allowed: false } & RefusedPair);

/** A pair of kinds the matrix allows, with what flows over it and what it does. */
export type AllowedVerdict = Extract<ConnectionVerdict, { allowed: true }>;

const upstreamOf = (kind: NodeKind) => KINDS[kind].upstream as Upstream<object> | undefined;

/**
 * The connection matrix, over roles: who may call whom, what flows over the edge and whether both
 * ends must share a container. The kind's own facts (its name, the protocol it speaks to a proxy)
 * come from its descriptor. Null: refused.
 */
function allowed(source: NodeKind, target: NodeKind): AllowedVerdict | null {
  const from = { kind: source };
  const to = { kind: target };
  const upstream = upstreamOf(target);
  if (isClient(from) && isProxy(to))
    return {
      allowed: true,
      protocol: 'http',
      meaning: { code: 'httpRequest', params: {} },
      sameContainer: false,
    };
  if (isClient(from) && (isWsgiServer(to) || isApp(to)) && upstream)
    return {
      allowed: true,
      protocol: 'http',
      meaning: { code: 'httpStraightTo', params: { upstream: target } },
      sameContainer: false,
    };
  if (isProxy(from) && isStatic(to))
    return {
      allowed: true,
      protocol: 'static',
      meaning: { code: 'servesBuiltFiles', params: { source } },
      sameContainer: true,
    };
  if (isProxy(from) && (isWsgiServer(to) || isApp(to)) && upstream) {
    // Props that choose the protocol let the edge choose the directive too.
    const directives: PassDirective[] = upstream.protocolOf
      ? ['uwsgi_pass', 'proxy_pass']
      : [matchingPass(upstream.protocol)];
    return {
      allowed: true,
      protocol: upstream.protocol,
      meaning: { code: 'passesTo', params: { directives, upstream: target } },
      sameContainer: false,
    };
  }
  if (isWsgiServer(from) && isApp(to))
    return {
      allowed: true,
      protocol: 'wsgi',
      meaning: { code: 'importsInProcess', params: {} },
      sameContainer: true,
    };
  if (isApp(from) && isDatabase(to))
    return {
      allowed: true,
      protocol: 'file',
      meaning: { code: 'opensDatabaseFile', params: {} },
      sameContainer: true,
    };
  return null;
}

/** Why a refused pair is refused, in terms of the roles involved. */
function refusal(source: NodeKind, target: NodeKind): Refusal {
  const from = { kind: source };
  const to = { kind: target };
  if (isDatabase(from)) return { code: 'databaseCallsNothing', params: { source } };
  if (isStatic(from))
    return { code: 'staticCallsNothing', params: { source, proxies: kindsWithRole('proxy') } };
  if (isClient(to)) return { code: 'clientIsCalled', params: {} };
  if (isDatabase(to)) return { code: 'onlyAppsOpenDatabase', params: { target, apps: kindsWithRole('app') } };
  if (isStatic(to))
    return { code: 'onlyProxiesServeStatic', params: { target, proxies: kindsWithRole('proxy') } };
  if (isClient(from))
    return { code: 'clientGoesThroughProxy', params: { source, proxies: kindsWithRole('proxy') } };
  if (isProxy(to)) return { code: 'proxyIsFrontDoor', params: { target } };
  if (isApp(from))
    return { code: 'appOpensOnlyDatabase', params: { source, databases: kindsWithRole('database') } };
  if (isWsgiServer(from))
    return { code: 'serverRunsOnlyApp', params: { source, apps: kindsWithRole('app') } };
  return { code: 'cannotCall', params: { source, target } };
}

function judge(source: NodeKind, target: NodeKind): ConnectionVerdict {
  return allowed(source, target) ?? { allowed: false, source, target, refusal: refusal(source, target) };
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

/** Protocols that are not identifiers but words: what nginx serves from its disk, what an app opens. */
type WordedProtocol = Extract<Protocol, 'static' | 'file'>;

/** The worded protocols in each language (docs/glossary.ko.md); identifiers read the same in every language. */
export const PROTOCOL_WORDS: Record<Lang, Record<WordedProtocol, string>> = {
  en: { static: 'static', file: 'file' },
  ko: { static: '정적 파일', file: '파일' },
};

const isWorded = (protocol: Protocol): protocol is WordedProtocol => protocol in PROTOCOL_WORDS.en;

/** The label an edge shows on every picture of the design: what flows over it, worded in `lang`. */
export function protocolLabel(protocol: Protocol, lang: Lang = 'en'): string {
  if (isWorded(protocol)) return PROTOCOL_WORDS[lang][protocol];
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
