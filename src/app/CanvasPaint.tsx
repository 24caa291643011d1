import { useNodesInitialized } from '@xyflow/react';
import { useEffect, type ReactNode } from 'react';
import { useAppStore } from '../store';
import { markAfterNextPaint, useCanvasPainted } from './firstPaint';

/**
 * Tells src/app/firstPaint.ts when the canvas has drawn: React Flow shows a node once it has measured
 * it, so the canvas is on screen in the frame after every node has its size (or at once when the
 * design has no nodes). Renders nothing; it sits beside the canvas so its updates re-render no panel.
 */
export function CanvasPaintWatcher() {
  const measured = useNodesInitialized();
  const empty = useAppStore((state) => state.design.nodes.length === 0);
  const drawn = measured || empty;
  useEffect(() => {
    if (drawn) markAfterNextPaint();
  }, [drawn]);
  return null;
}

/** Children that wait for the canvas's first paint (showing `fallback` until then). */
export function AfterCanvasPaint({
  children,
  fallback = null,
}: {
  children: ReactNode;
  fallback?: ReactNode;
}) {
  return useCanvasPainted() ? children : fallback;
}
