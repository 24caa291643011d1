import { parseDesign, type LoadError } from '../model/load';
import type { Design } from '../model/design';
import { serializeDesign } from '../model/serialize';
import { HISTORY_KEY, historyText, readHistory, type History } from './savedHistory';
import { AUTOSAVE_META_KEY, tabGuard } from './tabGuard';

/** Where the editor keeps the design between visits. */
export const AUTOSAVE_KEY = 'stacksketch:autosave';
const DEBOUNCE_MS = 300;

let lastProblem: LoadError | null = null;

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
    lastProblem = result.errors[0] ?? { path: '', message: 'unknown problem' };
    return null;
  }
  return result.design;
}

/** Why the last readAutosave() returned nothing although something was stored (the UI words it). */
export function autosaveProblem(): LoadError | null {
  return lastProblem;
}

/** The undo history saved beside the autosaved `design`, or null (see readHistory). */
export function readAutosavedHistory(design: Design): History | null {
  try {
    return readHistory(localStorage.getItem(HISTORY_KEY), design);
  } catch {
    return null;
  }
}

/** Save the design, and its undo history and unsaved mark when given (a reload then keeps them). */
export function writeAutosave(design: Design, history?: History): boolean {
  try {
    const text = serializeDesign(design);
    const write = () => {
      localStorage.setItem(AUTOSAVE_KEY, text);
      if (history) writeHistory(design, history);
    };
    // Another tab may share the slot: the guard holds the save back instead of overwriting a newer one.
    if (!tabGuard) write();
    else {
      const outcome = tabGuard.save(text, write);
      if (outcome === 'unchanged' && history) writeHistory(design, history);
      return outcome !== 'blocked';
    }
    return true;
  } catch {
    // Storage full or disabled: the design stays in memory; Save still works.
    return false;
  }
}

function writeHistory(design: Design, history: History): void {
  try {
    localStorage.setItem(HISTORY_KEY, historyText(design, history));
  } catch {
    // Too big for what is left of the storage: the design itself is saved; the history is dropped.
    try {
      localStorage.removeItem(HISTORY_KEY);
    } catch {
      // Storage disabled: nothing to drop.
    }
  }
}

type Saved = { design: Design } & History;

interface DesignSource {
  getState: () => Saved;
  subscribe: (listener: (state: Saved, previous: Saved) => void) => () => void;
}

/**
 * Save the design on every change (debounced) and when the page is hidden or closed.
 * Returns a function that stops autosaving.
 */
export function startAutosave(store: DesignSource): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending: Saved | null = null;
  const flush = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (pending) writeAutosave(pending.design, pending);
    pending = null;
  };
  const unsubscribe = store.subscribe((state, previous) => {
    const same =
      state.design === previous.design &&
      state.past === previous.past &&
      state.future === previous.future &&
      state.dirty === previous.dirty;
    if (same) return;
    pending = state;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(flush, DEBOUNCE_MS);
  });
  // Another tab's autosave is noticed at once, not only when this tab next saves.
  const onStorage = (event: StorageEvent) => {
    if (event.key !== AUTOSAVE_META_KEY || !tabGuard) return;
    tabGuard.noticeOtherSave(event.newValue, () => {
      const current = store.getState();
      localStorage.setItem(AUTOSAVE_KEY, serializeDesign(current.design));
      writeHistory(current.design, current);
    });
  };
  window.addEventListener('storage', onStorage);
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
    window.removeEventListener('storage', onStorage);
    document.removeEventListener('visibilitychange', onVisibility);
  };
}
