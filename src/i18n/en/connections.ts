/**
 * What a connection does or why it is refused, in English: one message per meaning and refusal code
 * of the connection matrix (src/model/connections.ts) and of `connectionProblem`. Kinds arrive as the
 * nouns (or upstream names) below, role lists and directive lists already joined ("a Flask app or a
 * Django app").
 */
import type { MeaningCode, MeaningParams, RefusalCode, RefusalParams } from '../../model/connections';
import { KINDS, NODE_KINDS, type NodeKind } from '../../nodes/registry';

/** A refusal's parameters as a message receives them: each kind, or list of kinds, in words. */
export type RefusalWords<Code extends RefusalCode> = { [Name in keyof RefusalParams[Code]]: string };

type ReasonMessages = { [Code in RefusalCode]: (p: RefusalWords<Code>) => string };

/** A meaning's parameters as a message receives them: each kind or list of directives, in words. */
export type MeaningWords<Code extends MeaningCode> = { [Name in keyof MeaningParams[Code]]: string };

type MeaningMessages = { [Code in MeaningCode]: (p: MeaningWords<Code>) => string };

/** A noun opening a sentence. String(): the catalogue checks hand messages stand-ins for their values. */
function capitalized(noun: string): string {
  const text = String(noun);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const reasons = {
  databaseCallsNothing: (p) => `${capitalized(p.source)} is a file that the app opens; it calls nothing.`,
  staticCallsNothing: (p) =>
    `${capitalized(p.source)} is static files that ${p.proxies} serves; it calls nothing on the server.`,
  clientIsCalled: () => 'Nothing in the stack calls the client: edges point from caller to callee.',
  onlyAppsOpenDatabase: (p) => `Only ${p.apps} opens a ${p.target} file.`,
  onlyProxiesServeStatic: (p) => `Only ${p.proxies} serves ${p.target}.`,
  clientGoesThroughProxy: (p) => `${capitalized(p.source)} reaches the stack through ${p.proxies}.`,
  proxyIsFrontDoor: (p) => `${capitalized(p.target)} is the front door: only clients connect to it.`,
  appOpensOnlyDatabase: (p) => `${capitalized(p.source)} only opens its ${p.databases} database.`,
  serverRunsOnlyApp: (p) => `${p.source} only runs ${p.apps}.`,
  cannotCall: (p) => `${p.source} cannot call ${p.target}.`,
} satisfies ReasonMessages;

const meanings = {
  httpRequest: () => 'HTTP request',
  httpStraightTo: (p) => `HTTP straight to ${p.upstream}`,
  servesBuiltFiles: (p) => `${p.source} serves the built files`,
  passesTo: (p) => `${p.directives} to ${p.upstream}`,
  importsInProcess: () => 'imports module:callable in-process',
  opensDatabaseFile: () => 'opens the database file',
} satisfies MeaningMessages;

export const connectionMessages = {
  /** How connection messages name each kind ("Gunicorn", "a Flask app", "SQLite"). */
  nouns: Object.fromEntries(NODE_KINDS.map((kind) => [kind, KINDS[kind].noun])) as Record<NodeKind, string>,
  /**
   * How connection messages name a server or app its caller talks to ("the Flask dev server"); a kind
   * no one calls over the network keeps its noun.
   */
  upstreams: Object.fromEntries(
    NODE_KINDS.map((kind) => [kind, KINDS[kind].upstream?.name ?? KINDS[kind].noun]),
  ) as Record<NodeKind, string>,
  /** The kinds playing one role (or the directives that may carry an edge), as alternatives. */
  either: (p: { nouns: string[] }) => p.nouns.join(' or '),
  /** A pair of kinds the matrix refuses, and why. */
  refused: (p: { source: string; target: string; reason: string }) =>
    `${p.source} → ${p.target} is not a connection: ${p.reason}`,
  reasons,
  /** What an allowed connection does: "proxy_pass to Gunicorn". */
  meanings,
  self: 'A node cannot connect to itself.',
  notNodes: 'Both ends of a connection must be nodes.',
  alreadyConnected: (p: { source: string; target: string }) =>
    `${p.source} is already connected to ${p.target}.`,
};

export type ConnectionMessages = typeof connectionMessages;
