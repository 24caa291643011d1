import { useSyncExternalStore } from 'react';

/**
 * The canvas draws first. Work the first view does not need — loading and running the rules, the
 * preview with its exporters, the outline — starts once the canvas has painted its nodes, so none of
 * it holds the first paint back (see docs/architecture.md, "Rules").
 *
 * A page that cannot paint (opened in a background tab, where the browser runs no frames) still gets
 * that work after FALLBACK_MS.
 */
export const FALLBACK_MS = 2500;

let painted = false;
const listeners = new Set<() => void>();

export function canvasPainted(): boolean {
  return painted;
}

/**
 * Called once the canvas's first nodes are on screen (or it has none to draw). Each piece of waiting
 * work starts in a task of its own, so the page answers input between them instead of sitting in
 * one long task right after its first paint.
 */
export function markCanvasPainted(): void {
  if (painted) return;
  painted = true;
  for (const listener of [...listeners]) setTimeout(listener, 0);
  listeners.clear();
}

export function subscribeCanvasPainted(listener: () => void): () => void {
  if (painted) return () => undefined;
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Resolves once the canvas has painted. */
export function whenCanvasPainted(): Promise<void> {
  return new Promise((resolve) => {
    if (painted) resolve();
    else subscribeCanvasPainted(resolve);
  });
}

/** For components that appear only after the canvas has painted. */
export function useCanvasPainted(): boolean {
  return useSyncExternalStore(subscribeCanvasPainted, canvasPainted, canvasPainted);
}

/**
 * Mark the canvas painted after the frame that shows its nodes: a callback before that frame
 * (requestAnimationFrame), then a task after it, once the browser has drawn it.
 */
export function markAfterNextPaint(): void {
  requestAnimationFrame(() => setTimeout(markCanvasPainted, 0));
}

/** Start the fallback clock (see FALLBACK_MS). */
export function startPaintFallback(): void {
  setTimeout(markCanvasPainted, FALLBACK_MS);
}
