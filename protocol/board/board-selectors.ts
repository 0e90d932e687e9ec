// About 300 lines on purpose: the one place the boards' derived figures are computed (counts,
// windows, occupancy, low stock), so every board and the hub agree; thresholds are in board-severity.ts.
import type { OrderStatus } from '../events';
import type { BoardState, DayTotals, InventoryItem, LocationBoard, OpenOrder } from './board-state';
import { BOARD_LIMITS } from './board-state';
import { stockShortfall } from './board-severity';
import { ownValue } from './id-record';
import {
  configuredTableCount,
  directoryLocation,
  locationDisplayName,
  tenantDirectoryEntrySchema,
  type BoardWithDirectory,
  type TenantDirectoryEntry,
} from '../tenant-directory';

/**
 * Read-only views over a BoardState, shared by the renderer and tests.
 * `now` is passed in (epoch ms) so the selectors stay pure.
 */

const MINUTE_MS = 60_000;

export interface PaymentWindowSummary {
  total: number;
  failed: number;
  /** failed / total over the window, 0..1; 0 when there were no payments. */
  failureRate: number;
}

/** Payments over the last 15 minutes before `now`, optionally for one location. */
export function paymentWindow(
  state: BoardState,
  now: number,
  location?: string,
): PaymentWindowSummary {
  const cutoff =
    Math.floor(now / MINUTE_MS) * MINUTE_MS - (BOARD_LIMITS.paymentWindowMinutes - 1) * MINUTE_MS;
  let total = 0;
  let failed = 0;
  for (const bucket of state.paymentWindow) {
    if (bucket.minute < cutoff || bucket.minute > now) continue;
    if (location !== undefined && bucket.location !== location) continue;
    const counts = bucket.counts;
    total += counts.authorized + counts.captured + counts.failed + counts.refunded;
    failed += counts.failed;
  }
  return { total, failed, failureRate: total === 0 ? 0 : failed / total };
}

export function dayTotals(state: BoardState, location?: string): DayTotals {
  return location === undefined
    ? state.totals
    : (ownValue(state.locations, location)?.day ?? state.totals);
}

/** One location's board, or undefined; safe for any location name. */
export function locationBoard(state: BoardState, location: string): LocationBoard | undefined {
  return ownValue(state.locations, location);
}

/** Average placed→ready time today, ms; null before the first completed ticket. */
export function averageTicketMs(state: BoardState, location?: string): number | null {
  const day = dayTotals(state, location);
  return day.ticketsCompleted === 0
    ? null
    : Math.round(day.ticketTimeTotalMs / day.ticketsCompleted);
}

export function tableOccupancy(
  state: BoardState,
  location?: string,
): { occupied: number; known: number } {
  let occupied = 0;
  let known = 0;
  for (const [key, board] of Object.entries(state.locations)) {
    if (location !== undefined && key !== location) continue;
    for (const table of Object.values(board.tables)) {
      known += 1;
      if (table.occupied) occupied += 1;
    }
  }
  return { occupied, known };
}

const parsedDirectories = new WeakMap<object, TenantDirectoryEntry | null>();

/**
 * The tenant's directory entry the hub sent with the board (`state.directory`),
 * or null when there is none or it is not a valid entry. Checked once per object.
 */
export function boardDirectory(state: BoardState): TenantDirectoryEntry | null {
  const raw = (state as BoardWithDirectory).directory as unknown;
  if (typeof raw !== 'object' || raw === null) return null;
  let entry = parsedDirectories.get(raw);
  if (entry === undefined) {
    const result = tenantDirectoryEntrySchema.safeParse(raw);
    entry = result.success ? result.data : null;
    parsedDirectories.set(raw, entry);
  }
  return entry;
}

/** The name to show for `location` in `locale`: the directory's, or undefined when it has none. */
export function locationLabel(
  state: BoardState,
  location: string,
  locale: string,
): string | undefined {
  return locationDisplayName(boardDirectory(state), location, locale);
}

