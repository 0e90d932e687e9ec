import type { OpenOrder, TicketItem } from './board-state';
import { isStaleTicket } from './board-selectors';

/**
 * How a ticket lists its items: one line per distinct dish, so a POS that sends
 * the same dish twice shows `3× Flat white`, not `1× Flat white, 2× Flat white`.
 * Two items are the same dish when sku, name, modifiers (in any order) and note
 * all match; an item with a different modifier or note stays its own line,
 * because the kitchen makes it differently.
 */

/** One line of a ticket: a dish, its total quantity, and its kitchen details. */
export interface GroupedTicketItem {
  /** Stable within the ticket (built from the grouping key), for list keys. */
  key: string;
  name: string;
  qty: number;
  modifiers: readonly string[];
  note: string | null;
}

const NO_MODIFIERS: readonly string[] = [];

function groupKey(item: TicketItem, modifiers: readonly string[]): string {
  return JSON.stringify([item.sku ?? '', item.name, modifiers, item.note ?? '']);
}

/**
 * The ticket's items grouped by sku + name + modifiers + note, in the order
 * each dish first appears; quantities add up. Pure; the input is not changed.
 */
export function groupTicketItems(items: readonly TicketItem[]): GroupedTicketItem[] {
  const lines = new Map<string, GroupedTicketItem>();
  for (const item of items) {
    const modifiers =
      item.modifiers && item.modifiers.length > 0 ? [...item.modifiers].sort() : NO_MODIFIERS;
    const key = groupKey(item, modifiers);
    const line = lines.get(key);
    if (line) line.qty += item.qty;
    else
      lines.set(key, {
        key,
        name: item.name,
        qty: item.qty,
        modifiers: item.modifiers && item.modifiers.length > 0 ? item.modifiers : NO_MODIFIERS,
        note: item.note ?? null,
      });
  }
  return [...lines.values()];
}

/**
 * The open orders of lanes split into live tickets and stale ones (no status
 * change for `BOARD_LIMITS.staleTicketMs`, see isStaleTicket in board-selectors.ts, or for
 * the location's own threshold when `isStale` says so, see kitchen-thresholds.ts): stale
 * tickets leave the lanes so they never push live tickets off a wall display.
 * @param now epoch ms (the board's data clock)
 */
export function splitStaleTickets<L extends string>(
  lanes: Readonly<Record<L, readonly OpenOrder[]>>,
  now: number,
  isStale: (order: OpenOrder, now: number) => boolean = isStaleTicket,
): { live: Record<L, readonly OpenOrder[]>; stale: OpenOrder[] } {
  const live = {} as Record<L, readonly OpenOrder[]>;
  const stale: OpenOrder[] = [];
  for (const status of Object.keys(lanes) as L[]) {
    const orders = lanes[status];
    const firstStale = orders.findIndex((order) => isStale(order, now));
    if (firstStale < 0) {
      // Keeps the lane's array, so memoised lanes re-render only when one of theirs goes stale.
      live[status] = orders;
      continue;
    }
    const kept: OpenOrder[] = [];
    for (const order of orders) (isStale(order, now) ? stale : kept).push(order);
    live[status] = kept;
  }
  stale.sort((a, b) => a.updatedAt - b.updatedAt);
  return { live, stale };
}
