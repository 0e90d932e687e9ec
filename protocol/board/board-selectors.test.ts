import { describe, expect, it } from 'vitest';
import type { SequencedEvent } from '../events';
import { reduce, reduceAll } from './board-reducer';
import { createOpenOrderLanesSelector } from './board-selectors';
import { createBoardState } from './board-state';

const NOON = Date.UTC(2026, 10, 22, 10, 0, 0);

function placed(seq: number, orderId: string, location = 'hamra'): SequencedEvent {
  return {
    seq,
    ts: NOON + seq * 1000,
    event: {
      type: 'order.placed',
      id: `e-${seq}`,
      location,
      data: {
        orderId,
        channel: 'dine_in',
        items: [{ sku: 'k', name: 'Kibbeh', qty: 1, unitPrice: 100 }],
        total: 100,
        currency: 'LBP',
      },
    },
  };
}

function status(seq: number, orderId: string, next: 'accepted' | 'preparing'): SequencedEvent {
  return {
    seq,
    ts: NOON + seq * 1000,
    event: {
      type: 'order.status',
      id: `e-${seq}`,
      location: 'hamra',
      data: { orderId, status: next },
    },
  };
}

describe('createOpenOrderLanesSelector', () => {
  const base = reduceAll(createBoardState({ timeZone: 'Asia/Beirut' }), [
    placed(1, 'o-1'),
    placed(2, 'o-2'),
    placed(3, 'o-3'),
  ]);

  it('returns the same lanes object while state.openOrders is the same object', () => {
    const select = createOpenOrderLanesSelector();
    const first = select(base);
    expect(first.placed.map((order) => order.orderId)).toEqual(['o-1', 'o-2', 'o-3']);
    expect(select({ ...base, seq: base.seq + 1 })).toBe(first);
  });

  it('keeps an unchanged lane by reference when another lane changes', () => {
    const select = createOpenOrderLanesSelector();
    const first = select(base);
    const next = select(reduce(base, status(4, 'o-2', 'accepted')));
    expect(next).not.toBe(first);
    expect(next.placed.map((order) => order.orderId)).toEqual(['o-1', 'o-3']);
    expect(next.accepted.map((order) => order.orderId)).toEqual(['o-2']);
    expect(next.preparing).toBe(first.preparing);
    expect(next.ready).toBe(first.ready);
  });

  it('returns the previous result when a new openOrders object holds the same tickets', () => {
    const select = createOpenOrderLanesSelector();
    const first = select(base);
    expect(select({ ...base, openOrders: { ...base.openOrders } })).toBe(first);
  });

  it('recomputes for a different location', () => {
    const state = reduce(base, placed(4, 'o-4', 'byblos'));
    const select = createOpenOrderLanesSelector();
    expect(select(state).placed).toHaveLength(4);
    expect(select(state, 'byblos').placed.map((order) => order.orderId)).toEqual(['o-4']);
  });
});
