import { createStore, type StoreApi } from 'zustand/vanilla';

/**
 * Two tabs of StackSketch share one autosave slot. Each save is stamped (tab id, revision, content digest)
 * under a second key; a tab that is about to save over a newer save from another tab stops autosaving and
 * asks its user which design to keep, so neither tab silently overwrites the other.
 */
export const AUTOSAVE_META_KEY = 'stacksketch:autosave-meta';

export interface AutosaveMeta {
  tabId: string;
  /** Grows by one with every save from any tab. */
  revision: number;
  /** Digest of the saved design text: the same design saved twice is not a conflict. */
  digest: string;
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
   * or wrote the slot. `content` must be the design's deterministic text (not a timestamped wrapper).
   */
  save: (content: string, write: () => void) => SaveOutcome;
  /** The user chose the other tab's design: accept its revision and resume autosaving. */
  acceptOther: () => void;
  /** The user chose this tab's design: write the latest blocked save over the other tab's and resume. */
  overwrite: () => void;
}

/** FNV-1a, 32 bit: enough to tell two designs apart in one browser, not a security measure. */
export function digestOf(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `${text.length.toString(36)}-${(hash >>> 0).toString(36)}`;
}

/** The stored stamp, or null when missing or not shaped like one (the slot is shared and untrusted). */
export function parseMeta(text: string | null): AutosaveMeta | null {
  if (text === null) return null;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return null;
    const { tabId, revision, digest } = value as Record<string, unknown>;
    if (typeof tabId !== 'string' || typeof digest !== 'string') return null;
    if (typeof revision !== 'number' || !Number.isSafeInteger(revision) || revision < 0) return null;
    return { tabId, revision, digest };
  } catch {
    return null;
  }
}

function newTabId(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return `tab-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

export function createTabGuard(storage: KeyValueStorage, tabId: string = newTabId()): TabGuard {
  const state = createStore<TabGuardState>()(() => ({ conflict: null }));

  function readMeta(): AutosaveMeta | null {
    try {
      return parseMeta(storage.getItem(AUTOSAVE_META_KEY));
    } catch {
      return null;
    }
  }

  // What this tab has seen: the slot as it was when the tab started (and restored from it).
  let seenRevision = readMeta()?.revision ?? 0;
  let blocked: { content: string; write: () => void } | null = null;

  function stampAndWrite(content: string, write: () => void, previous: AutosaveMeta | null) {
    write();
    const meta: AutosaveMeta = { tabId, revision: (previous?.revision ?? 0) + 1, digest: digestOf(content) };
    try {
      storage.setItem(AUTOSAVE_META_KEY, JSON.stringify(meta));
    } catch {
      // Storage full or blocked: the save itself already reported its own failure, if any.
    }
    seenRevision = meta.revision;
  }

  function save(content: string, write: () => void): SaveOutcome {
    if (state.getState().conflict) {
      blocked = { content, write };
      return 'blocked';
    }
    const meta = readMeta();
    const digest = digestOf(content);
    if (meta && meta.digest === digest) {
      // The slot already holds this very design (ours, or the other tab's that we just loaded).
      seenRevision = Math.max(seenRevision, meta.revision);
      return 'unchanged';
    }
    if (meta && meta.tabId !== tabId && meta.revision > seenRevision) {
      blocked = { content, write };
      state.setState({ conflict: { otherTabId: meta.tabId, revision: meta.revision } });
      return 'blocked';
    }
    stampAndWrite(content, write, meta);
    return 'written';
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
    if (pending) stampAndWrite(pending.content, pending.write, readMeta());
  }

  return { tabId, state, save, acceptOther, overwrite };
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
