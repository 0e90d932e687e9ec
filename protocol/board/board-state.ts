// About 350 lines on purpose: the board's state types of every domain, its limits and the one
// structural check of a whole board live together, because the check must match the types exactly
// (the element checks of the optional operator-action fields are in board-state-check.ts).
import type {
  AlertSeverity,
  OrderChannel,
  OrderStatus,
  PaymentStatus,
  QueueKind,
  SequencedEvent,
} from '../events';
import { emptyIdRecord } from './id-record';
import { dayKeyOf } from './day-key';
import {
  hasValidAlertStamps,
  hasValidTicketActionFields,
  isValidRecentlyClosed,
} from './board-state-check';

/**
 * The reduced board state of one tenant. Kept by the hub for snapshots and by
 * every client for live updates. Every collection is bounded (see BOARD_LIMITS),
 * so the state stays small however long a tenant runs.
 */
export const BOARD_STATE_VERSION = 1;

export const BOARD_LIMITS = {
  feed: 50,
  /**
   * Open orders kept in detail (items, channel, status) on the rail. Past it the
   * oldest open orders move to `olderOpenOrders`; closed orders never take a slot.
   */
  openOrders: 1000,
  /**
   * Open orders kept as a summary (placement time, location, money) past the detailed
   * ones, so counts, revenue and ticket times stay exact for 11,000 open orders at once.
   * Past both, the oldest tenth of the summary is dropped and their later statuses are ignored.
   */
  summarisedOrders: 10_000,
  /** A ticket with no status change for this long is marked stale (its closing event may be lost), ms. */
  staleTicketMs: 30 * 60_000,
  tablesPerLocation: 300,
  payments: 200,
  inventoryItems: 1000,
  metrics: 200,
  alerts: 30,
  /** Tickets that left the board by a bump to served or a clear, kept so `order.recalled` can bring them back. */
  recentlyClosed: 20,
  locations: 100,
  /** Minutes kept for the rolling payment window (the failure rate is over the last 15). */
  paymentWindowMinutes: 15,
  /** Five-minute buckets kept for the KPI trend sparklines (two hours). */
  trendBuckets: 24,
} as const;

export const TREND_BUCKET_MS = 5 * 60_000;

/** Day-scoped counters, reset when the tenant-local day changes. */
export interface DayTotals {
  orders: number;
  /** Revenue in minor units per ISO-4217 currency. */
  revenue: Record<string, number>;
  cancelled: number;
  /** Sum and count of placed→ready times, ms, for the average ticket time. */
  ticketTimeTotalMs: number;
  ticketsCompleted: number;
  payments: Record<PaymentStatus, number>;
}

export interface OpenOrder {
  orderId: string;
  location: string;
  channel: OrderChannel | 'unknown';
  status: 'placed' | Exclude<OrderStatus, 'served' | 'cancelled'>;
  itemCount: number;
  total: number;
  currency: string;
  /** Hub acceptance time of order.placed, epoch ms. */
  placedAt: number;
  updatedAt: number;
  items: TicketItem[];
  /** The last operator action on this ticket (hub acceptance time, epoch ms); absent when none. */
  lastAction?: { kind: 'bumped' | 'recalled'; by: string; at: number };
  /**
   * True when the ticket time is already in the day totals though the status is before
   * ready (a ready ticket was recalled), so a later ready does not count it again.
   */
  ticketCounted?: boolean;
}

/** A ticket that left the open book by a bump to served or a clear (`BoardState.recentlyClosed`). */
export interface ClosedTicket {
  /** The order as it was on the board just before it left (its status is the one a recall restores). */
  order: OpenOrder;
  /** Hub acceptance time of the bump or clear, epoch ms. */
  closedAt: number;
  /** Who bumped or cleared it (the action event's `by`). */
  closedBy: string;
  how: 'served' | 'cleared';
  /** The clear's reason; only for `how: 'cleared'`. */
  reason?: string;
}

/** One item line of a ticket; `sku`, `modifiers` and `note` are kept when order.placed carries them. */
export interface TicketItem {
  name: string;
  qty: number;
  sku?: string;
  modifiers?: string[];
  note?: string;
}

/**
 * An open order past the detailed cap: enough to keep counts, revenue and ticket
 * times exact when it is cancelled, becomes ready or is served.
 */
export interface SummarisedOrder {
  location: string;
  /** Hub acceptance time of its order.placed, epoch ms. */
  placedAt: number;
  total: number;
  currency: string;
  /** Its current status is ready (its ticket time is counted), as for a detailed order in the ready lane. */
  ready: boolean;
}

/** The summarised open orders and how many there are (kept, so no step counts a large map). */
export interface OlderOpenOrderBook {
  count: number;
  /** By order id; read with `ownValue` (id-record.ts). */
  orders: Record<string, SummarisedOrder>;
}

export interface TableState {
  tableId: string;
  occupied: boolean;
  covers: number;
  since: number;
}

export interface PaymentRecord {
  paymentId: string;
  orderId?: string;
  location: string;
  method: string;
  amount: number;
  currency: string;
  status: PaymentStatus;
  reason?: string;
  at: number;
  seq: number;
}

export interface PaymentMinute {
  /** Start of the minute, epoch ms. */
  minute: number;
  location: string;
  counts: Record<PaymentStatus, number>;
}

export interface InventoryItem {
  sku: string;
  name: string;
  location: string;
  qty: number;
  threshold: number;
  unit?: string;
  at: number;
}

export interface MetricValue {
  name: string;
  value: number;
  unit?: string;
  labels?: Record<string, string>;
  at: number;
}

