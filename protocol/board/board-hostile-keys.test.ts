import { describe, expect, it } from 'vitest';
import type { OpsEvent, SequencedEvent } from '../events';
import { createBoardState, type BoardState } from './board-state';
import { reduce, reduceAll } from './board-reducer';
import {
  dayTotals,
  lowStock,
  openOrderCount,
  openOrdersByStatus,
  tableOccupancy,
  waitlistLength,
} from './board-selectors';

/** Names that live on Object.prototype: as plain-object keys they read inherited members or set the prototype. */
const HOSTILE = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'] as const;
const NOON = Date.UTC(2026, 10, 22, 10, 0, 0);

function record(seq: number, event: Omit<OpsEvent, 'id'>): SequencedEvent {
  return { seq, ts: NOON + seq * 1000, event: { id: `e-${seq}`, ...event } };
}

function placedEvent(orderId: string, location: string): Omit<OpsEvent, 'id'> {
  return {
    type: 'order.placed',
    location,
    data: {
      orderId,
      channel: 'dine_in',
      items: [{ sku: 'hummus', name: 'Hummus', qty: 1, unitPrice: 500 }],
      total: 500,
      currency: 'USD',
    },
  };
}

/** The board as a client gets it: serialised into a snapshot and parsed back (plain objects again). */
function overTheWire(state: BoardState): BoardState {
  return JSON.parse(JSON.stringify(state)) as BoardState;
}

describe.each(HOSTILE)('an id named %s', (name) => {
  it('as a location counts the order under that location and nowhere else', () => {
    const state = reduceAll(createBoardState(), [
      record(1, placedEvent('o-1', name)),
      record(2, placedEvent('o-2', 'downtown')),
    ]);
    expect(state.totals.orders).toBe(2);
    expect(dayTotals(state, name).orders).toBe(1);
    expect(dayTotals(state, 'downtown').orders).toBe(1);
    const again = reduce(overTheWire(state), record(3, placedEvent('o-3', name)));
    expect(dayTotals(again, name).orders).toBe(2);
  });

  it('as an order id places, advances and serves the order', () => {
    let state = reduceAll(createBoardState(), [
      record(1, placedEvent(name, 'downtown')),
      record(2, {
        type: 'order.status',
        location: 'downtown',
        data: { orderId: name, status: 'ready' },
      }),
    ]);
    expect(openOrderCount(state)).toBe(1);
    expect(state.totals.orders).toBe(1);
    expect(openOrdersByStatus(state).ready.map((order) => order.orderId)).toEqual([name]);
    state = reduce(
      overTheWire(state),
      record(3, {
        type: 'order.status',
        location: 'downtown',
        data: { orderId: name, status: 'served' },
      }),
    );
    expect(openOrderCount(state)).toBe(0);
    expect(state.totals.ticketsCompleted).toBe(1);
  });

  it('as a table id seats and clears that table', () => {
    let state = reduceAll(createBoardState(), [
      record(1, { type: 'table.seated', location: 'downtown', data: { tableId: name, covers: 4 } }),
      record(2, { type: 'table.seated', location: 'downtown', data: { tableId: 'T2', covers: 2 } }),
    ]);
    expect(tableOccupancy(state)).toEqual({ occupied: 2, known: 2 });
    state = reduce(
      overTheWire(state),
      record(3, {
        type: 'table.cleared',
        location: 'downtown',
        data: { tableId: name },
      }),
    );
    expect(tableOccupancy(state)).toEqual({ occupied: 1, known: 2 });
  });

  it('as a SKU keeps its stock level', () => {
    let state = reduce(
      createBoardState(),
      record(1, {
        type: 'inventory.level',
        location: name,
        data: { sku: name, name: 'Chickpeas', qty: 1, threshold: 5 },
      }),
    );
    state = reduce(
      overTheWire(state),
      record(2, {
        type: 'inventory.level',
        location: name,
        data: { sku: name, name: 'Chickpeas', qty: 2, threshold: 5 },
      }),
    );
    expect(lowStock(state).map((item) => [item.sku, item.qty])).toEqual([[name, 2]]);
  });

  it('as a metric name keeps the latest value', () => {
    let state = reduce(createBoardState(), record(1, { type: 'metric', data: { name, value: 1 } }));
    state = reduce(overTheWire(state), record(2, { type: 'metric', data: { name, value: 7 } }));
    expect(Object.keys(state.metrics)).toEqual([name]);
    expect(Object.values(state.metrics).map((metric) => metric.value)).toEqual([7]);
  });

  it('as a queue location and an event data field keeps the queue and the feed row', () => {
    let state = reduce(
      createBoardState(),
      record(1, {
        type: 'queue.length',
        location: name,
        data: { queue: 'waitlist', length: 3, [name]: 'x' },
      }),
    );
    state = reduce(
      overTheWire(state),
      record(2, {
        type: 'queue.length',
        location: name,
        data: { queue: 'waitlist', length: 5 },
      }),
    );
    expect(waitlistLength(state, name)).toBe(5);
    expect(Object.keys(state.feed[0]!.fields)).toContain(name);
  });
});
