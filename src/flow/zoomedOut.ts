import { useStore, type ReactFlowState } from '@xyflow/react';
import { READABLE_ZOOM, ZOOMED_OUT_CLASS } from '../nodes/card/readable';

// A boolean, so the view re-renders only when the zoom crosses the readable zoom, not on every frame.
const isZoomedOut = (state: ReactFlowState) => state.transform[2] < READABLE_ZOOM;

/**
 * The class for the React Flow wrapper: zoomed out past the zoom at which every card text is readable,
 * cards show only their titles, large (see card.css), and edge labels hide.
 */
export function useZoomedOutClass(): string | undefined {
  return useStore(isZoomedOut) ? ZOOMED_OUT_CLASS : undefined;
}