export interface ConfiguredOccupancy {
  occupied: number;
  /** Tables counted: the configured ones plus every unknown one seen. */
  total: number;
  /** Tables the directory configures; null when it knows nothing of the location(s) (then `total` is the tables seen). */
  configured: number | null;
  /** Tables seen in events that the directory does not know. */
  unknown: number;
}

/**
 * Tables a location's events mention that its directory entry does not know:
 * ids outside its listed tables, beyond the areas that give only a count (those
 * take the unlisted ids in natural order). Every table is unknown when the tenant
 * has a directory entry that lacks the location; none when it has no entry at all.
 */
export function unknownTables(state: BoardState, location: string): Set<string> {
  const directory = boardDirectory(state);
  const seen = Object.keys(locationBoard(state, location)?.tables ?? {});
  if (!directory) return new Set();
  const configured = directoryLocation(directory, location);
  if (!configured) return new Set(seen);
  const listed = new Set<string>();
  let countOnly = 0;
  for (const area of configured.areas) {
    if (Array.isArray(area.tables)) for (const id of area.tables) listed.add(id);
    else countOnly += area.tables;
  }
  const unlisted = seen
    .filter((id) => !listed.has(id))
    .sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
  return new Set(unlisted.slice(countOnly));
}

/**
 * Occupancy against the tables the directory configures, for one location or the
 * whole tenant (every configured location counts, with or without events yet).
 * Unknown tables are counted too and reported apart. Without a directory entry it
 * is the tables seen so far, as `tableOccupancy`.
 */
export function configuredOccupancy(state: BoardState, location?: string): ConfiguredOccupancy {
  const directory = boardDirectory(state);
  const names = new Set(location === undefined ? Object.keys(state.locations) : [location]);
  if (location === undefined) for (const entry of directory?.locations ?? []) names.add(entry.id);
  let occupied = 0;
  let seen = 0;
  let configured: number | null = null;
  let unknown = 0;
  for (const name of names) {
    const tables = Object.values(locationBoard(state, name)?.tables ?? {});
    seen += tables.length;
    for (const table of tables) if (table.occupied) occupied += 1;
    const entry = directoryLocation(directory, name);
    if (entry) configured = (configured ?? 0) + configuredTableCount(entry);
    unknown += unknownTables(state, name).size;
  }
  const total = configured === null ? seen : configured + unknown;
  return { occupied, total, configured, unknown };
}

export type OpenOrderStatus = OpenOrder['status'];
export const OPEN_ORDER_STATUSES: readonly OpenOrderStatus[] = [
  'placed',
  'accepted',
  'preparing',
  'ready',
];

export function openOrdersByStatus(
  state: BoardState,
  location?: string,
): Record<OpenOrderStatus, OpenOrder[]> {
  const lanes: Record<OpenOrderStatus, OpenOrder[]> = {
    placed: [],
    accepted: [],
    preparing: [],
    ready: [],
  };
  for (const order of Object.values(state.openOrders)) {
    if (location !== undefined && order.location !== location) continue;
    lanes[order.status].push(order);
  }
  for (const lane of Object.values(lanes)) lane.sort((a, b) => a.placedAt - b.placedAt);
  return lanes;
}

export type OpenOrderLanes = Readonly<Record<OpenOrderStatus, readonly OpenOrder[]>>;

/**
 * A memoised `openOrdersByStatus` for one view: it recomputes only when
 * `state.openOrders` (or the location) is a different object, and it returns the
 * previous lane array for every lane whose tickets are the same objects in the
 * same order (and the previous result when no lane changed). Components can
 * then skip a lane, or the whole rail, by reference. Keep one selector per view.
 */
