/**
 * What a connection does or why it is refused, in one language: the core says it as codes
 * (src/model/connections.ts, `connectionProblem`), this words them from a language's connection
 * messages. Pure.
 */
import type { Meaning, MeaningCode, MeaningParams, RefusedPair } from '../model/connections';
import type { PassDirective } from '../model/design';
import type { ConnectionProblem } from '../model/edit';
import type { NodeKind } from '../nodes/types';
import { connectionMessages as ENGLISH, type ConnectionMessages } from './en/connections';
import type { Catalogue } from './index';

export type { ConnectionMessages } from './en/connections';

/** A refusal's kinds in words: a kind by its noun, a role's kinds as alternatives ("a Flask app or a Django app"). */
function wordsOf(params: object, text: ConnectionMessages): Record<string, string> {
  return Object.fromEntries(
    Object.entries(params as Record<string, NodeKind | NodeKind[]>).map(([name, kinds]) => [
      name,
      Array.isArray(kinds)
        ? text.either({ nouns: kinds.map((kind) => text.nouns[kind]) })
        : text.nouns[kinds],
    ]),
  );
}

/** Why the matrix refuses a pair of kinds: "nginx → SQLite is not a connection: Only a Flask app …". */
export function refusalText({ source, target, refusal }: RefusedPair, text: ConnectionMessages): string {
  // Each code's message reads that code's parameters, which TypeScript cannot pair up through the union.
  const reason = text.reasons[refusal.code] as (params: Record<string, string>) => string;
  return text.refused({
    source: text.nouns[source],
    target: text.nouns[target],
    reason: reason(wordsOf(refusal.params, text)),
  });
}

/** Every parameter name a meaning may have. */
type MeaningParamName = { [Code in MeaningCode]: keyof MeaningParams[Code] }[MeaningCode];

/** How each parameter of a meaning is put in words. */
const MEANING_PARAM_WORDS: {
  [Name in MeaningParamName]: (value: never, text: ConnectionMessages) => string;
} = {
  source: (kind: NodeKind, text) => text.nouns[kind],
  upstream: (kind: NodeKind, text) => text.upstreams[kind],
  directives: (directives: PassDirective[], text) => text.either({ nouns: directives }),
};

/** What an allowed connection does: "proxy_pass to Gunicorn", "nginx serves the built files". */
export function meaningText({ code, params }: Meaning, text: ConnectionMessages): string {
  const words = Object.fromEntries(
    Object.entries(params).map(([name, value]) => [
      name,
      MEANING_PARAM_WORDS[name as MeaningParamName](value as never, text),
    ]),
  );
  // Each code's message reads that code's parameters, which TypeScript cannot pair up through the union.
  const message = text.meanings[code] as (params: Record<string, string>) => string;
  return message(words);
}

/** Why a connection between two nodes is refused, in the messages' language. */
export function connectionProblemText(problem: ConnectionProblem, text: ConnectionMessages): string {
  switch (problem.code) {
    case 'self':
      return text.self;
    case 'notNodes':
      return text.notNodes;
    case 'alreadyConnected':
      return text.alreadyConnected(problem.params);
    case 'refused':
      return refusalText(problem.params, text);
  }
}

export interface ConnectionWords {
  /** What an allowed connection does. */
  meaning: (meaning: Meaning) => string;
  /** Why two nodes may not be connected. */
  problem: (problem: ConnectionProblem) => string;
  /** Why the matrix refuses a pair of kinds. */
  refusal: (pair: RefusedPair) => string;
}

/** What connections do and why they are refused, in a catalogue's language (English when it brings no words of its own). */
export function connectionWordsOf(catalogue: Catalogue): ConnectionWords {
  const messages = catalogue.connection ?? ENGLISH;
  return {
    meaning: (meaning) => meaningText(meaning, messages),
    problem: (problem) => connectionProblemText(problem, messages),
    refusal: (pair) => refusalText(pair, messages),
  };
}
