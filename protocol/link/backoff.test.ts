import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { backoffCeiling, backoffDelay, DEFAULT_BACKOFF } from './backoff';

describe('backoff', () => {
  it('starts at 500 ms, doubles per attempt and caps at 4 s, so a returning hub is found within 5 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => backoffCeiling(n))).toEqual([
      500, 1000, 2000, 4000, 4000, 4000, 4000, 4000,
    ]);
    expect(backoffCeiling(10_000)).toBe(4000);
  });

  it('delays stay within [0, ceiling) for every attempt and random value', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (attempt, r) => {
          const delay = backoffDelay(attempt, () => r);
          return (
            delay >= 0 && delay < Math.max(1, backoffCeiling(attempt)) && Number.isInteger(delay)
          );
        },
      ),
    );
  });

  it('is full jitter: the delay is the random fraction of the ceiling', () => {
    expect(backoffDelay(3, () => 0)).toBe(0);
    expect(backoffDelay(3, () => 0.5)).toBe(1000);
    expect(backoffDelay(3, () => 0.999)).toBe(1998);
  });

  it('spreads clients out: different random draws give different delays', () => {
    const draws = [0.1, 0.3, 0.6, 0.9].map((r) => backoffDelay(6, () => r));
    expect(new Set(draws).size).toBe(4);
  });

  it('rejects attempt numbers below 1 with a message naming the argument', () => {
    expect(() => backoffCeiling(0)).toThrow(/attempt must be a positive integer/);
    expect(() => backoffDelay(1.5, Math.random)).toThrow(RangeError);
  });

  it('honours custom options', () => {
    expect(backoffCeiling(4, { baseMs: 100, capMs: 250 })).toBe(250);
    expect(DEFAULT_BACKOFF).toEqual({ baseMs: 500, capMs: 4000 });
  });
});
