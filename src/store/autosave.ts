import { parseDesign } from '../model/load';
import { formatLoadError } from '../model/load';
import type { Design } from '../model/design';
import { serializeDesign } from '../model/serialize';
import { tabGuard } from './tabGuard';

/** Where the editor keeps the design between visits. */
export const AUTOSAVE_KEY = 'stacksketch:autosave';
const DEBOUNCE_MS = 300;

let lastProblem: string | null = null;

/** The autosaved design, or null when there is none or it cannot be read (see autosaveProblem). */
export function readAutosave(): Design | null {
  lastProblem = null;
  let text: string | null;
  try {
    text = localStorage.getItem(AUTOSAVE_KEY);
  } catch {
    return null;
  }
  if (text === null) return null;
  const result = parseDesign(text);
  if (!result.ok) {
    const first = result.errors[0];
    lastProblem = `The design saved in this browser could not be read (${first ? formatLoadError(first) : 'unknown problem'}), so StackSketch started without it.`;
    return null;
  }
  return result.design;
}

/** Why the last readAutosave() returned nothing although something was stored. */
export function autosaveProblem(): string | null {
  return lastProblem;
}

export function writeAutosave(design: Design): boolean {
  try {
    const text = serializeDesign(design);
    // Another tab may share the slot: the guard holds the save back instead of overwriting a newer one.
    if (!tabGuard) localStorage.setItem(AUTOSAVE_KEY, text);
    else return tabGuard.save(text, () => localStorage.setItem(AUTOSAVE_KEY, text)) !== 'blocked';
    return true;
  } catch {
    // Storage full or disabled: the design stays in memory; Save still works.
    return false;
  }
}

interface DesignSource {
  getState: () => { design: Design };
  subscribe: (listener: (state: { design: Design }, previous: { design: Design }) => void) => () => void;
}

/**
 * Save the design on every change (debounced) and when the page is hidden or closed.
 * Returns a function that stops autosaving.
 */
export function startAutosave(store: DesignSource): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending: Design | null = null;
  const flush = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (pending) writeAutosave(pending);
    pending = null;
  };
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.design === previous.design) return;
    pending = state.design;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(flush, DEBOUNCE_MS);
  });
  const onHide = () => flush();
  window.addEventListener('pagehide', onHide);
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') flush();
  };
  document.addEventListener('visibilitychange', onVisibility);
  return () => {
    flush();
    unsubscribe();
    window.removeEventListener('pagehide', onHide);
    document.removeEventListener('visibilitychange', onVisibility);
  };
}
