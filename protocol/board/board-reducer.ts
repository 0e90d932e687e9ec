import {
  asKnownEvent,
  isKnownEventType,
  type KnownEventType,
  type SequencedEvent,
} from '../events';
import { BOARD_LIMITS, type BoardState } from './board-state';
import { ensureLocation, inBatch } from './board-collections';
import { rollDay } from './day-rollover';
import { appendToFeed } from './event-feed';
import { updateTrend } from './kpi-trend';
import type { DomainStep, DomainSteps, OrderCaps, ReduceContext } from './domains/domain-step';
import { alertsDomain } from './domains/alerts';
import { inventoryDomain } from './domains/inventory';
import { metricsDomain } from './domains/metrics';
import { ordersDomain } from './domains/orders';
import { paymentsDomain } from './domains/payments';
import { queuesDomain } from './domains/queues';
import { tablesDomain } from './domains/tables';

export { countOccupied } from './kpi-trend';
export type { OrderCaps } from './domains/domain-step';

/** Location key for events without a location. */
export const NO_LOCATION = '';

/**
 * The board's domains, one file each in domains/. A new domain is one file there
 * plus one line here; each event type belongs to one domain.
 */
const STEPS: DomainSteps = {
  ...ordersDomain,
  ...tablesDomain,
  ...paymentsDomain,
  ...inventoryDomain,
  ...queuesDomain,
  ...metricsDomain,
  ...alertsDomain,
};

/**
 * Applies one sequenced event to a board. Pure: returns a new state and never
 * mutates its input, so React can compare by reference. Events at or below the
 * state's seq are ignored, which makes replays after a resume harmless.
 * Unknown event types, and known types whose `data` does not match the catalog,
 * only enter the feed.
 */
export function reduce(
  state: BoardState,
  record: SequencedEvent,
  caps: OrderCaps = BOARD_LIMITS,
): BoardState {
  if (record.seq <= state.seq) return state;
  // One batch per event too: each map is copied at most once even when several steps change it.
  return inBatch(() => reduceOne(state, record, { caps }));
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

function reduceOne(state: BoardState, record: SequencedEvent, context: ReduceContext): BoardState {
  const { event, ts } = record;
  const location = event.location ?? NO_LOCATION;

  let next: BoardState = rollDay(state, ts);
  next = { ...next, seq: record.seq, lastEventAt: Math.max(next.lastEventAt, ts) };
  // Seq 1 is where a log's history begins (a new tenant, or a new epoch after the old
  // history was lost): the totals count from here, and the board says so.
  if (record.seq === 1 && next.totalsSince === undefined) next = { ...next, totalsSince: ts };
  next = ensureLocation(next, location);
  const before = next.totals;
  if (isKnownEventType(event.type)) next = applyDomain(next, event.type, record, location, context);
  next = updateTrend(next, ts, before, event.type);
  return appendToFeed(next, record);
}

/**
 * Runs the domain step of a known event type. The catalog schema parses `data` here,
 * once per event, so every step works on typed data: a hub accepts only valid data at
 * ingest, but clients also reduce events from caches and other hub versions.
 */
function applyDomain<T extends KnownEventType>(
  state: BoardState,
  type: T,
  record: SequencedEvent,
  location: string,
  context: ReduceContext,
): BoardState {
  const step = STEPS[type] as DomainStep<T> | undefined;
  if (!step) return state;
  const data = asKnownEvent(record.event, type);
  if (!data) return state;
  return step(
    state,
    { location, ts: record.ts, seq: record.seq, id: record.event.id, data },
    context,
  );
}
