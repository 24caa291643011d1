import type { StateCreator } from 'zustand';
import { EN_CATALOGUE, type Catalogue } from '../i18n';
import type { Position } from '../model/design';
import type { Target } from '../model/target';
import type { AppState } from './index';

export type ColorMode = 'system' | 'light' | 'dark';

export interface ConfirmRequest {
  title: string;
  message: string;
  confirmLabel: string;
  onConfirm: () => void;
}

/**
 * Where an empty frame drawn from the toolbar sits in this session. The frame itself is an entry of
 * `design.containers`; an empty frame with no place here (after a reload) is placed below the nodes.
 */
export interface DraftFrame {
  container: string;
  position: Position;
  width: number;
  height: number;
}

export interface UiSlice {
  /** A user-facing error (bad file, bad link), shown in a role="alert" element. */
  alert: string | null;
  showAlert: (message: string | null) => void;
  /** A short notice (a refused connection, a restored autosave), shown in a role="status" element. */
  toast: { message: string; serial: number } | null;
  showToast: (message: string | null) => void;
  colorMode: ColorMode;
  setColorMode: (mode: ColorMode) => void;
  /** The pending confirmation dialog (its confirming button is data-testid="confirm"). */
  confirm: ConfirmRequest | null;
  askConfirm: (request: ConfirmRequest | null) => void;
  helpOpen: boolean;
  setHelpOpen: (open: boolean) => void;
  /** The node whose keyboard connect dialog is open (C on a selected node), or null. */
  connectFrom: string | null;
  setConnectFrom: (nodeId: string | null) => void;
  draftFrames: DraftFrame[];
  setDraftFrames: (frames: DraftFrame[]) => void;
  /** Where the bundle runs: the problems panel, the preview and the zip follow it. */
  target: Target;
  setTarget: (target: Target) => void;
  /** The UI language and its words: UI state, never part of the design (undo and selection ignore it). */
  catalogue: Catalogue;
  setCatalogue: (catalogue: Catalogue) => void;
  /** The rules have loaded (src/store/validation.ts): until then the design is being checked. */
  validationReady: boolean;
}

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  alert: null,
  showAlert: (message) => set({ alert: message }),
  toast: null,
  showToast: (message) =>
    set((state) => ({
      toast: message === null ? null : { message, serial: (state.toast?.serial ?? 0) + 1 },
    })),
  colorMode: 'system',
  setColorMode: (mode) => set({ colorMode: mode }),
  confirm: null,
  askConfirm: (request) => set({ confirm: request }),
  helpOpen: false,
  setHelpOpen: (open) => set({ helpOpen: open }),
  connectFrom: null,
  setConnectFrom: (nodeId) => set({ connectFrom: nodeId }),
  draftFrames: [],
  setDraftFrames: (frames) => set({ draftFrames: frames }),
  target: 'compose',
  setTarget: (target) => set({ target }),
  catalogue: EN_CATALOGUE,
  setCatalogue: (catalogue) => set({ catalogue }),
  validationReady: false,
});