export function createOpenOrderLanesSelector(): (
  state: BoardState,
  location?: string,
) => OpenOrderLanes {
  let lastOrders: BoardState['openOrders'] | null = null;
  let lastLocation: string | undefined;
  let lastLanes: OpenOrderLanes | null = null;
  return (state, location) => {
    if (lastLanes && state.openOrders === lastOrders && location === lastLocation) return lastLanes;
    const fresh = openOrdersByStatus(state, location);
    const previous = lastLanes;
    let same = previous !== null;
    const lanes = {} as Record<OpenOrderStatus, readonly OpenOrder[]>;
    for (const status of OPEN_ORDER_STATUSES) {
      const before = previous?.[status];
      const reuse = before !== undefined && sameItems(before, fresh[status]);
      lanes[status] = reuse ? before : fresh[status];
      if (!reuse) same = false;
    }
    lastOrders = state.openOrders;
    lastLocation = location;
    lastLanes = same && previous ? previous : lanes;
    return lastLanes;
  };
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index += 1) if (a[index] !== b[index]) return false;
  return true;
}

/** Every open order, detailed or summarised. */
export function openOrderCount(state: BoardState, location?: string): number {
  const older = olderOpenOrders(state, location).count;
  if (location === undefined) return Object.keys(state.openOrders).length + older;
  return (
    Object.values(state.openOrders).filter((order) => order.location === location).length + older
  );
}

export interface OlderOpenOrders {
  /** Open orders kept only as a summary ("+N older open orders"). */
  count: number;
  /** Placement time of the oldest of them, epoch ms; null when count is 0. */
  oldestPlacedAt: number | null;
}

/** The open orders past the detailed rail, which are older than every ticket on it. */
export function olderOpenOrders(state: BoardState, location?: string): OlderOpenOrders {
  let count = 0;
  let oldestPlacedAt: number | null = null;
  const book = state.olderOpenOrders;
  if (!book || book.count === 0) return { count: 0, oldestPlacedAt: null };
  for (const order of Object.values(book.orders)) {
    if (location !== undefined && order.location !== location) continue;
    count += 1;
    if (oldestPlacedAt === null || order.placedAt < oldestPlacedAt) oldestPlacedAt = order.placedAt;
  }
  return { count, oldestPlacedAt };
}

/**
 * A ticket with no status change for `BOARD_LIMITS.staleTicketMs`: its closing event may be
 * lost, so it is shown as stale rather than late forever.
 */
export function isStaleTicket(order: OpenOrder, now: number): boolean {
  return now - order.updatedAt >= BOARD_LIMITS.staleTicketMs;
}

/**
 * Items at or below their threshold, largest shortfall first (relative to the
 * threshold, see stockShortfall; ties: larger absolute shortfall, then name).
 */
export function lowStock(state: BoardState, location?: string): InventoryItem[] {
  return Object.values(state.inventory)
    .filter(
      (item) =>
        item.qty <= item.threshold && (location === undefined || item.location === location),
    )
    .sort(
      (a, b) =>
        stockShortfall(b) - stockShortfall(a) ||
        b.threshold - b.qty - (a.threshold - a.qty) ||
        a.name.localeCompare(b.name),
    );
}

export function waitlistLength(state: BoardState, location?: string): number {
  let total = 0;
  for (const [key, board] of Object.entries(state.locations)) {
    if (location !== undefined && key !== location) continue;
    total += board.queues.waitlist ?? 0;
  }
  return total;
}

/** Locations seen on this board, sorted, without the unlocated bucket. */
export function locationNames(state: BoardState): string[] {
  return Object.keys(state.locations)
    .filter((name) => name !== '')
    .sort();
}

/** Revenue today in the tenant's main currency, minor units. */
export function revenueToday(
  state: BoardState,
  location?: string,
): { amount: number; currency: string | null } {
  const currency = state.currency;
  const day = dayTotals(state, location);
  return { amount: currency ? (day.revenue[currency] ?? 0) : 0, currency };
}

export type { OrderStatus };

export * from './board-severity';
export * from './trend-series';
