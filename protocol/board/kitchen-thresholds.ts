import {
  DEFAULT_KITCHEN_THRESHOLDS,
  directoryLocation,
  type KitchenThresholds,
  type TenantDirectoryEntry,
} from '../tenant-directory';
import type { OpenOrder } from './board-state';
import type { TicketUrgency } from './board-severity';

/**
 * Kitchen thresholds per location, from the tenant directory: when a ticket at
 * that location turns late, overdue and stale. A location the directory does not
 * configure (or a tenant without an entry) uses `DEFAULT_KITCHEN_THRESHOLDS`
 * (10 / 20 / 30 min). Pure, so the rail, the stale group and tests agree.
 */

const MINUTE_MS = 60_000;

/** A location's thresholds in ms, as the clock compares them. */
export interface TicketThresholdsMs {
  /** A ticket waiting this long since it was placed is late (amber). */
  lateMs: number;
  /** A ticket waiting this long since it was placed is overdue (red). */
  overdueMs: number;
  /** A ticket with no status change for this long is stale (its closing event may be lost). */
  staleMs: number;
}

function toMs(thresholds: KitchenThresholds): TicketThresholdsMs {
  return {
    lateMs: thresholds.lateAfterMin * MINUTE_MS,
    overdueMs: thresholds.overdueAfterMin * MINUTE_MS,
    staleMs: thresholds.staleAfterMin * MINUTE_MS,
  };
}

/** The thresholds of a location nobody configured: `DEFAULT_KITCHEN_THRESHOLDS` in ms. */
export const DEFAULT_TICKET_THRESHOLDS: Readonly<TicketThresholdsMs> = Object.freeze(
  toMs(DEFAULT_KITCHEN_THRESHOLDS),
);

/** One location's thresholds in ms: the directory's, else the defaults. Safe for any id. */
export function kitchenThresholdsOf(
  entry: Pick<TenantDirectoryEntry, 'locations'> | null | undefined,
  location: string,
): TicketThresholdsMs {
  const configured = directoryLocation(entry, location)?.thresholds;
  return configured ? toMs(configured) : DEFAULT_TICKET_THRESHOLDS;
}

/** Looks up a location's thresholds; the same function for the same directory entry. */
export type KitchenThresholdLookup = (location: string) => TicketThresholdsMs;

const lookups = new WeakMap<object, KitchenThresholdLookup>();
const defaultLookup: KitchenThresholdLookup = () => DEFAULT_TICKET_THRESHOLDS;

/**
 * A lookup of thresholds per location for one directory entry, built once per
 * entry object and reused, so components can memoise on it. Each location's
 * thresholds object is computed once as well.
 */
export function kitchenThresholdLookup(
  entry: Pick<TenantDirectoryEntry, 'locations'> | null | undefined,
): KitchenThresholdLookup {
  if (!entry) return defaultLookup;
  let lookup = lookups.get(entry);
  if (!lookup) {
    const byLocation = new Map<string, TicketThresholdsMs>();
    for (const location of entry.locations) byLocation.set(location.id, toMs(location.thresholds));
    lookup = (location) => byLocation.get(location) ?? DEFAULT_TICKET_THRESHOLDS;
    lookups.set(entry, lookup);
  }
  return lookup;
}

/** A ticket's urgency after waiting `ageMs` (≥ 0) against its location's thresholds. */
export function ticketUrgencyWith(ageMs: number, thresholds: TicketThresholdsMs): TicketUrgency {
  if (ageMs >= thresholds.overdueMs) return 'overdue';
  if (ageMs >= thresholds.lateMs) return 'late';
  return 'on_time';
}

/**
 * True when the ticket has had no status change for its location's stale
 * threshold at `now` (epoch ms, the board's data clock).
 */
export function isStaleTicketWith(
  order: Pick<OpenOrder, 'updatedAt'>,
  now: number,
  thresholds: TicketThresholdsMs,
): boolean {
  return now - order.updatedAt >= thresholds.staleMs;
}
