import type { InventoryItem } from './board-state';

/**
 * Every severity threshold a board shows, in one place, so Overview, Payments,
 * Inventory, the Kitchen rail and the wall agree on the same figure. Boards
 * render `Severity` as a colour, an icon and a word; they never compare
 * figures against thresholds themselves.
 */
export type Severity = 'ok' | 'warning' | 'bad';

export const SEVERITY_THRESHOLDS = {
  /** Failed share of payments over the 15-min window at or above which the rate is bad (red); any failure below it is a warning. */
  failedPaymentRateBad: 0.1,
  /** Parties waiting above which the waitlist is a warning. */
  waitlistWarning: 5,
  /** A ticket waiting this long is late (amber), ms. */
  ticketLateMs: 10 * 60_000,
  /** A ticket waiting this long is overdue (red), ms. */
  ticketOverdueMs: 20 * 60_000,
} as const;

/**
 * Severity of the failed payments over the rolling window: ok with none,
 * bad at or above `failedPaymentRateBad`, otherwise warning.
 * @param failed failed payments in the window (≥ 0)
 * @param rate failed / total over the window, 0..1
 */
export function failedPaymentSeverity(failed: number, rate: number): Severity {
  if (failed <= 0) return 'ok';
  return rate >= SEVERITY_THRESHOLDS.failedPaymentRateBad ? 'bad' : 'warning';
}

/** Severity of a waitlist of `parties`: a warning above `waitlistWarning`, else ok. */
export function waitlistSeverity(parties: number): Severity {
  return parties > SEVERITY_THRESHOLDS.waitlistWarning ? 'warning' : 'ok';
}

/** Severity of a stock level: bad when out (qty ≤ 0), warning at or below its threshold, else ok. */
export function stockSeverity(item: Pick<InventoryItem, 'qty' | 'threshold'>): Severity {
  if (item.qty <= 0) return 'bad';
  return item.qty <= item.threshold ? 'warning' : 'ok';
}

/**
 * How far below its threshold an item is, as a share of the threshold, 0..1
 * (1 = out of stock, 0 = at or above the threshold). Units differ between
 * items (kg, pcs), so shortfalls compare relatively.
 */
export function stockShortfall(item: Pick<InventoryItem, 'qty' | 'threshold'>): number {
  if (item.threshold <= 0) return item.qty <= 0 ? 1 : 0;
  return Math.min(1, Math.max(0, (item.threshold - item.qty) / item.threshold));
}

export type TicketUrgency = 'on_time' | 'late' | 'overdue';

/** A kitchen ticket's urgency after waiting `ageMs`: late, then overdue, at the thresholds above. */
export function ticketUrgency(ageMs: number): TicketUrgency {
  if (ageMs >= SEVERITY_THRESHOLDS.ticketOverdueMs) return 'overdue';
  if (ageMs >= SEVERITY_THRESHOLDS.ticketLateMs) return 'late';
  return 'on_time';
}

/** The severity a ticket urgency is shown with. */
export function ticketSeverity(urgency: TicketUrgency): Severity {
  return urgency === 'overdue' ? 'bad' : urgency === 'late' ? 'warning' : 'ok';
}
