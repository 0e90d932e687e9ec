import { asKnownEvent, type SequencedEvent } from '../events';
import { dayKeyOf } from './day-key';
import {
  BOARD_LIMITS,
  TREND_BUCKET_MS,
  emptyDayTotals,
  type BoardState,
  type DayTotals,
  type FeedEntry,
  type LocationBoard,
  type TrendBucket,
} from './board-state';
import {
  applyInventory,
  applyMetric,
  applyAlert,
  applyPayment,
  applyQueue,
  applyTable,
} from './board-reducer-ops';
import { appendBounded, inBatch, withEntry } from './board-collections';
import { emptyIdRecord, ownValue, setOwn } from './id-record';
import { applyOrderPlaced, applyOrderStatus, type OrderCaps } from './open-orders';

/** Location key for events without a location. */
export const NO_LOCATION = '';

/**
 * Applies one sequenced event to a board. Pure: returns a new state and never
 * mutates its input, so React can compare by reference. Events at or below the
 * state's seq are ignored, which makes replays after a resume harmless.
 * Unknown event types only enter the feed.
 */
export function reduce(
  state: BoardState,
  record: SequencedEvent,
  caps: OrderCaps = BOARD_LIMITS,
): BoardState {
  if (record.seq <= state.seq) return state;
  // One batch per event too: each map is copied at most once even when several steps change it.
  return inBatch(() => reduceOne(state, record, caps));
}

function reduceOne(state: BoardState, record: SequencedEvent, caps: OrderCaps): BoardState {
  const { event, ts } = record;
  const location = event.location ?? NO_LOCATION;

  let next: BoardState = rollDay(state, ts);
  next = { ...next, seq: record.seq, lastEventAt: Math.max(next.lastEventAt, ts) };
  // Seq 1 is where a log's history begins (a new tenant, or a new epoch after the old
  // history was lost): the totals count from here, and the board says so.
  if (record.seq === 1 && next.totalsSince === undefined) next = { ...next, totalsSince: ts };
  next = ensureLocation(next, location);
  const before = next.totals;

  switch (event.type) {
    case 'order.placed': {
      const data = asKnownEvent(event, 'order.placed');
      if (data) next = applyOrderPlaced(next, location, ts, data, caps);
      break;
    }
    case 'order.status': {
      const data = asKnownEvent(event, 'order.status');
      if (data) next = applyOrderStatus(next, location, ts, data.orderId, data.status);
      break;
    }
    case 'table.seated':
    case 'table.cleared':
      next = applyTable(next, location, ts, event);
      break;
    case 'payment.status':
      next = applyPayment(next, location, record);
      break;
    case 'inventory.level':
      next = applyInventory(next, location, ts, event);
      break;
    case 'queue.length':
      next = applyQueue(next, location, event);
      break;
    case 'metric':
      next = applyMetric(next, ts, event);
      break;
    case 'alert':
      next = applyAlert(next, location, ts, event);
      break;
    default:
      break;
  }
  next = updateTrend(next, ts, before, event.type);
  return { ...next, feed: appendBounded(next.feed, feedEntry(record), BOARD_LIMITS.feed) };
}

/**
 * Applies events in order, with the same result as calling `reduce` for each. Use it
 * for batches (a window's coalesced events, a hub replay): the large maps are copied
 * once per batch instead of once per event. The input state is never mutated.
 */
export function reduceAll(
  state: BoardState,
  records: Iterable<SequencedEvent>,
  caps: OrderCaps = BOARD_LIMITS,
): BoardState {
  return inBatch(() => {
    let next = state;
    for (const record of records) next = reduce(next, record, caps);
    return next;
  });
}

function rollDay(state: BoardState, ts: number): BoardState {
  const dayKey = dayKeyOf(ts, state.timeZone);
  if (state.dayKey === dayKey) return state;
  // An event stamped on an earlier day than the board's (clock skew between hub instances) must not reset "today".
  if (state.dayKey !== null && dayKey < state.dayKey) return state;
  const locations = emptyIdRecord<LocationBoard>();
  for (const [key, board] of Object.entries(state.locations))
    setOwn(locations, key, { ...board, day: emptyDayTotals() });
  if (state.dayKey === null) return { ...state, dayKey, totals: emptyDayTotals(), locations };
  // A new day's totals start at its first event, so a gap in an earlier day's history no longer matters.
  const { totalsSince: _earlierGap, ...rest } = state;
  return { ...rest, dayKey, totals: emptyDayTotals(), locations };
}

function ensureLocation(state: BoardState, location: string): BoardState {
  if (ownValue(state.locations, location)) return state;
  if (Object.keys(state.locations).length >= BOARD_LIMITS.locations) return state;
  return {
    ...state,
    locations: withEntry(state.locations, location, {
      day: emptyDayTotals(),
      tables: emptyIdRecord(),
      queues: {},
    }),
  };
}

function updateTrend(
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

export function countOccupied(state: BoardState, location?: string): number {
  let count = 0;
  for (const [key, board] of Object.entries(state.locations)) {
    if (location !== undefined && key !== location) continue;
    for (const table of Object.values(board.tables)) if (table.occupied) count += 1;
  }
  return count;
}

function feedEntry(record: SequencedEvent): FeedEntry {
  const fields = emptyIdRecord<string | number>();
  let kept = 0;
  for (const [key, value] of Object.entries(record.event.data)) {
    if (kept >= 8) break;
    if (typeof value === 'number' && Number.isFinite(value)) setOwn(fields, key, value);
    else if (typeof value === 'string') setOwn(fields, key, value.slice(0, 120));
    else continue;
    kept += 1;
  }
  return {
    seq: record.seq,
    ts: record.ts,
    type: record.event.type,
    id: record.event.id,
    ...(record.event.location ? { location: record.event.location } : {}),
    fields,
  };
}
