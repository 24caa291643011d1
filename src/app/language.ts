/**
 * The designer's language: the first visit follows the browser, the choice is remembered, and
 * <html lang> follows it. Korean is fetched only when chosen, so English users never download it.
 */
import { isLang, langFromLocale, loadCatalogue, type Lang } from '../i18n';
import { formatLoadError, type LoadError } from '../model/load';
import { useAppStore } from '../store';

const STORAGE_KEY = 'stacksketch.lang';

function remembered(): Lang | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLang(value) ? value : null;
  } catch {
    return null;
  }
}

/** The remembered choice, else the browser's preferred languages. */
export function initialLang(): Lang {
  const preferred = navigator.languages?.length ? navigator.languages[0] : navigator.language;
  return remembered() ?? langFromLocale(preferred);
}

/** Load the language's words and switch every visible text at once; `remember` keeps the choice. */
export async function switchLanguage(lang: Lang, remember: boolean): Promise<void> {
  const catalogue = await loadCatalogue(lang);
  useAppStore.getState().setCatalogue(catalogue);
  document.documentElement.lang = lang;
  if (!remember) return;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Private modes may refuse storage: the choice then lasts for this visit.
  }
}

/** A field check's sentence (English, from the checks) in the UI's language. */
export function useFieldProblem(): (problem: string) => string {
  return useAppStore((state) => state.catalogue.fieldProblem ?? sameSentence);
}

const sameSentence = (problem: string) => problem;

/** The current catalogue's UI words, for components. */
export function useText() {
  return useAppStore((state) => state.catalogue.ui);
}

/** Why a file or link could not be opened, in the UI's current language. */
export function loadErrorText(error: LoadError): string {
  return formatLoadError(error, useAppStore.getState().catalogue.loadError);
}
