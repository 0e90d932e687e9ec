import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { OpsEvent, SequencedEvent } from '../events';
import { BOARD_LIMITS, createBoardState, isBoardState } from './board-state';
import { reduce, reduceAll } from './board-reducer';
import {
  BEIRUT_NOON,
  MINUTE,
  beirutBoard,
  placed,
  sequence,
} from '../../test-support/board-events';

describe('reduce', () => {
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

  it('stays within its bounds and valid for any sequence of events, operator actions included', () => {
    // A few fixed order ids next to random ones, so actions and statuses hit open and closed tickets.
    const orderIdArb = fc.oneof(
      fc.constantFrom('o1', 'o2', 'o3', '__proto__'),
      fc.string({ minLength: 1, maxLength: 6 }),
    );
    const eventArb = fc.oneof(
      fc.record({
        type: fc.constant('order.placed'),
        id: fc.string({ minLength: 1, maxLength: 4 }),
        location: fc.constantFrom('a', 'b'),
        data: fc.record({
          orderId: orderIdArb,
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
          orderId: orderIdArb,
          status: fc.constantFrom('accepted', 'preparing', 'ready', 'served', 'cancelled'),
        }),
      }),
      fc.record({
        type: fc.constantFrom('order.bumped', 'order.recalled', 'order.cleared'),
        id: fc.string({ minLength: 1 }),
        location: fc.constantFrom('a', 'b'),
        data: fc.record({
          orderId: orderIdArb,
          by: fc.constantFrom('rana', 'karim'),
          reason: fc.constant('stuck'),
        }),
      }),
      fc.record({
        type: fc.constantFrom('alert.acknowledged', 'alert.resolved'),
        id: fc.string({ minLength: 1 }),
        data: fc.record({
          alertId: fc.string({ minLength: 1, maxLength: 2 }),
          by: fc.constant('rana'),
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
          expect(state.recentlyClosed?.length ?? 0).toBeLessThanOrEqual(
            BOARD_LIMITS.recentlyClosed,
          );
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
