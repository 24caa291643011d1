/**
 * The embed's language: the reader's browser decides (an embed sits in someone else's page and keeps
 * nothing), Korean loaded as its own chunk before the first paint.
 */
import { EN_CATALOGUE, langFromLocale, loadCatalogue, type Catalogue } from '../i18n';

let current: Catalogue = EN_CATALOGUE;

export async function chooseEmbedLanguage(): Promise<void> {
  const lang = langFromLocale(navigator.languages?.[0] ?? navigator.language);
  current = await loadCatalogue(lang);
  document.documentElement.lang = lang;
}

export function embedCatalogue(): Catalogue {
  return current;
}
