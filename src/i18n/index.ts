/**
 * StackSketch's own typed catalogues: English is the source of every key, Korean is typed against it
 * (a missing or extra key fails `npm run typecheck`), and messages with values are functions of named
 * parameters. Pure: the rules, the exporters and the CLI use it without React or the DOM.
 */
import { ruleMessages } from './en/rules';
import type { Lang } from './lang';

export * from './lang';
export type { RuleDocText, RuleId } from './en/rules';

/** The rules' texts: messages and quick-fix labels. */
export type RuleMessages = typeof ruleMessages;

export const EN_RULE_MESSAGES: RuleMessages = ruleMessages;

/** The rule texts of a language, loaded on demand (the browser fetches Korean only when it is chosen). */
export async function loadRuleMessages(lang: Lang): Promise<RuleMessages> {
  if (lang === 'en') return ruleMessages;
  return (await import('./ko/rules')).ruleMessages;
}
