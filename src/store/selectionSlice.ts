import type { StateCreator } from 'zustand';
import type { AppState } from './index';

export interface SelectionSlice {
  selectedNodeIds: string[];
  selectedEdgeIds: string[];
  /** A frame (container) selected by its name; selecting nodes or edges unselects it. */
  selectedContainer: string | null;
  select: (selection: { nodes?: string[]; edges?: string[] }) => void;
  selectContainer: (container: string | null) => void;
}

export const createSelectionSlice: StateCreator<AppState, [], [], SelectionSlice> = (set) => ({
  selectedNodeIds: [],
  selectedEdgeIds: [],
  selectedContainer: null,
  select: ({ nodes = [], edges = [] }) =>
    set({ selectedNodeIds: nodes, selectedEdgeIds: edges, selectedContainer: null }),
  selectContainer: (container) =>
    set({ selectedContainer: container, selectedNodeIds: [], selectedEdgeIds: [] }),
});
