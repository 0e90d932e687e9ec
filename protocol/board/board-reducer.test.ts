import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { OpsEvent, SequencedEvent } from '../events';
import { BOARD_LIMITS, createBoardState, isBoardState, type BoardState } from './board-state';
import { reduce, reduceAll } from './board-reducer';
import {
  averageTicketMs,
  lowStock,
  openOrderCount,
  openOrdersByStatus,
  paymentWindow,
  revenueToday,
  tableOccupancy,
  waitlistLength,
} from './board-selectors';

const BEIRUT_NOON = Date.UTC(2026, 10, 22, 10, 0, 0); // 12:00 in Asia/Beirut (UTC+2)
const MINUTE = 60_000;

function sequence(
  events: Array<Omit<OpsEvent, 'id'> & { id?: string; at?: number }>,
  start = BEIRUT_NOON,
): SequencedEvent[] {
  return events.map((entry, index) => {
    const { at, ...event } = entry;
    return {
      seq: index + 1,
      ts: at ?? start + index * 1000,
      event: { id: event.id ?? `e-${index + 1}`, ...event },
    };
  });
}

function placed(orderId: string, location: string, total: number, at?: number) {
  return {
    type: 'order.placed',
    location,
    data: {
      orderId,
      channel: 'dine_in',
      items: [{ sku: 'hummus', name: 'Hummus', qty: 2, unitPrice: total / 2 }],
      total,
      currency: 'LBP',
    },
    ...(at === undefined ? {} : { at }),
  };
}

function beirutBoard(): BoardState {
  return createBoardState({ timeZone: 'Asia/Beirut', currency: 'LBP' });
}

