import type {
  BoardState,
  OlderOpenOrderBook,
  OpenOrder,
  SummarisedOrder,
  TicketItem,
} from '../board-state';
import { updateDay, withEntry } from '../board-collections';
import { emptyIdRecord, ownValue } from '../id-record';
import type { DomainSteps, OrderCaps } from './domain-step';

/**
 * The orders domain (`order.placed`, `order.status`): the open-order book of a board,
 * that is the detailed rail (`openOrders`) and, past its cap, the summary of the oldest
 * open orders (`olderOpenOrders`), plus the day's order, revenue, cancellation and
 * ticket-time counters.
 *
 * Rules (docs/protocol.md, "Open orders"):
 * - served and cancelled orders leave at once, so closed orders never take a slot;
 * - a repeated order.placed for an order still open is ignored (the first placement counts);
 * - past `caps.openOrders`, the oldest open order (by placement) moves to the summary,
 *   never out of the count; past `caps.summarisedOrders` the oldest tenth of the summary is dropped;
 * - a status for a summarised order updates the summary; a status for an order the board
 *   never saw placed creates no ticket (only a cancellation is still counted);
 * - ticket times use the placement time of the order.placed event only, and count once per
 *   order: a ticket recalled from ready (`ticketCounted`) is not counted again when ready.
 * Operator actions on tickets (bump, recall, clear) are in order-actions.ts, on the same book.
 * @internal
 */

/** The orders domain's steps, for the dispatcher in board-reducer.ts. */
export const ordersDomain: DomainSteps = {
  'order.placed': (state, event, { caps }) =>
    applyOrderPlaced(state, event.location, event.ts, event.data, caps),
  'order.status': (state, event) =>
    applyOrderStatus(state, event.location, event.ts, event.data.orderId, event.data.status),
};

interface PlacedOrder {
  orderId: string;
  channel: OpenOrder['channel'];
  items: TicketItem[];
  total: number;
  currency: string;
}

const NO_OLDER_ORDERS: OlderOpenOrderBook = { count: 0, orders: emptyIdRecord() };

/** The summarised open orders of a board (an empty book for boards from older hubs). @internal */
export function bookOf(state: BoardState): OlderOpenOrderBook {
  return state.olderOpenOrders ?? NO_OLDER_ORDERS;
}

function summaryOf(state: BoardState): Record<string, SummarisedOrder> {
  return bookOf(state).orders;
}

/** The book with `id` set to `order`, or removed when undefined; the count follows. @internal */
export function withSummarised(
  book: OlderOpenOrderBook,
  id: string,
  order: SummarisedOrder | undefined,
): OlderOpenOrderBook {
  const had = ownValue(book.orders, id) !== undefined;
  const count = book.count + (order ? (had ? 0 : 1) : had ? -1 : 0);
  return { count, orders: withEntry(book.orders, id, order) };
}

function applyOrderPlaced(
  state: BoardState,
  location: string,
  ts: number,
  data: PlacedOrder,
  caps: OrderCaps,
): BoardState {
  // A repeated order.placed for an order still open changes nothing: the first placement counts,
  // wherever the order is kept, so the board does not depend on which orders were summarised.
  if (ownValue(state.openOrders, data.orderId) || ownValue(summaryOf(state), data.orderId))
    return { ...state, currency: state.currency ?? data.currency };
  const order: OpenOrder = {
    orderId: data.orderId,
    location,
    channel: data.channel,
    status: 'placed',
    itemCount: data.items.reduce((sum, item) => sum + item.qty, 0),
    total: data.total,
    currency: data.currency,
    placedAt: ts,
    updatedAt: ts,
    items: data.items.slice(0, 20).map(ticketItem),
  };
  const next = boundOrders(
    {
      ...state,
      currency: state.currency ?? data.currency,
      openOrders: withEntry(state.openOrders, order.orderId, order),
    },
    caps,
  );
  return updateDay(next, location, (day) => ({
    ...day,
    orders: day.orders + 1,
    revenue: { ...day.revenue, [data.currency]: (day.revenue[data.currency] ?? 0) + data.total },
  }));
}

/** The fields of an order item the ticket shows; the rest of the item (price, extras) is not kept. */
function ticketItem(item: TicketItem): TicketItem {
  return {
    name: item.name,
    qty: item.qty,
    ...(item.sku !== undefined ? { sku: item.sku } : {}),
    ...(item.modifiers !== undefined && item.modifiers.length > 0
      ? { modifiers: [...item.modifiers] }
      : {}),
    ...(item.note !== undefined ? { note: item.note } : {}),
  };
}

