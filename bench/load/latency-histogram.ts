/**
 * A mergeable log-linear latency histogram, so each generator process can record every
 * delivery (100k/s) in constant memory and the parent can add them up. Buckets grow by
 * 2% per step from 1 µs, so a percentile is exact to within 2% of its value; `max` is exact.
 */
const GROWTH = 1.02;
const LOG_GROWTH = Math.log(GROWTH);
/** Bucket count: 1 µs · 1.02^1200 ≈ 20 000 s, far past any bounded run. */
export const HISTOGRAM_BUCKETS = 1200;

/** Plain data, so it crosses `process.send` as is. Values are microseconds. */
export interface LatencyHistogram {
  counts: number[];
  count: number;
  maxUs: number;
}

export function emptyHistogram(): LatencyHistogram {
  return { counts: new Array<number>(HISTOGRAM_BUCKETS).fill(0), count: 0, maxUs: 0 };
}

/** @internal Bucket index of a latency in µs; values below 1 µs (and negative clock noise) land in bucket 0. */
export function bucketOf(us: number): number {
  if (!(us > 1)) return 0;
  return Math.min(HISTOGRAM_BUCKETS - 1, Math.ceil(Math.log(us) / LOG_GROWTH));
}

/** @internal Upper bound (µs) of a bucket: every value in it is ≤ this. */
export function bucketUpperUs(index: number): number {
  return GROWTH ** index;
}

/** Records one latency, µs. */
export function record(histogram: LatencyHistogram, us: number): void {
  histogram.counts[bucketOf(us)]! += 1;
  histogram.count += 1;
  if (us > histogram.maxUs) histogram.maxUs = us;
}

/** Adds `from` into `into` (both must come from `emptyHistogram`). */
export function mergeInto(into: LatencyHistogram, from: LatencyHistogram): void {
  for (let i = 0; i < HISTOGRAM_BUCKETS; i += 1) into.counts[i]! += from.counts[i] ?? 0;
  into.count += from.count;
  into.maxUs = Math.max(into.maxUs, from.maxUs);
}

/**
 * The latency (µs) at percentile `p` (0 < p ≤ 100), nearest rank: the upper bound of the bucket
 * holding the ⌈p/100·count⌉-th smallest value, capped at the exact max. null when empty.
 */
export function percentileUs(histogram: LatencyHistogram, p: number): number | null {
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile must be in (0, 100], got ${p}`);
  if (histogram.count === 0) return null;
  const rank = Math.ceil((p / 100) * histogram.count);
  let seen = 0;
  for (let i = 0; i < HISTOGRAM_BUCKETS; i += 1) {
    seen += histogram.counts[i]!;
    if (seen >= rank) return Math.min(bucketUpperUs(i), histogram.maxUs);
  }
  return histogram.maxUs;
}

/** Exact nearest-rank percentile of raw samples (connect times); null when empty. */
export function percentileOf(samples: readonly number[], p: number): number | null {
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile must be in (0, 100], got ${p}`);
  if (samples.length === 0) return null;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.ceil((p / 100) * sorted.length) - 1]!;
}

/** p50 / p99 / p99.9 / max in milliseconds, the shape every report row uses. */
export interface LatencySummary {
  count: number;
  p50Ms: number | null;
  p99Ms: number | null;
  p999Ms: number | null;
  maxMs: number | null;
}

export function summarize(histogram: LatencyHistogram): LatencySummary {
  const ms = (us: number | null) => (us === null ? null : us / 1000);
  return {
    count: histogram.count,
    p50Ms: ms(percentileUs(histogram, 50)),
    p99Ms: ms(percentileUs(histogram, 99)),
    p999Ms: ms(percentileUs(histogram, 99.9)),
    maxMs: histogram.count === 0 ? null : histogram.maxUs / 1000,
  };
}
