import type {
  AlertSeverity,
  OrderChannel,
  OrderStatus,
  PaymentStatus,
  QueueKind,
  SequencedEvent,
} from '../events';

/**
 * The reduced board state of one tenant. Kept by the hub for snapshots and by
 * every client for live updates. Every collection is bounded (see BOARD_LIMITS),
 * so the state stays small however long a tenant runs.
 */
export const BOARD_STATE_VERSION = 1;

export const BOARD_LIMITS = {
  feed: 50,
  openOrders: 500,
  tablesPerLocation: 300,
  payments: 200,
  inventoryItems: 1000,
  metrics: 200,
  alerts: 30,
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
  items: Array<{ name: string; qty: number }>;
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
  payments: PaymentRecord[];
  paymentWindow: PaymentMinute[];
  inventory: Record<string, InventoryItem>;
  metrics: Record<string, MetricValue>;
  alerts: AlertRecord[];
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
    locations: {},
    openOrders: {},
    payments: [],
    paymentWindow: [],
    inventory: {},
    metrics: {},
    alerts: [],
    trend: [],
    feed: [],
  };
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
    Array.isArray(s.alerts)
  );
}

export type { SequencedEvent };
