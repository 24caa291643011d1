import type { Design } from '../model/design';
import { parseDesign } from '../model/load';
import { serializeDesign } from '../model/serialize';

/**
 * The undo history and the "unsaved" mark, kept beside the autosaved design so a reload loses
 * neither: Ctrl+Z still steps back, and replacing the design still asks first.
 */
export const HISTORY_KEY = 'stacksketch:autosave-history';

/** At most this many undo and redo steps are kept, the nearest first. */
export const SAVED_STEPS = 50;
/** …and at most this many characters of them, so a large design cannot fill the browser's storage. */
export const SAVED_HISTORY_CHARS = 1_500_000;

export interface History {
  past: Design[];
  future: Design[];
  /** Changed since it was last loaded, saved to a file or downloaded. */
  dirty: boolean;
}

interface StoredHistory {
  format: 'stacksketch-history/1';
  /** The design the history belongs to: a history beside another design is ignored. */
  design: string;
  dirty: boolean;
  past: string[];
  future: string[];
}

/** The nearest steps that fit the budget: `steps` ordered nearest first. */
function nearestWithin(steps: readonly Design[], budget: { chars: number }): string[] {
  const kept: string[] = [];
  for (const step of steps.slice(0, SAVED_STEPS)) {
    const text = serializeDesign(step);
    if (text.length > budget.chars) break;
    budget.chars -= text.length;
    kept.push(text);
  }
  return kept;
}

/** The text stored for `design` with its history (undo steps nearest first, then redo steps). */
export function historyText(design: Design, history: History): string {
  const budget = { chars: SAVED_HISTORY_CHARS };
  const past = nearestWithin([...history.past].reverse(), budget).reverse();
  const future = nearestWithin(history.future, budget);
  const stored: StoredHistory = {
    format: 'stacksketch-history/1',
    design: serializeDesign(design),
    dirty: history.dirty,
    past,
    future,
  };
  return JSON.stringify(stored);
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function parseSteps(texts: readonly string[]): Design[] | null {
  const designs: Design[] = [];
  for (const text of texts) {
    const result = parseDesign(text);
    if (!result.ok) return null;
    designs.push(result.design);
  }
  return designs;
}

/**
 * The history stored for `design`, or null when there is none, it belongs to another design (another
 * tab saved since), or any part of it cannot be read (the slot is shared and untrusted).
 */
export function readHistory(text: string | null, design: Design): History | null {
  if (text === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const stored = value as Partial<Record<keyof StoredHistory, unknown>>;
  if (stored.format !== 'stacksketch-history/1' || typeof stored.dirty !== 'boolean') return null;
  if (typeof stored.design !== 'string' || stored.design !== serializeDesign(design)) return null;
  if (!isStringArray(stored.past) || !isStringArray(stored.future)) return null;
  const past = parseSteps(stored.past.slice(-SAVED_STEPS));
  const future = parseSteps(stored.future.slice(0, SAVED_STEPS));
  if (!past || !future) return null;
  return { past, future, dirty: stored.dirty };
}
