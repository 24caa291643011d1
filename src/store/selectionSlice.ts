import type { StateCreator } from 'zustand';
import type { AppState } from './index';

export interface SelectionSlice {
  selectedNodeIds: string[];
  selectedEdgeIds: string[];
  select: (selection: { nodes?: string[]; edges?: string[] }) => void;
}

export const createSelectionSlice: StateCreator<AppState, [], [], SelectionSlice> = (set) => ({
  selectedNodeIds: [],
  selectedEdgeIds: [],
  select: ({ nodes = [], edges = [] }) => set({ selectedNodeIds: nodes, selectedEdgeIds: edges }),
});
