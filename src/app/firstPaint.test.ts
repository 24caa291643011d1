import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type FirstPaint = typeof import('./firstPaint');

// Each test starts from a page that has not painted yet.
async function freshModule(): Promise<FirstPaint> {
  vi.resetModules();
  return import('./firstPaint');
}

describe('first paint of the canvas', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('holds deferred work until the canvas has painted, then runs it once', async () => {
    const firstPaint = await freshModule();
    const listener = vi.fn();
    firstPaint.subscribeCanvasPainted(listener);
    let started = false;
    const waiting = firstPaint.whenCanvasPainted().then(() => {
      started = true;
    });
    await Promise.resolve();
    expect(started).toBe(false);
    expect(firstPaint.canvasPainted()).toBe(false);

    firstPaint.markCanvasPainted();
    firstPaint.markCanvasPainted();
    expect(firstPaint.canvasPainted()).toBe(true);
    // not in the task that marks the paint: each piece of work gets a task of its own
    expect(listener).not.toHaveBeenCalled();
    vi.advanceTimersByTime(0);
    await waiting;
    expect(started).toBe(true);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(firstPaint.canvasPainted()).toBe(true);
    // Work asked for after the paint starts at once.
    await expect(firstPaint.whenCanvasPainted()).resolves.toBeUndefined();
  });

  it('marks the canvas painted in the task after the next frame', async () => {
    const firstPaint = await freshModule();
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
    try {
      firstPaint.markAfterNextPaint();
      expect(firstPaint.canvasPainted()).toBe(false);
      frames.forEach((callback) => callback(0));
      expect(firstPaint.canvasPainted()).toBe(false);
      vi.advanceTimersByTime(0);
      expect(firstPaint.canvasPainted()).toBe(true);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('lets the deferred work start after the fallback time on a page that never paints', async () => {
    const firstPaint = await freshModule();
    firstPaint.startPaintFallback();
    vi.advanceTimersByTime(firstPaint.FALLBACK_MS - 1);
    expect(firstPaint.canvasPainted()).toBe(false);
    vi.advanceTimersByTime(1);
    expect(firstPaint.canvasPainted()).toBe(true);
  });
});