export interface AlertRecord {
  id: string;
  location: string;
  severity: AlertSeverity;
  message: string;
  at: number;
  /** Hub acceptance time of the first `alert.acknowledged` (or of `alert.resolved` when it came first), epoch ms. */
  acknowledgedAt?: number;
  acknowledgedBy?: string;
  /** Hub acceptance time of the first `alert.resolved`, epoch ms; a resolved alert is closed. */
  resolvedAt?: number;
  resolvedBy?: string;
}

export interface TrendBucket {
  /** Bucket start, epoch ms, aligned to TREND_BUCKET_MS. */
  start: number;
  orders: number;
  revenue: number;
  failedPayments: number;
  occupiedTables: number;
  waitlist: number;
}

export interface LocationBoard {
  day: DayTotals;
  tables: Record<string, TableState>;
  queues: Partial<Record<QueueKind, number>>;
}

export interface FeedEntry {
  seq: number;
  ts: number;
  type: string;
  id: string;
  location?: string;
  /** Up to 8 primitive top-level `data` fields (strings cut at 120 chars), for localized feed rows. */
  fields: Record<string, string | number>;
}

export interface BoardState {
  version: typeof BOARD_STATE_VERSION;
  /** IANA time zone used for "today". */
  timeZone: string;
  /** Main currency of the tenant, for tiles; learnt from the first money event when not configured. */
  currency: string | null;
  /** Tenant-local calendar day (YYYY-MM-DD) the day totals belong to. */
  dayKey: string | null;
  /** Seq of the last event applied (0 before any). */
  seq: number;
  /** Hub time of the last event applied, epoch ms (0 before any). */
  lastEventAt: number;
  totals: DayTotals;
  locations: Record<string, LocationBoard>;
  openOrders: Record<string, OpenOrder>;
  /**
   * Open orders past `BOARD_LIMITS.openOrders`, by order id: the oldest open orders, summarised
   * rather than forgotten (shown as "+N older open orders"). Absent in boards from older hubs.
   */
  olderOpenOrders?: OlderOpenOrderBook;
  /**
   * Set when the board's history does not reach back to the start of `dayKey` (the log was
   * lost: a Redis flush, a deleted data dir, a new epoch): the day totals only count events
   * accepted since this instant, epoch ms. Absent when the totals cover the whole day.
   */
  totalsSince?: number;
  payments: PaymentRecord[];
  paymentWindow: PaymentMinute[];
  inventory: Record<string, InventoryItem>;
  metrics: Record<string, MetricValue>;
  alerts: AlertRecord[];
  /**
   * The last `BOARD_LIMITS.recentlyClosed` tickets that left by a bump to served or a clear,
   * newest last, so a recall can bring one back. Absent in boards from older hubs.
   */
  recentlyClosed?: ClosedTicket[];
  trend: TrendBucket[];
  feed: FeedEntry[];
}

export interface BoardOptions {
  timeZone?: string;
  currency?: string | null;
}

export function emptyDayTotals(): DayTotals {
  return {
    orders: 0,
    revenue: {},
    cancelled: 0,
    ticketTimeTotalMs: 0,
    ticketsCompleted: 0,
    payments: { authorized: 0, captured: 0, failed: 0, refunded: 0 },
  };
}

/** A fresh, empty board. An invalid time zone falls back to UTC rather than throwing at render time. */
export function createBoardState(options: BoardOptions = {}): BoardState {
  return {
    version: BOARD_STATE_VERSION,
    timeZone: isValidTimeZone(options.timeZone) ? options.timeZone : 'UTC',
    currency: options.currency ?? null,
    dayKey: null,
    seq: 0,
    lastEventAt: 0,
    totals: emptyDayTotals(),
    locations: emptyIdRecord(),
    openOrders: emptyIdRecord(),
    olderOpenOrders: { count: 0, orders: emptyIdRecord() },
    payments: [],
    paymentWindow: [],
    inventory: emptyIdRecord(),
    metrics: emptyIdRecord(),
    alerts: [],
    trend: [],
    feed: [],
  };
}

/**
 * A board that starts over at `seq` because the history before it is lost (a new epoch,
 * a log trimmed past the last checkpoint): its day totals count events from `since`
 * (epoch ms) on, and say so in `totalsSince` until the day ends.
 */
export function boardStartingOver(options: BoardOptions, seq: number, since: number): BoardState {
  const board = createBoardState(options);
  return { ...board, seq, dayKey: dayKeyOf(since, board.timeZone), totalsSince: since };
}

export function isValidTimeZone(zone: string | undefined): zone is string {
  if (!zone) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * Structural check for a board state received over the wire or read from a cache file.
 * Cheap on purpose: it guards against foreign or outdated data, not against a hostile hub.
 * The fields operator actions add (alert stamps, `lastAction`, `recentlyClosed`) are
 * optional, so boards from older hubs pass; when present they are checked (board-state-check.ts).
 */
export function isBoardState(value: unknown): value is BoardState {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Partial<BoardState>;
  return (
    s.version === BOARD_STATE_VERSION &&
    typeof s.timeZone === 'string' &&
    typeof s.seq === 'number' &&
    typeof s.totals === 'object' &&
    s.totals !== null &&
    typeof s.locations === 'object' &&
    s.locations !== null &&
    typeof s.openOrders === 'object' &&
    s.openOrders !== null &&
    Array.isArray(s.payments) &&
    Array.isArray(s.paymentWindow) &&
    typeof s.inventory === 'object' &&
    s.inventory !== null &&
    Array.isArray(s.feed) &&
    Array.isArray(s.trend) &&
    Array.isArray(s.alerts) &&
    s.alerts.every(hasValidAlertStamps) &&
    Object.values(s.openOrders).every(hasValidTicketActionFields) &&
    isValidRecentlyClosed(s.recentlyClosed, BOARD_LIMITS.recentlyClosed)
  );
}

export type { SequencedEvent };
