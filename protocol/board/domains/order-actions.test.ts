import { describe, expect, it } from 'vitest';
import type { OpsEvent, SequencedEvent } from '../../events';
import { reduce, reduceAll, type OrderCaps } from '../board-reducer';
import { BOARD_LIMITS, type BoardState } from '../board-state';
import {
  averageTicketMs,
  olderOpenOrders,
  openOrderCount,
  openOrdersByStatus,
  revenueToday,
} from '../board-selectors';
import { BEIRUT_NOON, MINUTE, beirutBoard, placed } from '../../../test-support/board-events';

type Entry = Omit<OpsEvent, 'id'> & { at: number };

/** Events at the given minutes after noon, numbered from seq `from`. */
function at(from: number, entries: Entry[]): SequencedEvent[] {
  return entries.map(({ at: ts, ...event }, index) => ({
    seq: from + index,
    ts,
    event: { id: `e-${from + index}`, ...event },
  }));
}

const min = (minutes: number) => BEIRUT_NOON + minutes * MINUTE;

function act(
  kind: 'bumped' | 'recalled' | 'cleared',
  orderId: string,
  minute: number,
  by = 'alice',
): Entry {
  return {
    type: `order.${kind}`,
    location: 'downtown',
    data: { orderId, by, ...(kind === 'cleared' ? { reason: 'lost status event' } : {}) },
    at: min(minute),
  };
}

function status(orderId: string, value: string, minute: number): Entry {
  return {
    type: 'order.status',
    location: 'downtown',
    data: { orderId, status: value },
    at: min(minute),
  };
}

function place(orderId: string, minute: number, total = 90000): Entry {
  return { ...placed(orderId, 'downtown', total), at: min(minute) };
}

function run(entries: Entry[], start: BoardState = beirutBoard(), caps?: OrderCaps): BoardState {
  return reduceAll(start, at(start.seq + 1, entries), caps);
}

/** Everything a served order leaves behind, without the action-only parts (feed, recentlyClosed). */
function counters(state: BoardState) {
  return {
    totals: state.totals,
    locations: state.locations,
    openOrders: state.openOrders,
    trend: state.trend,
  };
}

