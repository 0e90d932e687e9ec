import {
  BOARD_LIMITS,
  TREND_BUCKET_MS,
  type BoardState,
  type DayTotals,
  type TrendBucket,
} from './board-state';
import { appendBounded } from './board-collections';

/**
 * The KPI trend: five-minute buckets (`TREND_BUCKET_MS`) of orders, revenue, failed
 * payments, occupied tables and waitlist, for the tiles' sparklines. Updated after
 * every event from the difference the event made to the day totals, so no domain
 * needs to know about it. Pure.
 * @internal
 */
export function updateTrend(
  state: BoardState,
  ts: number,
  before: DayTotals,
  eventType: string,
): BoardState {
  const start = Math.floor(ts / TREND_BUCKET_MS) * TREND_BUCKET_MS;
  const last = state.trend[state.trend.length - 1];
  if (last && start < last.start) return state;
  const currency = state.currency;
  const revenueDelta = currency
    ? (state.totals.revenue[currency] ?? 0) - (before.revenue[currency] ?? 0)
    : 0;
  const base: TrendBucket =
    last && last.start === start
      ? last
      : { start, orders: 0, revenue: 0, failedPayments: 0, occupiedTables: 0, waitlist: 0 };
  const bucket: TrendBucket = {
    start,
    orders: base.orders + Math.max(0, state.totals.orders - before.orders),
    revenue: base.revenue + revenueDelta,
    failedPayments:
      base.failedPayments + Math.max(0, state.totals.payments.failed - before.payments.failed),
    // Occupancy and waitlist only change on table and queue events; recounting on every event is the reducer's hottest path.
    occupiedTables:
      base === last && !eventType.startsWith('table.') ? base.occupiedTables : countOccupied(state),
    waitlist: base === last && eventType !== 'queue.length' ? base.waitlist : totalWaitlist(state),
  };
  const trend =
    base === last
      ? [...state.trend.slice(0, -1), bucket]
      : appendBounded(state.trend, bucket, BOARD_LIMITS.trendBuckets);
  return { ...state, trend };
}

function totalWaitlist(state: BoardState): number {
  return Object.values(state.locations).reduce(
    (sum, board) => sum + (board.queues.waitlist ?? 0),
    0,
  );
}

/** Occupied tables of the tenant, or of one location when `location` is given. */
export function countOccupied(state: BoardState, location?: string): number {
  let count = 0;
  for (const [key, board] of Object.entries(state.locations)) {
    if (location !== undefined && key !== location) continue;
    for (const table of Object.values(board.tables)) if (table.occupied) count += 1;
  }
  return count;
}
