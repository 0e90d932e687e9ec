/**
 * The animation-frame clock the board stores flush on. Injected so tests can
 * step frames by hand instead of waiting for a real browser frame.
 */
export interface FrameScheduler {
  request(callback: () => void): number;
  cancel(handle: number): void;
}

/** requestAnimationFrame when the page has it; a 16 ms timer otherwise (hidden or headless contexts). */
export const browserFrameScheduler: FrameScheduler = {
  request(callback) {
    if (typeof requestAnimationFrame === 'function') return requestAnimationFrame(() => callback());
    return setTimeout(callback, 16) as unknown as number;
  },
  cancel(handle) {
    if (typeof cancelAnimationFrame === 'function') cancelAnimationFrame(handle);
    clearTimeout(handle);
  },
};

/** A hand-stepped scheduler for tests: `runFrame()` runs every callback queued so far. */
export function createManualFrameScheduler(): FrameScheduler & {
  runFrame(): void;
  pending(): number;
} {
  let next = 1;
  const queue = new Map<number, () => void>();
  return {
    request(callback) {
      const handle = next++;
      queue.set(handle, callback);
      return handle;
    },
    cancel(handle) {
      queue.delete(handle);
    },
    runFrame() {
      const callbacks = [...queue.values()];
      queue.clear();
      for (const callback of callbacks) callback();
    },
    pending: () => queue.size,
  };
}
