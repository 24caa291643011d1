import { create } from 'zustand';
import type { Design } from '../model/design';
import { initialDesign } from '../app/startup';
import { createDesignSlice, type DesignSlice } from './designSlice';
import { createSelectionSlice, type SelectionSlice } from './selectionSlice';
import { createUiSlice, type UiSlice } from './uiSlice';

export type AppState = DesignSlice & SelectionSlice & UiSlice;

export function createAppStore(initial: Design) {
  return create<AppState>()((...args) => ({
    ...createDesignSlice(initial)(...args),
    ...createSelectionSlice(...args),
    ...createUiSlice(...args),
  }));
}

/** The editor's store, opened with the autosaved design (or a template) — see src/app/startup.ts. */
export const useAppStore = createAppStore(initialDesign());