describe('order actions', () => {
  it('bumps a placed ticket to preparing, ready and served, stamping who and when', () => {
    let state = run([place('o-1', 0), act('bumped', 'o-1', 2, 'rana')]);
    expect(state.openOrders['o-1']).toMatchObject({
      status: 'preparing',
      updatedAt: min(2),
      lastAction: { kind: 'bumped', by: 'rana', at: min(2) },
    });
    state = run([act('bumped', 'o-1', 8)], state);
    expect(state.openOrders['o-1']).toMatchObject({ status: 'ready', lastAction: { by: 'alice' } });
    expect(averageTicketMs(state)).toBe(8 * MINUTE);
    state = run([act('bumped', 'o-1', 10)], state);
    expect(state.openOrders['o-1']).toBeUndefined();
    expect(openOrderCount(state)).toBe(0);
    expect(state.recentlyClosed).toEqual([
      {
        order: expect.objectContaining({ orderId: 'o-1', status: 'ready' }),
        closedAt: min(10),
        closedBy: 'alice',
        how: 'served',
      },
    ]);
    expect(averageTicketMs(state)).toBe(8 * MINUTE);
  });

  it('bumps an accepted ticket to preparing', () => {
    const state = run([place('o-1', 0), status('o-1', 'accepted', 1), act('bumped', 'o-1', 2)]);
    expect(state.openOrders['o-1']?.status).toBe('preparing');
  });

  it('counts a ticket served by bumps exactly like one served by order.status', () => {
    const base = [place('o-1', 0), place('o-2', 1), status('o-1', 'preparing', 2)];
    const byStatus = run([...base, status('o-1', 'ready', 9), status('o-1', 'served', 12)]);
    const byBump = run([...base, act('bumped', 'o-1', 9), act('bumped', 'o-1', 12)]);
    expect(counters(byBump)).toEqual(counters(byStatus));
    expect(byBump.totals.ticketsCompleted).toBe(1);
    expect(byStatus.recentlyClosed).toBeUndefined();
  });

  it('clears a ticket with its reason: the open count drops and no other counter moves', () => {
    const before = run([place('o-1', 0), place('o-2', 1), status('o-1', 'preparing', 2)]);
    const after = run([act('cleared', 'o-1', 40, 'karim')], before);
    expect(openOrderCount(after)).toBe(1);
    expect(after.totals).toEqual(before.totals);
    expect(after.totals.cancelled).toBe(0);
    expect(revenueToday(after).amount).toBe(180000);
    expect(after.recentlyClosed).toEqual([
      {
        order: before.openOrders['o-1'],
        closedAt: min(40),
        closedBy: 'karim',
        how: 'cleared',
        reason: 'lost status event',
      },
    ]);
  });

  it('recalls an open ticket one status back, keeping its ticket time counted once', () => {
    const ready = run([place('o-1', 0), status('o-1', 'ready', 8)]);
    const back = run([act('recalled', 'o-1', 9, 'rana')], ready);
    expect(back.openOrders['o-1']).toMatchObject({
      status: 'preparing',
      updatedAt: min(9),
      ticketCounted: true,
      lastAction: { kind: 'recalled', by: 'rana', at: min(9) },
    });
    const twice = run([act('recalled', 'o-1', 10)], back);
    expect(twice.openOrders['o-1']?.status).toBe('accepted');
    const stays = run([act('recalled', 'o-1', 11)], twice);
    expect(stays.openOrders).toBe(twice.openOrders);
    const readyAgain = run([act('bumped', 'o-1', 12), act('bumped', 'o-1', 13)], stays);
    expect(readyAgain.openOrders['o-1']?.status).toBe('ready');
    expect(readyAgain.totals.ticketsCompleted).toBe(1);
    expect(averageTicketMs(readyAgain)).toBe(8 * MINUTE);
  });

  it('brings a served or cleared ticket back from recentlyClosed with the status it had', () => {
    const closed = run([
      place('o-1', 0),
      status('o-1', 'ready', 8),
      act('bumped', 'o-1', 9),
      place('o-2', 10),
      status('o-2', 'preparing', 11),
      act('cleared', 'o-2', 12),
    ]);
    expect(closed.recentlyClosed?.map((t) => [t.order.orderId, t.how])).toEqual([
      ['o-1', 'served'],
      ['o-2', 'cleared'],
    ]);
    const back = run([act('recalled', 'o-1', 13, 'rana'), act('recalled', 'o-2', 14)], closed);
    expect(back.openOrders['o-1']).toMatchObject({
      status: 'ready',
      placedAt: min(0),
      updatedAt: min(13),
      lastAction: { kind: 'recalled', by: 'rana', at: min(13) },
    });
    expect(back.openOrders['o-2']?.status).toBe('preparing');
    expect(back.recentlyClosed).toEqual([]);
    // The earlier serve is not undone: orders, revenue and the ticket time stay as they were.
    expect(back.totals).toEqual(closed.totals);
    const servedAgain = run([act('bumped', 'o-1', 15)], back);
    expect(servedAgain.totals).toEqual(closed.totals);
  });

  it('keeps the last 20 closed tickets, newest last, and cannot recall an older one', () => {
    const count = BOARD_LIMITS.recentlyClosed + 5;
    const entries: Entry[] = [];
    for (let i = 0; i < count; i += 1)
      entries.push(place(`o-${i}`, i), act('cleared', `o-${i}`, i));
    const state = run(entries);
    expect(state.recentlyClosed).toHaveLength(BOARD_LIMITS.recentlyClosed);
    expect(state.recentlyClosed?.[0]?.order.orderId).toBe('o-5');
    expect(state.recentlyClosed?.at(-1)?.order.orderId).toBe(`o-${count - 1}`);
    const tooOld = run([act('recalled', 'o-4', 60)], state);
    expect(tooOld.openOrders).toBe(state.openOrders);
    expect(tooOld.recentlyClosed).toBe(state.recentlyClosed);
  });

  it('changes nothing for an order that is not open and not recently closed', () => {
    const state = run([place('o-1', 0), status('o-2', 'served', 1)]);
    for (const kind of ['bumped', 'recalled', 'cleared'] as const) {
      for (const orderId of ['o-404', 'o-2', '__proto__', 'constructor']) {
        const after = run([act(kind, orderId, 5)], state);
        expect(after.openOrders).toBe(state.openOrders);
        expect(after.olderOpenOrders).toBe(state.olderOpenOrders);
        expect(after.totals).toEqual(state.totals);
        expect(after.recentlyClosed).toBeUndefined();
      }
    }
  });

  it('acts on an order id named like an Object.prototype member, also after a snapshot round trip', () => {
    const state = run([place('__proto__', 0), act('bumped', '__proto__', 1)]);
    const wire = JSON.parse(JSON.stringify(state)) as BoardState;
    const cleared = run([act('cleared', '__proto__', 2)], wire);
    expect(openOrderCount(cleared)).toBe(0);
    const back = run([act('recalled', '__proto__', 3)], JSON.parse(JSON.stringify(cleared)));
    expect(Object.keys(back.openOrders)).toEqual(['__proto__']);
    expect(openOrdersByStatus(back).preparing.map((o) => o.orderId)).toEqual(['__proto__']);
  });

  it('lets a later order.status from the POS win as usual', () => {
    const state = run([
      place('o-1', 0),
      act('bumped', 'o-1', 1),
      act('bumped', 'o-1', 2),
      status('o-1', 'preparing', 3),
    ]);
    expect(state.openOrders['o-1']).toMatchObject({ status: 'preparing', updatedAt: min(3) });
    const cancelled = run([status('o-1', 'cancelled', 4)], state);
    expect(cancelled.openOrders['o-1']).toBeUndefined();
    expect(cancelled.totals.cancelled).toBe(1);
    expect(revenueToday(cancelled).amount).toBe(0);
  });

  it('ignores a clear without a reason (data off the catalog), keeping it in the feed', () => {
    const state = run([
      place('o-1', 0),
      {
        type: 'order.cleared',
        location: 'downtown',
        data: { orderId: 'o-1', by: 'a' },
        at: min(1),
      },
    ]);
    expect(openOrderCount(state)).toBe(1);
    expect(state.feed.at(-1)?.type).toBe('order.cleared');
  });
});

