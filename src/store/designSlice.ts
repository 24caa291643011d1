import type { StateCreator } from 'zustand';
import { syncContainers } from '../model/containers';
import type { Design } from '../model/design';
import type { AppState } from './index';
import type { History } from './savedHistory';

export const HISTORY_LIMIT = 200;

export interface DesignSlice {
  design: Design;
  past: Design[];
  future: Design[];
  /** True when the design changed since it was last loaded, saved or downloaded. */
  dirty: boolean;
  /**
   * Apply one user action as one undo step. Returning the same design records nothing. Consecutive
   * commits with the same `coalesce` key (keystrokes in one field) share one undo step. The design's
   * container list follows the nodes' containers (see syncContainers in src/model/containers.ts).
   */
  commit: (recipe: (design: Design) => Design, options?: { coalesce?: string }) => void;
  /** The coalesce key of the last commit, so the next keystroke in the same field joins its step. */
  lastCoalesce: string | null;
  /** Counts whole-design replacements (template, file, link, new), so the canvas can fit the view. */
  loadCount: number;
  /** Replace the whole design (template, file, link) as one undo step. */
  replaceDesign: (design: Design, options?: { markClean?: boolean }) => void;
  undo: () => void;
  redo: () => void;
  markClean: () => void;
  /** End the current typing run: the next keystroke starts a new undo step. */
  breakCoalesce: () => void;
}

export function createDesignSlice(
  initial: Design,
  history: History | null = null,
): StateCreator<AppState, [], [], DesignSlice> {
  return (set) => ({
    design: initial,
    past: history?.past ?? [],
    future: history?.future ?? [],
    dirty: history?.dirty ?? false,
    lastCoalesce: null,
    loadCount: 0,
    commit: (recipe, options) =>
      set((state) => {
        const next = syncContainers(state.design, recipe(state.design));
        if (next === state.design) return state;
        const coalesce = options?.coalesce ?? null;
        const joinsLastStep = coalesce !== null && coalesce === state.lastCoalesce && state.past.length > 0;
        return {
          design: next,
          past: joinsLastStep ? state.past : [...state.past, state.design].slice(-HISTORY_LIMIT),
          future: [],
          dirty: true,
          lastCoalesce: coalesce,
        };
      }),
    replaceDesign: (design, options) =>
      set((state) => ({
        design,
        past: [...state.past, state.design].slice(-HISTORY_LIMIT),
        future: [],
        dirty: !options?.markClean,
        lastCoalesce: null,
        loadCount: state.loadCount + 1,
        selectedNodeIds: [],
        selectedEdgeIds: [],
        selectedContainer: null,
      })),
    undo: () =>
      set((state) => {
        const previous = state.past[state.past.length - 1];
        if (!previous) return state;
        return {
          design: previous,
          past: state.past.slice(0, -1),
          future: [state.design, ...state.future],
          dirty: true,
          lastCoalesce: null,
        };
      }),
    redo: () =>
      set((state) => {
        const next = state.future[0];
        if (!next) return state;
        return {
          design: next,
          past: [...state.past, state.design],
          future: state.future.slice(1),
          dirty: true,
          lastCoalesce: null,
        };
      }),
    markClean: () => set({ dirty: false, lastCoalesce: null }),
    breakCoalesce: () => set({ lastCoalesce: null }),
  });
}
