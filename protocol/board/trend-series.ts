import { BOARD_LIMITS, TREND_BUCKET_MS, type TrendBucket } from './board-state';

/** A figure kept per five-minute trend bucket. */
export type TrendField = Exclude<keyof TrendBucket, 'start'>;

/** Counters start each bucket at zero; gauges (occupancy, waitlist) hold their last level. */
const GAUGES: ReadonlySet<TrendField> = new Set<TrendField>(['occupiedTables', 'waitlist']);

export interface TrendSeries {
  /** One value per complete bucket, oldest first, gaps filled (counters with 0, gauges with the last level). */
  complete: number[];
  /**
   * The bucket that holds `now`, still filling, so its counters are only a part
   * of five minutes; null when there is no trend yet. Draw it apart (dashed),
   * or a rising count reads as a falling line.
   */
  partial: number | null;
}

/**
 * The sparkline series for one figure: the last `BOARD_LIMITS.trendBuckets`
 * buckets up to the one holding `now`, which is returned apart as partial.
 * A bucket newer than `now` (a hub clock ahead of ours) counts as the current one.
 * @param now epoch ms
 */
export function trendSeries(
  trend: readonly TrendBucket[],
  field: TrendField,
  now: number,
): TrendSeries {
  const newest = trend[trend.length - 1];
  if (!newest) return { complete: [], partial: null };
  const current = Math.max(Math.floor(now / TREND_BUCKET_MS) * TREND_BUCKET_MS, newest.start);
  const first = Math.max(
    (trend[0] as TrendBucket).start,
    current - (BOARD_LIMITS.trendBuckets - 1) * TREND_BUCKET_MS,
  );
  const byStart = new Map(trend.map((bucket) => [bucket.start, bucket]));
  const gauge = GAUGES.has(field);
  let level = 0;
  for (const bucket of trend) if (bucket.start < first) level = bucket[field];
  const values: number[] = [];
  for (let start = first; start <= current; start += TREND_BUCKET_MS) {
    const bucket = byStart.get(start);
    if (bucket) level = bucket[field];
    values.push(bucket ? bucket[field] : gauge ? level : 0);
  }
  const partial = values.pop() ?? null;
  return { complete: values, partial };
}
