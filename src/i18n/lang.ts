/** The languages StackSketch speaks, and how a language is chosen from the environment. */
export const LANGS = ['en', 'ko'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'en';

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** A locale tag (`ko-KR`, `ko_KR.UTF-8`, `en-US`) to the language it asks for; anything else is English. */
export function langFromLocale(locale: string | undefined | null): Lang {
  return /^ko(?:[-_.@]|$)/i.test(locale ?? '') ? 'ko' : DEFAULT_LANG;
}

/** The CLI's default language: `LC_ALL` wins over `LANG`, as the C library reads them. */
export function langFromEnv(env: Readonly<Record<string, string | undefined>>): Lang {
  return langFromLocale(env.LC_ALL || env.LC_MESSAGES || env.LANG);
}
