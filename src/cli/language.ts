/** The CLI's language: `--lang en|ko` anywhere on the command line, else LC_ALL / LANG, else English. */
import { cliMessages as englishCli } from '../i18n/en/cli';
import { cliMessages as koreanCli } from '../i18n/ko/cli';
import { importNoteInKorean } from '../i18n/ko/imports';
import { loadErrorInKorean } from '../i18n/ko/loadErrors';
import { TEMPLATE_TEXT_KO } from '../model/templates.ko';
import { TEMPLATES, type TemplateId } from '../model/templates';
import { ruleMessages as koreanRules } from '../i18n/ko/rules';
import { isLang, langFromEnv, type Lang, type RuleMessages } from '../i18n';
import { ruleMessages as EN_RULE_MESSAGES } from '../i18n/en/rules';

export type CliMessages = typeof englishCli;

export interface CliLanguage {
  lang: Lang;
  cli: CliMessages;
  rules: RuleMessages;
  /** An import report entry (written in English by the readers) in this language. */
  importNote: (message: string) => string;
  /** Why a design file could not be loaded (written in English by the loader) in this language. */
  loadError: (message: string) => string;
  /** A template's title in this language, for `templates`. */
  templateTitle: (id: TemplateId) => string;
}

export function cliLanguage(lang: Lang): CliLanguage {
  return lang === 'ko'
    ? {
        lang,
        cli: koreanCli,
        rules: koreanRules,
        importNote: importNoteInKorean,
        loadError: loadErrorInKorean,
        templateTitle: (id) => TEMPLATE_TEXT_KO[id].title,
      }
    : {
        lang,
        cli: englishCli,
        rules: EN_RULE_MESSAGES,
        importNote: sameMessage,
        loadError: sameMessage,
        templateTitle: (id) => TEMPLATES.find((template) => template.id === id)!.title,
      };
}

function sameMessage(message: string): string {
  return message;
}

export type LangOption =
  { ok: true; language: CliLanguage; args: string[] } | { ok: false; language: CliLanguage; lang: string };

/** Takes `--lang L` / `--lang=L` out of the arguments; an unknown language is a usage error. */
export function takeLangOption(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): LangOption {
  const fallback = cliLanguage(langFromEnv(env));
  const args: string[] = [];
  let chosen: string | undefined;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    if (arg === '--') {
      args.push(...argv.slice(index));
      break;
    }
    if (arg === '--lang') chosen = argv[++index] ?? '';
    else if (arg.startsWith('--lang=')) chosen = arg.slice('--lang='.length);
    else args.push(arg);
  }
  if (chosen === undefined) return { ok: true, language: fallback, args };
  if (!isLang(chosen)) return { ok: false, language: fallback, lang: chosen };
  return { ok: true, language: cliLanguage(chosen), args };
}
