import { create } from 'zustand';
import type { Design } from '../model/design';
import type { History } from './savedHistory';
import { initialDesign } from '../app/startup';
import { createDesignSlice, type DesignSlice } from './designSlice';
import { createSelectionSlice, type SelectionSlice } from './selectionSlice';
import { createUiSlice, type UiSlice } from './uiSlice';

export type AppState = DesignSlice & SelectionSlice & UiSlice;

export function createAppStore(initial: Design, history: History | null = null) {
  return create<AppState>()((...args) => ({
    ...createDesignSlice(initial, history)(...args),
    ...createSelectionSlice(...args),
    ...createUiSlice(...args),
  }));
}

/**
 * The editor's store, opened with the autosaved design and its undo history (or a share link's
 * design, or a template) — see src/app/startup.ts.
 */
const opening = initialDesign();
export const useAppStore = createAppStore(opening.design, opening.history);
