import { describe, expect, it } from 'vitest';
import {
  createBoardState,
  type BoardState,
  type OpenOrder,
  type SummarisedOrder,
} from '../../protocol/board/board-state';
import { withId } from '../../protocol/board/id-record';
import { findActionTarget } from './action-target';
import { RecentActions } from './recent-actions';

function order(orderId: string, location: string): OpenOrder {
  return {
    orderId,
    location,
    channel: 'dine_in',
    status: 'preparing',
    itemCount: 1,
    total: 100,
    currency: 'AED',
    placedAt: 1,
    updatedAt: 1,
    items: [],
  };
}

function board(): BoardState {
  const state = createBoardState({ timeZone: 'Asia/Dubai' });
  return {
    ...state,
    openOrders: withId(state.openOrders, 'o-open', order('o-open', 'dubai-marina')),
    olderOpenOrders: {
      count: 1,
      orders: withId<SummarisedOrder>(state.olderOpenOrders?.orders ?? {}, 'o-old', {
        location: 'jbr-walk',
        placedAt: 1,
        total: 100,
        currency: 'AED',
        ready: false,
      }),
    },
    alerts: [{ id: 'a-1', location: 'jbr-walk', severity: 'critical', message: 'x', at: 1 }],
  };
}

/** A board as the reducer keeps it once tickets left through a bump to served or a clear. */
function withRecentlyClosed(state: BoardState, ...orders: OpenOrder[]): BoardState {
  const recentlyClosed = orders.map((o) => ({
    order: o,
    closedAt: 2,
    closedBy: 'maya',
    how: 'cleared' as const,
  }));
  return { ...state, recentlyClosed } as BoardState;
}

describe('findActionTarget', () => {
  it('finds an alert the board holds, with its location, and no alert by an order id', () => {
    expect(findActionTarget(board(), 'alert.acknowledge', 'a-1')).toEqual({
      kind: 'alert',
      location: 'jbr-walk',
    });
    expect(findActionTarget(board(), 'alert.resolve', 'a-2')).toBeNull();
    expect(findActionTarget(board(), 'alert.resolve', 'o-open')).toBeNull();
  });

  it('finds open orders on the rail and among the summarised older ones for bump and clear', () => {
    for (const action of ['order.bump', 'order.clear'] as const) {
      expect(findActionTarget(board(), action, 'o-open')).toEqual({
        kind: 'order',
        location: 'dubai-marina',
      });
      expect(findActionTarget(board(), action, 'o-old')).toEqual({
        kind: 'order',
        location: 'jbr-walk',
      });
    }
  });

  it('follows the reducer for a recall: a ticket past accepted, never a summarised one (it could not go back)', () => {
    expect(findActionTarget(board(), 'order.recall', 'o-old')).toBeNull();
    // o-open is preparing, so a recall can take it back to accepted.
    expect(findActionTarget(board(), 'order.recall', 'o-open')).toEqual({
      kind: 'order',
      location: 'dubai-marina',
    });
  });

  it('lets only a recall reach a ticket that recently left the board, taking its latest departure', () => {
    const state = withRecentlyClosed(
      board(),
      order('o-gone', 'old-place'),
      order('o-gone', 'new-place'),
    );
    expect(findActionTarget(state, 'order.recall', 'o-gone')).toEqual({
      kind: 'order',
      location: 'new-place',
    });
    expect(findActionTarget(state, 'order.bump', 'o-gone')).toBeNull();
    expect(findActionTarget(state, 'order.clear', 'o-gone')).toBeNull();
    expect(findActionTarget(board(), 'order.recall', 'o-gone')).toBeNull();
  });

  it('never finds a target through the prototype of the id maps', () => {
    for (const id of ['__proto__', 'constructor', 'toString', 'hasOwnProperty'])
      for (const action of ['order.bump', 'order.recall', 'alert.acknowledge'] as const)
        expect(findActionTarget(board(), action, id)).toBeNull();
  });
});

describe('RecentActions', () => {
  const record = (seq: number, id: string, type = 'order.bumped') => ({
    seq,
    ts: 1,
    event: { type, id, data: {} },
  });

  it('remembers action events only, keeps the first seq of an id, and forgets the oldest past its limit', () => {
    const recent = new RecentActions(2);
    recent.fold(record(1, 'x', 'order.placed'));
    recent.fold(record(2, 'act-a'));
    recent.fold(record(3, 'act-a'));
    recent.fold(record(4, 'act-b', 'alert.acknowledged'));
    expect(recent.seqOf('x')).toBeUndefined();
    expect(recent.seqOf('act-a')).toBe(2);
    recent.fold(record(5, 'act-c', 'order.cleared'));
    expect(recent.seqOf('act-a')).toBeUndefined();
    expect([recent.seqOf('act-b'), recent.seqOf('act-c')]).toEqual([4, 5]);
    recent.clear();
    expect(recent.seqOf('act-c')).toBeUndefined();
  });
});
