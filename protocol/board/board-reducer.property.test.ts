import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { SequencedEvent } from '../events';
import { createBoardState, type BoardState } from './board-state';
import { reduceAll } from './board-reducer';
import { olderOpenOrders, openOrderCount, openOrdersByStatus } from './board-selectors';
import type { OrderCaps } from './board-reducer';

/**
 * Issue 10 part 3: the reducer against a naive recomputation, for random order streams
 * under random eviction pressure (a detailed rail of 1 to 8 orders), including ids named
 * like Object.prototype members.
 */
const NOON = Date.UTC(2026, 10, 22, 10, 0, 0);
const ORDER_IDS = [
  'o1',
  'o2',
  'o3',
  'o4',
  'o5',
  'o6',
  'o7',
  'o8',
  'o9',
  '__proto__',
  'constructor',
  'toString',
];
const STATUSES = ['accepted', 'preparing', 'ready', 'served', 'cancelled'] as const;

type Step =
  | { kind: 'placed'; orderId: string; location: string; total: number; qty: number }
  | { kind: 'status'; orderId: string; location: string; status: (typeof STATUSES)[number] }
  | { kind: 'table'; location: string; tableId: string };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('placed' as const),
      orderId: fc.constantFrom(...ORDER_IDS),
      location: fc.constantFrom('a', 'b', 'valueOf'),
      total: fc.nat(10_000),
      qty: fc.integer({ min: 1, max: 4 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('status' as const),
      orderId: fc.constantFrom(...ORDER_IDS),
      location: fc.constantFrom('a', 'b'),
      status: fc.constantFrom(...STATUSES),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('table' as const),
      location: fc.constantFrom('a', 'hasOwnProperty'),
      tableId: fc.constantFrom('T1', '__proto__'),
    }),
  },
);

function toRecords(steps: Step[], gaps: number[]): SequencedEvent[] {
  let ts = NOON;
  return steps.map((step, index) => {
    ts += gaps[index % gaps.length] ?? 1000;
    const base = { seq: index + 1, ts };
    const id = `e-${index}`;
    if (step.kind === 'placed')
      return {
        ...base,
        event: {
          id,
          type: 'order.placed',
          location: step.location,
          data: {
            orderId: step.orderId,
            channel: 'dine_in',
            items: [{ sku: 'x', name: 'X', qty: step.qty, unitPrice: 1 }],
            total: step.total,
            currency: 'USD',
          },
        },
      };
    if (step.kind === 'status')
      return {
        ...base,
        event: {
          id,
          type: 'order.status',
          location: step.location,
          data: { orderId: step.orderId, status: step.status },
        },
      };
    return {
      ...base,
      event: {
        id,
        type: 'table.seated',
        location: step.location,
        data: { tableId: step.tableId, covers: 2 },
      },
    };
  });
}

/** The day's totals recomputed from scratch with a plain Map and no caps. */
function naive(records: SequencedEvent[]) {
  const open = new Map<string, { placedAt: number; total: number; status: string; qty: number }>();
  const totals = { orders: 0, revenue: 0, cancelled: 0, ticketsCompleted: 0, ticketTimeTotalMs: 0 };
  for (const { ts, event } of records) {
    const data = event.data as Record<string, unknown>;
    const orderId = data.orderId as string;
    if (event.type === 'order.placed') {
      if (open.has(orderId)) continue;
      const qty = (data.items as Array<{ qty: number }>)[0]!.qty;
      open.set(orderId, { placedAt: ts, total: data.total as number, status: 'placed', qty });
      totals.orders += 1;
      totals.revenue += data.total as number;
    } else if (event.type === 'order.status') {
      const status = data.status as string;
      const order = open.get(orderId);
      if (status === 'cancelled') totals.cancelled += 1;
      if (!order) continue;
      if (status === 'cancelled') {
        totals.revenue -= order.total;
        open.delete(orderId);
        continue;
      }
      if ((status === 'ready' || status === 'served') && order.status !== 'ready') {
        totals.ticketsCompleted += 1;
        totals.ticketTimeTotalMs += ts - order.placedAt;
      }
      if (status === 'served') open.delete(orderId);
      else order.status = status;
    }
  }
  return { open, totals };
}

const plain = (state: BoardState) => JSON.parse(JSON.stringify(state)) as BoardState;

const streamArb = fc.record({
  steps: fc.array(stepArb, { minLength: 1, maxLength: 120 }),
  gaps: fc.array(fc.integer({ min: 0, max: 120_000 }), { minLength: 1, maxLength: 8 }),
  caps: fc.record({
    openOrders: fc.integer({ min: 1, max: 8 }),
    summarisedOrders: fc.constant(1000),
  }) as fc.Arbitrary<OrderCaps>,
});

describe('the board reducer against a naive recomputation', () => {
  it('keeps counts and totals equal to the naive ones under any eviction pressure', () => {
    fc.assert(
      fc.property(streamArb, ({ steps, gaps, caps }) => {
        const records = toRecords(steps, gaps);
        const state = reduceAll(createBoardState({ currency: 'USD' }), records, caps);
        const expected = naive(records);
        expect({
          orders: state.totals.orders,
          revenue: state.totals.revenue.USD ?? 0,
          cancelled: state.totals.cancelled,
          ticketsCompleted: state.totals.ticketsCompleted,
          ticketTimeTotalMs: state.totals.ticketTimeTotalMs,
        }).toEqual(expected.totals);
        expect(openOrderCount(state)).toBe(expected.open.size);
        expect(Object.keys(state.openOrders).length).toBeLessThanOrEqual(caps.openOrders);
        const older = olderOpenOrders(state);
        const placedTimes = [...expected.open.values()].map((order) => order.placedAt);
        expect(older.oldestPlacedAt ?? Math.min(...placedTimes, Infinity)).toBe(
          Math.min(...placedTimes, Infinity),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('shows no ticket without its placed event', () => {
    fc.assert(
      fc.property(streamArb, ({ steps, gaps, caps }) => {
        const records = toRecords(steps, gaps);
        const state = reduceAll(createBoardState({ currency: 'USD' }), records, caps);
        const { open } = naive(records);
        for (const ticket of Object.values(openOrdersByStatus(state)).flat()) {
          const placed = open.get(ticket.orderId);
          expect(placed, `ticket ${ticket.orderId} has no open order.placed`).toBeDefined();
          expect(ticket.placedAt).toBe(placed!.placedAt);
          expect(ticket.itemCount).toBe(placed!.qty);
          expect(ticket.channel).toBe('dine_in');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same board when replayed from any checkpoint', () => {
    fc.assert(
      fc.property(streamArb, fc.nat(), ({ steps, gaps, caps }, cut) => {
        const records = toRecords(steps, gaps);
        const at = cut % (records.length + 1);
        const whole = reduceAll(createBoardState({ currency: 'USD' }), records, caps);
        // A checkpoint is the board serialised at some seq; a hub restarts from it.
        const checkpoint = plain(
          reduceAll(createBoardState({ currency: 'USD' }), records.slice(0, at), caps),
        );
        const resumed = reduceAll(checkpoint, records.slice(at), caps);
        // Replaying events the checkpoint already covers changes nothing.
        const replayedAgain = reduceAll(resumed, records, caps);
        expect(plain(resumed)).toEqual(plain(whole));
        expect(plain(replayedAgain)).toEqual(plain(whole));
      }),
      { numRuns: 300 },
    );
  });
});
