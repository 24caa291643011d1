/**
 * What a kind knows about the config file it writes into the bundle, for the editor: which bundle
 * files it is, how its lines read, its grammar when Monaco has none, and what each directive does.
 * A kind that writes one keeps it in `src/nodes/<kind>/configFile.ts`; the editor finds it there and
 * loads it with Monaco (the editor's first load and the CLI never do).
 */
import type { languages } from 'monaco-editor/editor';

/** What a directive does, and why the bundle sets it (the editor's hover). */
export interface DirectiveDoc {
  /** What the directive does. */
  what: string;
  /** Why the generated file sets it (the reasoning behind the value). */
  why: string;
}

/**
 * How a config file's lines read: `name value;` statements with `#` comments, Python `name = value`
 * assignments with `#` comments, or ini `name = value` options (hyphenated names, `#` and `;` comments).
 */
export type ConfigSyntax = 'statements' | 'assignments' | 'ini';

export interface KindConfigFile {
  /** The program the file configures, as the hover's heading names it ("uWSGI"). */
  program: string;
  /** Whether a bundle file, by its base name, is this file. */
  matches: (baseName: string) => boolean;
  syntax: ConfigSyntax;
  /** The file's Monaco grammar, for a format Monaco does not colour itself (absent: by extension). */
  grammar?: {
    id: string;
    tokens: languages.IMonarchLanguage;
    configuration: languages.LanguageConfiguration;
  };
  /** Each documented directive by name, in English and Korean (the same names in both). */
  directives: { en: Record<string, DirectiveDoc>; ko: Record<string, DirectiveDoc> };
}
