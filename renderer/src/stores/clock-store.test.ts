import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClockStore } from './clock-store';

describe('shared clock store', () => {
  afterEach(() => vi.useRealTimers());

  it('ticks once a second while subscribed, one change per tick for all readers, and stops after the last unsubscribe', () => {
    vi.useFakeTimers();
    vi.setSystemTime(1_000_000);
    const clock = createClockStore(() => Date.now());
    let changes = 0;
    const offA = clock.subscribe(() => (changes += 1));
    const offB = clock.subscribe(() => undefined);
    changes = 0;
    vi.advanceTimersByTime(3000);
    expect(changes).toBe(3);
    expect(clock.getState().now).toBe(1_003_000);
    offA();
    offB();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('refuses a non-positive interval', () => {
    expect(() => createClockStore(() => 0, 0)).toThrow(/intervalMs must be a positive/);
  });
});
