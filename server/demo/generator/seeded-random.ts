/** A source of uniform random numbers in [0, 1), like `Math.random`. */
export type Random = () => number;

/**
 * Mulberry32: a tiny seeded PRNG, good enough for demo data. The same seed
 * always gives the same sequence, so fixtures and screenshots are stable.
 */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One item of a non-empty list, chosen uniformly. */
export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

/** Milliseconds drawn uniformly from `[min, max]` seconds. */
export function secondsBetween(random: Random, [min, max]: readonly [number, number]): number {
  return (min + random() * (max - min)) * 1000;
}

/**
 * How many times something with `perSecond` expected occurrences happens in a
 * step of `stepMs`: the whole part, plus one more with the fractional chance.
 * For a one-second step and a rate below 1 this is one Bernoulli draw.
 */
export function occurrences(random: Random, perSecond: number, stepMs: number): number {
  const expected = (perSecond * stepMs) / 1000;
  const whole = Math.floor(expected);
  return whole + (random() < expected - whole ? 1 : 0);
}
