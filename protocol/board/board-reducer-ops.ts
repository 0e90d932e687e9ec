import { asKnownEvent, type OpsEvent, type SequencedEvent } from '../events';
import {
  BOARD_LIMITS,
  type BoardState,
  type LocationBoard,
  type PaymentMinute,
  type PaymentRecord,
} from './board-state';
import { appendBounded, updateDay, withEntry } from './board-collections';
import { ownValue } from './id-record';

/** @internal Reducer steps for the non-order event types; each is pure. */

const MINUTE_MS = 60_000;

function withLocation(
  state: BoardState,
  location: string,
  change: (board: LocationBoard) => LocationBoard,
): BoardState {
  const board = ownValue(state.locations, location);
  if (!board) return state;
  return { ...state, locations: withEntry(state.locations, location, change(board)) };
}

export function applyTable(
  state: BoardState,
  location: string,
  ts: number,
  event: OpsEvent,
): BoardState {
  const seated = asKnownEvent(event, 'table.seated');
  const cleared = seated ? null : asKnownEvent(event, 'table.cleared');
  const tableId = seated?.tableId ?? cleared?.tableId;
  if (!tableId) return state;
  return withLocation(state, location, (board) => {
    if (
      !ownValue(board.tables, tableId) &&
      Object.keys(board.tables).length >= BOARD_LIMITS.tablesPerLocation
    )
      return board;
    const table = seated
      ? { tableId, occupied: true, covers: seated.covers, since: ts }
      : { tableId, occupied: false, covers: 0, since: ts };
    return { ...board, tables: withEntry(board.tables, tableId, table) };
  });
}

export function applyPayment(
  state: BoardState,
  location: string,
  record: SequencedEvent,
): BoardState {
  const data = asKnownEvent(record.event, 'payment.status');
  if (!data) return state;
  const payment: PaymentRecord = {
    paymentId: data.paymentId,
    ...(data.orderId ? { orderId: data.orderId } : {}),
    location,
    method: data.method,
    amount: data.amount,
    currency: data.currency,
    status: data.status,
    ...(data.reason ? { reason: data.reason } : {}),
    at: record.ts,
    seq: record.seq,
  };
  let next = updateDay(state, location, (day) => ({
    ...day,
    payments: { ...day.payments, [data.status]: day.payments[data.status] + 1 },
  }));
  next = {
    ...next,
    currency: next.currency ?? data.currency,
    payments: appendBounded(next.payments, payment, BOARD_LIMITS.payments),
  };
  return {
    ...next,
    paymentWindow: bumpPaymentMinute(next.paymentWindow, location, record.ts, data.status),
  };
}

function bumpPaymentMinute(
  window: PaymentMinute[],
  location: string,
  ts: number,
  status: PaymentRecord['status'],
): PaymentMinute[] {
  const minute = Math.floor(ts / MINUTE_MS) * MINUTE_MS;
  const cutoff = minute - (BOARD_LIMITS.paymentWindowMinutes - 1) * MINUTE_MS;
  let found = false;
  const kept = window
    .filter((bucket) => bucket.minute >= cutoff)
    .map((bucket) => {
      if (bucket.minute !== minute || bucket.location !== location) return bucket;
      found = true;
      return { ...bucket, counts: { ...bucket.counts, [status]: bucket.counts[status] + 1 } };
    });
  if (!found) {
    const counts = { authorized: 0, captured: 0, failed: 0, refunded: 0 };
    counts[status] = 1;
    kept.push({ minute, location, counts });
  }
  return kept;
}

export function applyInventory(
  state: BoardState,
  location: string,
  ts: number,
  event: OpsEvent,
): BoardState {
  const data = asKnownEvent(event, 'inventory.level');
  if (!data) return state;
  const key = `${location}|${data.sku}`;
  if (
    !ownValue(state.inventory, key) &&
    Object.keys(state.inventory).length >= BOARD_LIMITS.inventoryItems
  )
    return state;
  const item = {
    sku: data.sku,
    name: data.name,
    location,
    qty: data.qty,
    threshold: data.threshold,
    ...(data.unit ? { unit: data.unit } : {}),
    at: ts,
  };
  return { ...state, inventory: withEntry(state.inventory, key, item) };
}

export function applyQueue(state: BoardState, location: string, event: OpsEvent): BoardState {
  const data = asKnownEvent(event, 'queue.length');
  if (!data) return state;
  return withLocation(state, location, (board) => ({
    ...board,
    queues: { ...board.queues, [data.queue]: data.length },
  }));
}

export function applyMetric(state: BoardState, ts: number, event: OpsEvent): BoardState {
  const data = asKnownEvent(event, 'metric');
  if (!data) return state;
  if (
    !ownValue(state.metrics, data.name) &&
    Object.keys(state.metrics).length >= BOARD_LIMITS.metrics
  )
    return state;
  const metric = {
    name: data.name,
    value: data.value,
    ...(data.unit ? { unit: data.unit } : {}),
    ...(data.labels ? { labels: data.labels } : {}),
    at: ts,
  };
  return { ...state, metrics: withEntry(state.metrics, data.name, metric) };
}

export function applyAlert(
  state: BoardState,
  location: string,
  ts: number,
  event: OpsEvent,
): BoardState {
  const data = asKnownEvent(event, 'alert');
  if (!data) return state;
  const alert = {
    id: event.id,
    location,
    severity: data.severity,
    message: data.message.slice(0, 300),
    at: ts,
  };
  return { ...state, alerts: appendBounded(state.alerts, alert, BOARD_LIMITS.alerts) };
}
