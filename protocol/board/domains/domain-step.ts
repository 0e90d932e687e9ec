import type { EventData, KnownEventType } from '../../events';
import type { BoardState } from '../board-state';

/**
 * The contract between the board reducer's dispatcher (board-reducer.ts) and its
 * domains (one file per domain in this folder). The dispatcher parses an event's
 * `data` once with the catalog schema (events.ts), so a domain step receives typed,
 * valid data and trusts it. A step is pure: it returns a new state (or the same one
 * when nothing changed) and never mutates its input; the collection helpers in
 * board-collections.ts and id-record.ts keep that true inside a `reduceAll` batch.
 */

/** One known event as a domain step sees it. */
export interface DomainEvent<T extends KnownEventType> {
  /** The event's location key; `NO_LOCATION` ('') when it names none. The location exists on the board unless the location cap was reached. */
  location: string;
  /** Hub acceptance time, epoch ms. */
  ts: number;
  /** Per-tenant sequence number. */
  seq: number;
  /** The event id (unique per tenant log). */
  id: string;
  /** `data`, already validated against `eventDataSchemas[type]`. */
  data: EventData<T>;
}

/** How many open orders a board keeps in detail and in summary (BOARD_LIMITS by default). */
export interface OrderCaps {
  openOrders: number;
  summarisedOrders: number;
}

/** Settings every step may read; the same for every event of a reduce call. */
export interface ReduceContext {
  caps: OrderCaps;
}

/** A domain's pure `(state, event) => state` for one event type. */
export type DomainStep<T extends KnownEventType> = (
  state: BoardState,
  event: DomainEvent<T>,
  context: ReduceContext,
) => BoardState;

/** The steps one domain contributes, by event type. Each type belongs to exactly one domain. */
export type DomainSteps = { [T in KnownEventType]?: DomainStep<T> };
