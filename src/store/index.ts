import { create } from 'zustand';
import type { Design } from '../model/design';
import { loadTemplate } from '../model/templates';
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

export const useAppStore = createAppStore(loadTemplate('react-nginx-gunicorn'));
