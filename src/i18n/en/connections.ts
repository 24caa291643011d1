/**
 * Why a connection is refused, in English: one message per refusal code of the connection matrix
 * (src/model/connections.ts) and of `connectionProblem`. Kinds arrive as the nouns below, role lists
 * already joined ("a Flask app or a Django app").
 */
import type { RefusalCode, RefusalParams } from '../../model/connections';
import { KINDS, NODE_KINDS, type NodeKind } from '../../nodes/registry';

/** A refusal's parameters as a message receives them: each kind, or list of kinds, in words. */
export type RefusalWords<Code extends RefusalCode> = { [Name in keyof RefusalParams[Code]]: string };

type ReasonMessages = { [Code in RefusalCode]: (p: RefusalWords<Code>) => string };

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

export const connectionMessages = {
  /** How connection messages name each kind ("Gunicorn", "a Flask app", "SQLite"). */
  nouns: Object.fromEntries(NODE_KINDS.map((kind) => [kind, KINDS[kind].noun])) as Record<NodeKind, string>,
  /** The kinds playing one role, as alternatives. */
  either: (p: { nouns: string[] }) => p.nouns.join(' or '),
  /** A pair of kinds the matrix refuses, and why. */
  refused: (p: { source: string; target: string; reason: string }) =>
    `${p.source} → ${p.target} is not a connection: ${p.reason}`,
  reasons,
  self: 'A node cannot connect to itself.',
  notNodes: 'Both ends of a connection must be nodes.',
  alreadyConnected: (p: { source: string; target: string }) =>
    `${p.source} is already connected to ${p.target}.`,
};

export type ConnectionMessages = typeof connectionMessages;
