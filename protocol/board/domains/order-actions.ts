import {
  BOARD_LIMITS,
  type BoardState,
  type ClosedTicket,
  type OpenOrder,
  type SummarisedOrder,
} from '../board-state';
import { appendBounded, lastIndexWhere, withEntry } from '../board-collections';
import { ownValue } from '../id-record';
import type { DomainSteps, OrderCaps } from './domain-step';
import { applyOrderStatus, bookOf, boundOrders, withSummarised } from './orders';

/**
 * Operator actions on tickets (`order.bumped`, `order.recalled`, `order.cleared`), on the
 * open-order book of orders.ts. The rules (docs/protocol.md, "Open orders"):
 * - bump: placed/accepted → preparing → ready → served, with the counters of the same
 *   `order.status` (ready completes the ticket time; served leaves the book as a served
 *   order does). A ticket bumped to served goes to `recentlyClosed` (`how: 'served'`).
 * - clear: the ticket leaves the book without being served or cancelled, so no counter
 *   changes (orders and revenue stay, nothing is cancelled, no ticket time is added); only
 *   the open count drops. It goes to `recentlyClosed` (`how: 'cleared'`, with the reason).
 * - recall: an open ticket goes one status back (ready → preparing → accepted; placed and
 *   accepted stay, a no-op). A ticket recalled from ready keeps its ticket time counted
 *   (`ticketCounted`), so the next ready does not count it twice. A ticket that is not open
 *   but in `recentlyClosed` comes back with the status it had when it left; the counters of
 *   its serve are not undone (a serve changes none after ready, and its ticket time stays).
 * - a summarised (older) order has no lanes, only "ready or not": a bump takes it to ready,
 *   then served; a clear takes it off the summary; a recall of it is a no-op; it has no
 *   `lastAction`. When it leaves by a bump or clear, `recentlyClosed` keeps it as a ticket
 *   without items (a recall puts it back on the rail, or in the summary when the rail is full).
 * - bump and recall stamp `lastAction` on a detailed ticket; an unknown order changes nothing.
 * A later `order.status` from the POS applies as usual on top of any of these.
 * @internal
 */
export const orderActionsDomain: DomainSteps = {
  'order.bumped': (state, { ts, data }) => bump(state, ts, data.orderId, data.by),
  'order.recalled': (state, { ts, data }, { caps }) =>
    recall(state, ts, data.orderId, data.by, caps),
  'order.cleared': (state, { ts, data }) =>
    clear(state, ts, data.orderId, {
      closedAt: ts,
      closedBy: data.by,
      how: 'cleared',
      reason: data.reason,
    }),
};

type OpenStatus = OpenOrder['status'];

/** Maps rather than records: a status read from a cached board is never an object key. */
const NEXT_STATUS = new Map<OpenStatus, 'preparing' | 'ready' | 'served'>([
  ['placed', 'preparing'],
  ['accepted', 'preparing'],
  ['preparing', 'ready'],
  ['ready', 'served'],
]);
const PREVIOUS_STATUS = new Map<OpenStatus, OpenStatus>([
  ['ready', 'preparing'],
  ['preparing', 'accepted'],
]);

function bump(state: BoardState, ts: number, orderId: string, by: string): BoardState {
  const open = ownValue(state.openOrders, orderId);
  if (open) {
    const next = NEXT_STATUS.get(open.status);
    if (!next) return state;
    const after = applyOrderStatus(state, open.location, ts, orderId, next);
    if (next === 'served')
      return withClosed(after, { order: open, closedAt: ts, closedBy: by, how: 'served' });
    const moved = ownValue(after.openOrders, orderId) as OpenOrder;
    const stamped: OpenOrder = { ...moved, lastAction: { kind: 'bumped', by, at: ts } };
    return { ...after, openOrders: withEntry(after.openOrders, orderId, stamped) };
  }
  const summarised = ownValue(bookOf(state).orders, orderId);
  if (!summarised) return state;
  const next = summarised.ready ? 'served' : 'ready';
  const after = applyOrderStatus(state, summarised.location, ts, orderId, next);
  if (next === 'ready') return after;
  return withClosed(after, {
    order: ticketOfSummary(orderId, summarised),
    closedAt: ts,
    closedBy: by,
    how: 'served',
  });
}

function clear(
  state: BoardState,
  ts: number,
  orderId: string,
  closing: Omit<ClosedTicket, 'order'>,
): BoardState {
  const open = ownValue(state.openOrders, orderId);
  if (open)
    return withClosed(
      { ...state, openOrders: withEntry(state.openOrders, orderId, undefined) },
      { order: open, ...closing },
    );
  const summarised = ownValue(bookOf(state).orders, orderId);
  if (!summarised) return state;
  return withClosed(
    { ...state, olderOpenOrders: withSummarised(bookOf(state), orderId, undefined) },
    { order: ticketOfSummary(orderId, summarised), ...closing },
  );
}

function recall(
  state: BoardState,
  ts: number,
  orderId: string,
  by: string,
  caps: OrderCaps,
): BoardState {
  const lastAction: OpenOrder['lastAction'] = { kind: 'recalled', by, at: ts };
  const open = ownValue(state.openOrders, orderId);
  if (open) {
    const previous = PREVIOUS_STATUS.get(open.status);
    if (!previous) return state;
    const recalled: OpenOrder = {
      ...open,
      status: previous,
      updatedAt: ts,
      lastAction,
      ...(open.status === 'ready' ? { ticketCounted: true } : {}),
    };
    return { ...state, openOrders: withEntry(state.openOrders, orderId, recalled) };
  }
  if (ownValue(bookOf(state).orders, orderId)) return state;
  const closed = state.recentlyClosed ?? [];
  const index = lastIndexWhere(closed, (entry) => entry.order.orderId === orderId);
  if (index < 0) return state;
  const restored: OpenOrder = {
    ...(closed[index] as ClosedTicket).order,
    updatedAt: ts,
    lastAction,
  };
  const back: BoardState = {
    ...state,
    openOrders: withEntry(state.openOrders, orderId, restored),
    recentlyClosed: closed.filter((_, at) => at !== index),
  };
  return boundOrders(back, caps);
}

/** The board with `ticket` as the newest of `recentlyClosed`, the oldest dropped past the bound. */
function withClosed(state: BoardState, ticket: ClosedTicket): BoardState {
  const closed = state.recentlyClosed ?? [];
  return {
    ...state,
    recentlyClosed: appendBounded(closed, ticket, BOARD_LIMITS.recentlyClosed),
  };
}

/**
 * A summarised order as a ticket (for `recentlyClosed`): the summary knows no items or
 * channel, and only whether it is ready; a ticket that is not ready counts as preparing.
 */
function ticketOfSummary(orderId: string, order: SummarisedOrder): OpenOrder {
  return {
    orderId,
    location: order.location,
    channel: 'unknown',
    status: order.ready ? 'ready' : 'preparing',
    itemCount: 0,
    total: order.total,
    currency: order.currency,
    placedAt: order.placedAt,
    updatedAt: order.placedAt,
    items: [],
  };
}