describe('reduce', () => {
  it('counts orders and revenue per tenant and per location for today', () => {
    const state = reduceAll(
      beirutBoard(),
      sequence([placed('o-1', 'downtown', 90000), placed('o-2', 'jounieh', 30000)]),
    );
    expect(state.totals.orders).toBe(2);
    expect(revenueToday(state)).toEqual({ amount: 120000, currency: 'LBP' });
    expect(revenueToday(state, 'jounieh').amount).toBe(30000);
    expect(openOrderCount(state)).toBe(2);
  });

  it('moves orders through statuses, leaves the rail when served and measures ticket time to ready', () => {
    const t0 = BEIRUT_NOON;
    const state = reduceAll(
      beirutBoard(),
      sequence([
        { ...placed('o-1', 'downtown', 90000), at: t0 },
        {
          type: 'order.status',
          location: 'downtown',
          data: { orderId: 'o-1', status: 'preparing' },
          at: t0 + 2 * MINUTE,
        },
        {
          type: 'order.status',
          location: 'downtown',
          data: { orderId: 'o-1', status: 'ready' },
          at: t0 + 8 * MINUTE,
        },
        { ...placed('o-2', 'downtown', 10000), at: t0 + 9 * MINUTE },
      ]),
    );
    expect(openOrdersByStatus(state).ready.map((o) => o.orderId)).toEqual(['o-1']);
    expect(openOrdersByStatus(state).placed.map((o) => o.orderId)).toEqual(['o-2']);
    expect(averageTicketMs(state)).toBe(8 * MINUTE);

    const served = reduce(state, {
      seq: 5,
      ts: t0 + 10 * MINUTE,
      event: {
        id: 's',
        type: 'order.status',
        location: 'downtown',
        data: { orderId: 'o-1', status: 'served' },
      },
    });
    expect(served.openOrders['o-1']).toBeUndefined();
    expect(averageTicketMs(served)).toBe(8 * MINUTE);
  });

  it('takes a cancelled order out of revenue', () => {
    const state = reduceAll(
      beirutBoard(),
      sequence([
        placed('o-1', 'downtown', 90000),
        {
          type: 'order.status',
          location: 'downtown',
          data: { orderId: 'o-1', status: 'cancelled' },
        },
      ]),
    );
    expect(revenueToday(state).amount).toBe(0);
    expect(state.totals.cancelled).toBe(1);
    expect(openOrderCount(state)).toBe(0);
  });

  it('resets the day totals at midnight in the tenant time zone, not in UTC', () => {
    const lateEvening = Date.UTC(2026, 10, 22, 21, 30); // 23:30 Beirut
    const afterMidnight = Date.UTC(2026, 10, 22, 22, 30); // 00:30 Beirut next day, still Nov 22 in UTC
    const state = reduceAll(
      beirutBoard(),
      sequence([
        placed('o-1', 'downtown', 1000, lateEvening),
        placed('o-2', 'downtown', 2000, afterMidnight),
      ]),
    );
    expect(state.dayKey).toBe('2026-11-23');
    expect(state.totals.orders).toBe(1);
    expect(revenueToday(state).amount).toBe(2000);
  });

  it('keeps tables occupied out of known per location', () => {
    const state = reduceAll(
      beirutBoard(),
      sequence([
        { type: 'table.seated', location: 'downtown', data: { tableId: 'T1', covers: 4 } },
        { type: 'table.seated', location: 'downtown', data: { tableId: 'T2', covers: 2 } },
        { type: 'table.cleared', location: 'downtown', data: { tableId: 'T1' } },
        { type: 'table.seated', location: 'jounieh', data: { tableId: 'T1', covers: 3 } },
      ]),
    );
    expect(tableOccupancy(state, 'downtown')).toEqual({ occupied: 1, known: 2 });
    expect(tableOccupancy(state)).toEqual({ occupied: 2, known: 3 });
    expect(state.trend.at(-1)?.occupiedTables).toBe(2);
  });

  it('computes the payment failure rate over the last 15 minutes only', () => {
    const t0 = BEIRUT_NOON;
    const payment = (status: string, at: number, location = 'downtown') => ({
      type: 'payment.status',
      location,
      data: {
        paymentId: `p-${at}-${status}`,
        method: 'card',
        amount: 1000,
        currency: 'LBP',
        status,
      },
      at,
    });
    const state = reduceAll(
      beirutBoard(),
      sequence([
        payment('failed', t0),
        payment('captured', t0 + 20 * MINUTE),
        payment('failed', t0 + 21 * MINUTE, 'jounieh'),
        payment('captured', t0 + 22 * MINUTE),
      ]),
    );
    const now = t0 + 22 * MINUTE;
    expect(paymentWindow(state, now)).toEqual({ total: 3, failed: 1, failureRate: 1 / 3 });
    expect(paymentWindow(state, now, 'downtown')).toEqual({ total: 2, failed: 0, failureRate: 0 });
    expect(state.totals.payments.failed).toBe(2);
  });

  it('lists inventory at or below threshold as low stock, lowest ratio first', () => {
    const state = reduceAll(
      beirutBoard(),
      sequence([
        {
          type: 'inventory.level',
          location: 'jounieh',
          data: { sku: 'chicken', name: 'Chicken', qty: 4, threshold: 10, unit: 'kg' },
        },
        {
          type: 'inventory.level',
          location: 'jounieh',
          data: { sku: 'rice', name: 'Rice', qty: 50, threshold: 10 },
        },
        {
          type: 'inventory.level',
          location: 'downtown',
          data: { sku: 'bread', name: 'Bread', qty: 1, threshold: 10 },
        },
      ]),
    );
    expect(lowStock(state).map((item) => item.sku)).toEqual(['bread', 'chicken']);
  });

  it('keeps the latest queue lengths and metrics', () => {
    const state = reduceAll(
      beirutBoard(),
      sequence([
        { type: 'queue.length', location: 'jounieh', data: { queue: 'waitlist', length: 7 } },
        { type: 'queue.length', location: 'jounieh', data: { queue: 'waitlist', length: 3 } },
        {
          type: 'metric',
          data: {
            name: 'checkout.p95_ms',
            value: 182,
            unit: 'ms',
            labels: { service: 'checkout' },
          },
        },
      ]),
    );
    expect(waitlistLength(state)).toBe(3);
    expect(state.metrics['checkout.p95_ms']?.value).toBe(182);
  });

  it('puts unknown event types into the feed without touching the aggregates', () => {
    const before = reduceAll(beirutBoard(), sequence([placed('o-1', 'downtown', 1000)]));
    const after = reduce(before, {
      seq: 2,
      ts: BEIRUT_NOON + 5000,
      event: { id: 'x', type: 'pos.shift_closed', location: 'downtown', data: { cashier: 'Rami' } },
    });
    expect(after.feed.at(-1)).toMatchObject({
      seq: 2,
      type: 'pos.shift_closed',
      fields: { cashier: 'Rami' },
    });
    expect(after.totals).toEqual(before.totals);
    expect(after.openOrders).toEqual(before.openOrders);
  });

  it('ignores events at or below the applied seq, so replays after a resume are harmless', () => {
    const records = sequence([placed('o-1', 'downtown', 1000), placed('o-2', 'downtown', 2000)]);
    const once = reduceAll(beirutBoard(), records);
    const twice = reduceAll(once, records);
    expect(twice).toBe(once);
  });

  it('does not mutate the state it is given', () => {
    const state = beirutBoard();
    const frozen = JSON.stringify(state);
    reduce(state, sequence([placed('o-1', 'downtown', 1000)])[0]!);
    expect(JSON.stringify(state)).toBe(frozen);
  });

  it('records orders and failed payments in the trend bucket of their five minutes', () => {
    const t0 = BEIRUT_NOON;
    const state = reduceAll(
      beirutBoard(),
      sequence([
        placed('o-1', 'downtown', 1000, t0),
        placed('o-2', 'downtown', 2000, t0 + MINUTE),
        placed('o-3', 'downtown', 4000, t0 + 6 * MINUTE),
        {
          type: 'payment.status',
          location: 'downtown',
          data: { paymentId: 'p', method: 'cash', amount: 1, currency: 'LBP', status: 'failed' },
          at: t0 + 7 * MINUTE,
        },
      ]),
    );
    expect(state.trend.map((b) => [b.orders, b.revenue, b.failedPayments])).toEqual([
      [2, 3000, 0],
      [1, 4000, 1],
    ]);
  });

  it('falls back to UTC for an unknown time zone instead of failing later', () => {
    expect(createBoardState({ timeZone: 'Mars/Olympus' }).timeZone).toBe('UTC');
  });

  it('stays within its bounds and valid for any sequence of events', () => {
    const eventArb = fc.oneof(
      fc.record({
        type: fc.constant('order.placed'),
        id: fc.string({ minLength: 1, maxLength: 4 }),
        location: fc.constantFrom('a', 'b'),
        data: fc.record({
          orderId: fc.string({ minLength: 1, maxLength: 6 }),
          channel: fc.constant('delivery'),
          items: fc.constant([]),
          total: fc.nat(10_000),
          currency: fc.constant('USD'),
        }),
      }),
      fc.record({
        type: fc.constant('order.status'),
        id: fc.string({ minLength: 1 }),
        location: fc.constantFrom('a', 'b'),
        data: fc.record({
          orderId: fc.string({ minLength: 1, maxLength: 6 }),
          status: fc.constantFrom('accepted', 'preparing', 'ready', 'served', 'cancelled'),
        }),
      }),
      fc.record({
        type: fc.constant('table.seated'),
        id: fc.string({ minLength: 1 }),
        location: fc.constantFrom('a', 'b'),
        data: fc.record({
          tableId: fc.string({ minLength: 1, maxLength: 5 }),
          covers: fc.integer({ min: 1, max: 8 }),
        }),
      }),
      fc.record({
        type: fc.constant('payment.status'),
        id: fc.string({ minLength: 1 }),
        location: fc.constantFrom('a', 'b'),
        data: fc.record({
          paymentId: fc.string({ minLength: 1 }),
          method: fc.constant('card'),
          amount: fc.nat(),
          currency: fc.constant('USD'),
          status: fc.constantFrom('authorized', 'captured', 'failed', 'refunded'),
        }),
      }),
      fc.record({
        type: fc.constant('inventory.level'),
        id: fc.string({ minLength: 1 }),
        location: fc.constantFrom('a', 'b'),
        data: fc.record({
          sku: fc.string({ minLength: 1, maxLength: 6 }),
          name: fc.constant('x'),
          qty: fc.nat(20),
          threshold: fc.nat(20),
        }),
      }),
      fc.record({
        type: fc.constantFrom('alert', 'metric', 'mystery.type'),
        id: fc.string({ minLength: 1 }),
        location: fc.constantFrom('a', 'b'),
        data: fc.constant({ severity: 'info', message: 'm', name: 'n', value: 1 }),
      }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(eventArb, fc.nat(120 * MINUTE)), { maxLength: 400 }),
        (entries) => {
          let state = createBoardState({ timeZone: 'Asia/Dubai' });
          let ts = BEIRUT_NOON;
          entries.forEach(([event, gap], index) => {
            ts += gap % (3 * MINUTE);
            state = reduce(state, { seq: index + 1, ts, event: event as OpsEvent });
          });
          expect(isBoardState(state)).toBe(true);
          expect(state.feed.length).toBeLessThanOrEqual(BOARD_LIMITS.feed);
          expect(state.payments.length).toBeLessThanOrEqual(BOARD_LIMITS.payments);
          expect(Object.keys(state.openOrders).length).toBeLessThanOrEqual(BOARD_LIMITS.openOrders);
          expect(state.trend.length).toBeLessThanOrEqual(BOARD_LIMITS.trendBuckets);
          expect(state.alerts.length).toBeLessThanOrEqual(BOARD_LIMITS.alerts);
          expect(state.seq).toBe(entries.length);
          expect(JSON.parse(JSON.stringify(state))).toEqual(state);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('reduces a batch to the same board as one event at a time, leaving the input and earlier batches untouched', () => {
    const placedMany = (from: number, count: number) =>
      Array.from({ length: count }, (_, k) => {
        const i = from + k;
        return {
          seq: i + 1,
          ts: BEIRUT_NOON + i * 1000,
          event: {
            id: `e${i}`,
            type: i % 3 === 2 ? 'order.status' : 'order.placed',
            location: `loc-${i % 3}`,
            data:
              i % 3 === 2
                ? { orderId: `o-${i - 1}`, status: 'preparing' }
                : { orderId: `o-${i}`, channel: 'dine_in', items: [], total: 100, currency: 'LBP' },
          },
        } as SequencedEvent;
      });
    // Two in three events place an order, so this overflows the detailed rail by 300.
    const first = placedMany(0, Math.ceil(BOARD_LIMITS.openOrders * 1.5) + 450);
    const second = placedMany(first.length, 400);
    const start = beirutBoard();
    const startJson = JSON.stringify(start);

    const batched = reduceAll(start, first);
    const batchedJson = JSON.stringify(batched);
    let oneByOne = start;
    for (const record of first) oneByOne = reduce(oneByOne, record);

    expect(batched).toEqual(oneByOne);
    expect(Object.keys(batched.openOrders)).toHaveLength(BOARD_LIMITS.openOrders);
    expect(JSON.stringify(start)).toBe(startJson);

    const later = reduceAll(batched, second);
    expect(JSON.stringify(batched)).toBe(batchedJson);
    expect(later).toEqual(reduceAll(oneByOne, second));
    // Thousands of events at the cap, one by one; slow on a loaded CI box, not a hang.
  }, 30_000);
});
