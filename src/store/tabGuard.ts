import { createStore, type StoreApi } from 'zustand/vanilla';

/**
 * Two tabs of StackSketch share one autosave slot. Each save is stamped (tab id, revision) under a second
 * key; a tab that is about to save over a newer save from another tab stops autosaving and
 * asks its user which design to keep, so neither tab silently overwrites the other.
 */
export const AUTOSAVE_META_KEY = 'stacksketch:autosave-meta';
/** The slot itself (AUTOSAVE_KEY of autosave.ts, which imports this module). */
export const AUTOSAVE_SLOT_KEY = 'stacksketch:autosave';

export interface AutosaveMeta {
  tabId: string;
  /** Grows by one with every save from any tab. */
  revision: number;
}

export type SaveOutcome = 'written' | 'unchanged' | 'blocked';

export interface TabGuardState {
  /** Set while autosave is paused because another tab saved a newer design. */
  conflict: { otherTabId: string; revision: number } | null;
}

type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem'>;

export interface TabGuard {
  readonly tabId: string;
  readonly state: StoreApi<TabGuardState>;
  /**
   * Save `content` through `write` unless another tab saved a different design since this tab last read
   * or wrote the slot. `content` is exactly the text `write` puts in the slot.
   */
  save: (content: string, write: () => void) => SaveOutcome;
  /**
   * Another tab's save seen as it happens (a `storage` event carrying the new stamp): pause and ask at
   * once, as this tab's next save would; `writeMine` writes this tab's design if the user keeps it.
   */
  noticeOtherSave: (stamp: string | null, writeMine: () => void) => void;
  /** The user chose the other tab's design: accept its revision and resume autosaving. */
  acceptOther: () => void;
  /** The user chose this tab's design: write the latest blocked save over the other tab's and resume. */
  overwrite: () => void;
}

/** The stored stamp, or null when missing or not shaped like one (the slot is shared and untrusted). */
export function parseMeta(text: string | null): AutosaveMeta | null {
  if (text === null) return null;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return null;
    const { tabId, revision } = value as Record<string, unknown>;
    if (typeof tabId !== 'string') return null;
    if (typeof revision !== 'number' || !Number.isSafeInteger(revision) || revision < 0) return null;
    return { tabId, revision };
  } catch {
    return null;
  }
}

function newTabId(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return `tab-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

export function createTabGuard(
  storage: KeyValueStorage,
  tabId: string = newTabId(),
  slotKey: string = AUTOSAVE_SLOT_KEY,
): TabGuard {
  const state = createStore<TabGuardState>()(() => ({ conflict: null }));

  function readMeta(): AutosaveMeta | null {
    try {
      return parseMeta(storage.getItem(AUTOSAVE_META_KEY));
    } catch {
      return null;
    }
  }

  function readSlot(): string | null {
    try {
      return storage.getItem(slotKey);
    } catch {
      return null;
    }
  }

  // What this tab has seen: the slot as it was when the tab started (and restored from it).
  let seenRevision = readMeta()?.revision ?? 0;
  /** The latest save held back while paused: what "keep mine" writes. */
  let blocked: (() => void) | null = null;

  function stampAndWrite(write: () => void, previous: AutosaveMeta | null) {
    write();
    const meta: AutosaveMeta = { tabId, revision: (previous?.revision ?? 0) + 1 };
    try {
      storage.setItem(AUTOSAVE_META_KEY, JSON.stringify(meta));
    } catch {
      // Storage full or blocked: the save itself already reported its own failure, if any.
    }
    seenRevision = meta.revision;
  }

  function save(content: string, write: () => void): SaveOutcome {
    if (state.getState().conflict) {
      blocked = write;
      return 'blocked';
    }
    const meta = readMeta();
    if (readSlot() === content) {
      // The slot already holds this very design (ours, or the other tab's that we just loaded).
      seenRevision = Math.max(seenRevision, meta?.revision ?? 0);
      return 'unchanged';
    }
    if (meta && meta.tabId !== tabId && meta.revision > seenRevision) {
      blocked = write;
      state.setState({ conflict: { otherTabId: meta.tabId, revision: meta.revision } });
      return 'blocked';
    }
    stampAndWrite(write, meta);
    return 'written';
  }

  function noticeOtherSave(stamp: string | null, writeMine: () => void) {
    const meta = parseMeta(stamp);
    if (!meta || meta.tabId === tabId || meta.revision <= seenRevision) return;
    if (state.getState().conflict) {
      state.setState({ conflict: { otherTabId: meta.tabId, revision: meta.revision } });
      return;
    }
    blocked = writeMine;
    state.setState({ conflict: { otherTabId: meta.tabId, revision: meta.revision } });
  }

  function acceptOther() {
    seenRevision = Math.max(seenRevision, readMeta()?.revision ?? 0);
    blocked = null;
    state.setState({ conflict: null });
  }

  function overwrite() {
    const pending = blocked;
    blocked = null;
    state.setState({ conflict: null });
    if (pending) stampAndWrite(pending, readMeta());
  }

  return { tabId, state, save, noticeOtherSave, acceptOther, overwrite };
}

/** The guard of this browser tab (null outside a browser, e.g. in the CLI and unit tests). */
export const tabGuard: TabGuard | null =
  typeof window !== 'undefined' && typeof localStorage !== 'undefined' ? safeBrowserGuard() : null;

function safeBrowserGuard(): TabGuard | null {
  try {
    return createTabGuard(localStorage);
  } catch {
    return null;
  }
}