describe('order actions on summarised (older) orders', () => {
  const caps: OrderCaps = { openOrders: 2, summarisedOrders: 10 };
  const rush = () =>
    run([place('o-1', 0, 100), place('o-2', 1, 200), place('o-3', 2, 300)], beirutBoard(), caps);

  it('bumps a summarised order to ready (counting its ticket time) and then served', () => {
    const start = rush();
    expect(olderOpenOrders(start).count).toBe(1);
    const ready = run([act('bumped', 'o-1', 10)], start, caps);
    expect(ready.olderOpenOrders?.orders['o-1']?.ready).toBe(true);
    expect(ready.totals.ticketsCompleted).toBe(1);
    expect(averageTicketMs(ready)).toBe(10 * MINUTE);
    const served = run([act('bumped', 'o-1', 11)], ready, caps);
    expect(openOrderCount(served)).toBe(2);
    expect(served.totals).toEqual(ready.totals);
    expect(served.recentlyClosed?.[0]).toMatchObject({
      order: { orderId: 'o-1', status: 'ready', items: [], total: 100, placedAt: min(0) },
      how: 'served',
    });
  });

  it('clears a summarised order and brings it back to the summary on recall when the rail is full', () => {
    const start = rush();
    const cleared = run([act('cleared', 'o-1', 10)], start, caps);
    expect(olderOpenOrders(cleared).count).toBe(0);
    expect(openOrderCount(cleared)).toBe(2);
    expect(cleared.totals).toEqual(start.totals);
    const back = run([act('recalled', 'o-1', 11)], cleared, caps);
    expect(openOrderCount(back)).toBe(3);
    expect(back.olderOpenOrders?.orders['o-1']).toEqual({
      location: 'downtown',
      placedAt: min(0),
      total: 100,
      currency: 'LBP',
      ready: false,
    });
    expect(back.recentlyClosed).toEqual([]);
  });

  it('treats a recall of a summarised order as a no-op', () => {
    const start = run([act('bumped', 'o-1', 10)], rush(), caps);
    const after = run([act('recalled', 'o-1', 11)], start, caps);
    expect(after.olderOpenOrders).toBe(start.olderOpenOrders);
    expect(after.openOrders).toBe(start.openOrders);
  });
});

describe('order actions through reduceAll', () => {
  it('reduces a batch of actions to the same board as one event at a time, ignoring a re-delivered seq', () => {
    const records = at(1, [
      place('o-1', 0),
      place('o-2', 1),
      act('bumped', 'o-1', 2),
      act('bumped', 'o-1', 3),
      act('recalled', 'o-1', 4),
      act('bumped', 'o-1', 5),
      act('bumped', 'o-1', 6),
      act('cleared', 'o-2', 7),
      act('recalled', 'o-1', 8),
    ]);
    const start = beirutBoard();
    const batched = reduceAll(start, records);
    let oneByOne = start;
    for (const record of records) oneByOne = reduce(oneByOne, record);
    expect(batched).toEqual(oneByOne);
    expect(start.recentlyClosed).toBeUndefined();
    expect(Object.keys(start.openOrders)).toEqual([]);
    // A seq already applied (a resume overlapping the snapshot) changes nothing.
    expect(reduce(batched, records[3] as SequencedEvent)).toBe(batched);
    expect(batched.openOrders['o-1']?.status).toBe('ready');
    expect(batched.recentlyClosed?.map((t) => t.order.orderId)).toEqual(['o-2']);
  });
});
