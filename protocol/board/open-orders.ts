import type { BoardState, OpenOrder, SummarisedOrder } from './board-state';
import { updateDay, withEntry } from './board-collections';
import { emptyIdRecord, ownValue } from './id-record';

/**
 * The open-order book of a board: the detailed rail (`openOrders`) and, past its cap,
 * the summary of the oldest open orders (`olderOpenOrders`).
 *
 * Rules (docs/protocol.md, "Open orders"):
 * - served and cancelled orders leave at once, so closed orders never take a slot;
 * - a repeated order.placed for an order still open is ignored (the first placement counts);
 * - past `caps.openOrders`, the oldest open order (by placement) moves to the summary,
 *   never out of the count; past `caps.summarisedOrders` the oldest summarised one is dropped;
 * - a status for a summarised order updates the summary; a status for an order the board
 *   never saw placed creates no ticket (only a cancellation is still counted);
 * - ticket times use the placement time of the order.placed event only.
 * @internal
 */

/** How many open orders a board keeps in detail and in summary. */
export interface OrderCaps {
  openOrders: number;
  summarisedOrders: number;
}

export interface PlacedOrder {
  orderId: string;
  channel: OpenOrder['channel'];
  items: Array<{ name: string; qty: number }>;
  total: number;
  currency: string;
}

function summaryOf(state: BoardState): Record<string, SummarisedOrder> {
  return state.olderOpenOrders ?? emptyIdRecord();
}

export function applyOrderPlaced(
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
    items: data.items.slice(0, 20).map((item) => ({ name: item.name, qty: item.qty })),
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
    ? { ...existing, ready: existing.status === 'ready' }
    : (summarised as SummarisedOrder);
  let next: BoardState;
  if (existing) {
    const updated = closing
      ? undefined
      : { ...existing, status: status as OpenOrder['status'], updatedAt: ts };
    next = { ...state, openOrders: withEntry(state.openOrders, orderId, updated) };
  } else {
    const updated = closing ? undefined : { ...known, ready: status === 'ready' };
    next = { ...state, olderOpenOrders: withEntry(summaryOf(state), orderId, updated) };
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

/**
 * Past the detailed cap, moves the oldest open order (by placement) to the summary; past the
 * summary cap, drops the oldest summarised one. One new order at a time, so one linear scan each.
 */
function boundOrders(state: BoardState, caps: OrderCaps): BoardState {
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
    ready: oldest.status === 'ready',
  };
  let older = withEntry(summaryOf(state), oldest.orderId, summary);
  if (Object.keys(older).length > caps.summarisedOrders) {
    let oldestId: string | undefined;
    let oldestAt = Infinity;
    for (const [id, entry] of Object.entries(older))
      if (entry.placedAt < oldestAt) [oldestId, oldestAt] = [id, entry.placedAt];
    if (oldestId !== undefined) older = withEntry(older, oldestId, undefined);
  }
  return {
    ...state,
    openOrders: withEntry(state.openOrders, oldest.orderId, undefined),
    olderOpenOrders: older,
  };
}
