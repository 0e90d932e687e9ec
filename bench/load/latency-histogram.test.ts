import { describe, expect, it } from 'vitest';
import {
  bucketOf,
  bucketUpperUs,
  emptyHistogram,
  mergeInto,
  percentileOf,
  percentileUs,
  record,
  summarize,
} from './latency-histogram';

describe('latency histogram', () => {
  it('puts every value in a bucket whose upper bound is within 2% above it', () => {
    for (const us of [1.5, 10, 999, 12_345, 3_000_000, 60_000_000]) {
      const upper = bucketUpperUs(bucketOf(us));
      expect(upper).toBeGreaterThanOrEqual(us);
      expect(upper).toBeLessThanOrEqual(us * 1.0201);
    }
  });

  it('reports nearest-rank percentiles to within 2% and the exact max', () => {
    const h = emptyHistogram();
    for (let ms = 1; ms <= 1000; ms += 1) record(h, ms * 1000);
    expect(percentileUs(h, 50)! / 1000).toBeCloseTo(500, -1);
    expect(percentileUs(h, 50)!).toBeGreaterThanOrEqual(500_000);
    expect(percentileUs(h, 50)!).toBeLessThanOrEqual(510_000);
    expect(percentileUs(h, 99)!).toBeGreaterThanOrEqual(990_000);
    expect(percentileUs(h, 99)!).toBeLessThanOrEqual(1_000_000);
    expect(percentileUs(h, 100)).toBe(1_000_000);
    expect(summarize(h)).toMatchObject({ count: 1000, maxMs: 1000 });
  });

  it('sends negative clock noise and sub-microsecond values to the first bucket', () => {
    const h = emptyHistogram();
    record(h, -3);
    record(h, 0.2);
    expect(h.counts[0]).toBe(2);
    expect(percentileUs(h, 99)).toBe(0.2);
  });

  it('merges histograms from several processes into the same percentiles as one', () => {
    const a = emptyHistogram();
    const b = emptyHistogram();
    const one = emptyHistogram();
    for (let i = 1; i <= 500; i += 1) {
      record(i % 2 ? a : b, i * 100);
      record(one, i * 100);
    }
    const merged = emptyHistogram();
    mergeInto(merged, a);
    mergeInto(merged, b);
    expect(merged).toEqual(one);
  });

  it('has no percentile when empty and rejects percentiles outside (0, 100]', () => {
    expect(percentileUs(emptyHistogram(), 50)).toBeNull();
    expect(summarize(emptyHistogram()).p99Ms).toBeNull();
    expect(() => percentileUs(emptyHistogram(), 0)).toThrow(RangeError);
    expect(() => percentileOf([1], 101)).toThrow(RangeError);
  });

  it('computes exact nearest-rank percentiles of raw samples without reordering the input', () => {
    const samples = [5, 1, 4, 2, 3];
    expect(percentileOf(samples, 50)).toBe(3);
    expect(percentileOf(samples, 99)).toBe(5);
    expect(percentileOf(samples, 20)).toBe(1);
    expect(samples).toEqual([5, 1, 4, 2, 3]);
    expect(percentileOf([], 50)).toBeNull();
  });
});
