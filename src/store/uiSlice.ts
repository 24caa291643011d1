import type { StateCreator } from 'zustand';
import type { AppState } from './index';

export type ColorMode = 'system' | 'light' | 'dark';

export interface ConfirmRequest {
  title: string;
  message: string;
  confirmLabel: string;
  onConfirm: () => void;
}

export interface UiSlice {
  /** A user-facing error (bad file, bad link), shown in a role="alert" element. */
  alert: string | null;
  showAlert: (message: string | null) => void;
  colorMode: ColorMode;
  setColorMode: (mode: ColorMode) => void;
  /** The pending confirmation dialog (its confirming button is data-testid="confirm"). */
  confirm: ConfirmRequest | null;
  askConfirm: (request: ConfirmRequest | null) => void;
}

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  alert: null,
  showAlert: (message) => set({ alert: message }),
  colorMode: 'system',
  setColorMode: (mode) => set({ colorMode: mode }),
  confirm: null,
  askConfirm: (request) => set({ confirm: request }),
});
