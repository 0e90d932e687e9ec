import {
  KNOWN_EVENT_TYPES,
  eventDataSchemas,
  type EventData,
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
import { orderActionsDomain } from './domains/order-actions';
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
  ...orderActionsDomain,
  ...tablesDomain,
  ...paymentsDomain,
  ...inventoryDomain,
  ...queuesDomain,
  ...metricsDomain,
  ...alertsDomain,
};

/** A domain step bound to its event type's `data` schema. */
type BoundStep = (
  state: BoardState,
  record: SequencedEvent,
  location: string,
  context: ReduceContext,
) => BoardState;

/**
 * Binds a domain step to its catalog schema: the schema parses `data` here, once per
 * event, so every step works on typed data (a hub accepts only valid data at ingest,
 * but clients also reduce events from caches and other hub versions). Data that does
 * not match leaves the aggregates as they are.
 */
function bindStep<T extends KnownEventType>(type: T, step: DomainStep<T>): BoundStep {
  const schema = eventDataSchemas[type];
  return (state, record, location, context) => {
    const parsed = schema.safeParse(record.event.data);
    if (!parsed.success) return state;
    const data = parsed.data as EventData<T>;
    return step(
      state,
      { location, ts: record.ts, seq: record.seq, id: record.event.id, data },
      context,
    );
  };
}

/** The bound step of each event type that has one, looked up once per event. */
const BOUND_STEPS = new Map<string, BoundStep>();
for (const type of KNOWN_EVENT_TYPES) {
  const step = STEPS[type] as DomainStep<KnownEventType> | undefined;
  if (step) BOUND_STEPS.set(type, bindStep(type, step));
}

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
  const step = BOUND_STEPS.get(event.type);
  if (step) next = step(next, record, location, context);
  next = updateTrend(next, ts, before, event.type);
  return appendToFeed(next, record);
}
