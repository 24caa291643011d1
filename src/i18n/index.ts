/**
 * StackSketch's own typed catalogues: English is the source of every key, Korean is typed against it
 * (a missing or extra key fails `npm run typecheck`), and messages with values are functions of named
 * parameters. Pure: the rules, the exporters and the CLI use it without React or the DOM.
 */
import type { ConnectionMessages } from './en/connections';
import type { ruleMessages, RuleDocText, RuleId } from './en/rules';
import { uiMessages } from './en/ui';
import type { Lang } from './lang';
import { NODE_KINDS } from '../nodes/registry';
import type { KindText, NodeKind } from '../nodes/types';
import type { TemplateId } from '../model/templates';

export * from './lang';
export type { RuleDocText, RuleId } from './en/rules';

/** The rules' texts: messages and quick-fix labels. */
export type RuleMessages = typeof ruleMessages;

/** The designer's words. */
export type UiMessages = typeof uiMessages;

/** Everything the designer shows in one language. */
export interface Catalogue {
  lang: Lang;
  ui: UiMessages;
  /**
   * The rules' messages in this language; absent for English, whose messages load with the rules
   * themselves (the editor's first paint does not need them).
   */
  rules?: RuleMessages;
  /**
   * Why a connection is refused, in this language; absent for English, whose words load after the
   * first paint (only a drag onto a refused node or a refused edge needs them).
   */
  connection?: ConnectionMessages;
  /** The rules' docs in this language; absent for English, whose docs live beside each rule. */
  ruleDocs?: Record<RuleId, RuleDocText>;
  /** The kinds' roles and docs in this language; absent for English, whose words are in the descriptors. */
  kinds?: Record<NodeKind, KindText>;
  /** The templates' titles and summaries in this language; absent for English. */
  templates?: Record<TemplateId, { title: string; summary: string }>;
  /** A field check's sentence in this language; absent for English, the checks' own language. */
  fieldProblem?: (problem: string) => string;
  /** An import report entry (the readers write English) in this language; absent for English. */
  importNote?: (message: string) => string;
  /** Why a file or link could not be opened (the loader writes English) in this language; absent for English. */
  loadError?: (message: string) => string;
}

export const EN_CATALOGUE: Catalogue = { lang: 'en', ui: uiMessages };

/** A language's catalogue, loaded on demand: the browser fetches Korean only when it is chosen. */
export async function loadCatalogue(lang: Lang): Promise<Catalogue> {
  if (lang === 'en') return EN_CATALOGUE;
  const korean = await import('./ko');
  return {
    lang,
    ui: korean.uiMessages,
    rules: korean.ruleMessages,
    connection: korean.connectionMessages,
    ruleDocs: korean.ruleDocs,
    kinds: await korean.loadKindTexts(NODE_KINDS),
    templates: korean.templateTexts,
    fieldProblem: korean.fieldProblemInKorean,
    importNote: korean.importNoteInKorean,
    loadError: korean.loadErrorInKorean,
  };
}