/**
 * A status change of an open order, with its counters: a cancellation takes its revenue
 * out, the first ready (or served without ready) completes its ticket time, and served or
 * cancelled takes it off the book. Shared with the bump of order-actions.ts. @internal
 */
export function applyOrderStatus(
  state: BoardState,
  location: string,
  ts: number,
  orderId: string,
  status: string,
): BoardState {
  const existing = ownValue(state.openOrders, orderId);
  const summarised = existing ? undefined : ownValue(summaryOf(state), orderId);
  const closing = status === 'served' || status === 'cancelled';
  if (!existing && !summarised) {
    return status === 'cancelled'
      ? updateDay(state, location, (day) => ({ ...day, cancelled: day.cancelled + 1 }))
      : state;
  }
  const known: SummarisedOrder = existing
    ? { ...existing, ready: ticketTimeCounted(existing) }
    : (summarised as SummarisedOrder);
  let next: BoardState;
  if (existing) {
    const updated = closing
      ? undefined
      : { ...existing, status: status as OpenOrder['status'], updatedAt: ts };
    next = { ...state, openOrders: withEntry(state.openOrders, orderId, updated) };
  } else {
    const updated = closing ? undefined : { ...known, ready: status === 'ready' };
    next = { ...state, olderOpenOrders: withSummarised(bookOf(state), orderId, updated) };
  }
  if (status === 'cancelled') {
    return updateDay(next, known.location, (day) => ({
      ...day,
      cancelled: day.cancelled + 1,
      revenue: {
        ...day.revenue,
        [known.currency]: Math.max(0, (day.revenue[known.currency] ?? 0) - known.total),
      },
    }));
  }
  // A ticket is complete when the kitchen marks it ready (or it is served without a ready step).
  if ((status === 'ready' || status === 'served') && !known.ready)
    next = completeTicket(next, known, ts);
  return next;
}

function completeTicket(state: BoardState, order: SummarisedOrder, ts: number): BoardState {
  const elapsed = Math.max(0, ts - order.placedAt);
  return updateDay(state, order.location, (day) => ({
    ...day,
    ticketTimeTotalMs: day.ticketTimeTotalMs + elapsed,
    ticketsCompleted: day.ticketsCompleted + 1,
  }));
}

/** True when the order's ticket time is already in the day totals. */
function ticketTimeCounted(order: OpenOrder): boolean {
  return order.status === 'ready' || order.ticketCounted === true;
}

/**
 * Past the detailed cap, moves the oldest open order (by placement) to the summary; past the
 * summary cap, drops the oldest summarised one. One new order at a time, so one linear scan each.
 * @internal
 */
export function boundOrders(state: BoardState, caps: OrderCaps): BoardState {
  if (Object.keys(state.openOrders).length <= caps.openOrders) return state;
  let oldest: OpenOrder | undefined;
  for (const order of Object.values(state.openOrders))
    if (!oldest || order.placedAt < oldest.placedAt) oldest = order;
  if (!oldest) return state;
  const summary: SummarisedOrder = {
    location: oldest.location,
    placedAt: oldest.placedAt,
    total: oldest.total,
    currency: oldest.currency,
    ready: ticketTimeCounted(oldest),
  };
  let older = withSummarised(bookOf(state), oldest.orderId, summary);
  if (older.count > caps.summarisedOrders) older = dropOldestSummarised(older, caps);
  return {
    ...state,
    openOrders: withEntry(state.openOrders, oldest.orderId, undefined),
    olderOpenOrders: older,
  };
}

/**
 * Past both caps (over 11,000 open orders), drops the oldest tenth of the summary in one
 * sort, so the cost is one sort per thousand orders rather than a scan per order.
 */
function dropOldestSummarised(book: OlderOpenOrderBook, caps: OrderCaps): OlderOpenOrderBook {
  const keep = Math.floor(caps.summarisedOrders * 0.9);
  const byAge = Object.entries(book.orders).sort(([, a], [, b]) => a.placedAt - b.placedAt);
  let next = book;
  for (const [id] of byAge.slice(0, byAge.length - keep))
    next = withSummarised(next, id, undefined);
  return next;
}
