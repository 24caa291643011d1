import type { StateCreator } from 'zustand';
import type { Design } from '../model/design';
import type { AppState } from './index';

export const HISTORY_LIMIT = 200;

export interface DesignSlice {
  design: Design;
  past: Design[];
  future: Design[];
  /** True when the design changed since it was last loaded, saved or downloaded. */
  dirty: boolean;
  /** Apply one user action as one undo step. Returning the same design records nothing. */
  commit: (recipe: (design: Design) => Design) => void;
  /** Replace the whole design (template, file, link) as one undo step. */
  replaceDesign: (design: Design, options?: { markClean?: boolean }) => void;
  undo: () => void;
  redo: () => void;
  markClean: () => void;
}

export function createDesignSlice(initial: Design): StateCreator<AppState, [], [], DesignSlice> {
  return (set) => ({
    design: initial,
    past: [],
    future: [],
    dirty: false,
    commit: (recipe) =>
      set((state) => {
        const next = recipe(state.design);
        if (next === state.design) return state;
        return {
          design: next,
          past: [...state.past, state.design].slice(-HISTORY_LIMIT),
          future: [],
          dirty: true,
        };
      }),
    replaceDesign: (design, options) =>
      set((state) => ({
        design,
        past: [...state.past, state.design].slice(-HISTORY_LIMIT),
        future: [],
        dirty: !options?.markClean,
        selectedNodeIds: [],
        selectedEdgeIds: [],
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
        };
      }),
    markClean: () => set({ dirty: false }),
  });
}
