import { describe, expect, it } from 'vitest';
import { KeyedRateLimit, TokenBucket } from './token-bucket';
import { ViolationWindow } from './violation-window';

describe('token bucket', () => {
  it('allows a burst, then refills at the rate', () => {
    let now = 0;
    const bucket = new TokenBucket(2, 3, () => now);
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([
      true,
      true,
      true,
      false,
    ]);
    now = 500;
    expect([bucket.take(), bucket.take()]).toEqual([true, false]);
  });

  it('keeps keys apart and is disabled at rate 0', () => {
    const limit = new KeyedRateLimit(1, 1, () => 0);
    expect([limit.take('a'), limit.take('a'), limit.take('b')]).toEqual([true, false, true]);
    const off = new KeyedRateLimit(0, 1, () => 0);
    expect(Array.from({ length: 100 }, () => off.take('a')).every(Boolean)).toBe(true);
  });
});

describe('violation window', () => {
  it('trips only when more than the limit fall inside the window', () => {
    let now = 0;
    const window = new ViolationWindow(3, 10_000, () => now);
    expect([window.record(), window.record(), window.record()]).toEqual([false, false, false]);
    now = 10_001;
    expect(window.record()).toBe(false);
    expect([window.record(), window.record(), window.record()]).toEqual([false, false, true]);
  });
});
