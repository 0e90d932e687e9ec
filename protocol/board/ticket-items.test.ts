import { describe, expect, it } from 'vitest';
import type { SequencedEvent } from '../events';
import { eventDataSchemas, ORDER_ITEM_LIMITS } from '../events';
import { reduceAll } from './board-reducer';
import { openOrdersByStatus } from './board-selectors';
import { BOARD_LIMITS, createBoardState } from './board-state';
import { groupTicketItems, splitStaleTickets } from './ticket-items';

const NOON = Date.UTC(2026, 10, 22, 10, 0, 0);

function placed(seq: number, items: unknown[], ts = NOON + seq * 1000): SequencedEvent {
  return {
    seq,
    ts,
    event: {
      type: 'order.placed',
      id: `e-${seq}`,
      location: 'hamra',
      data: { orderId: `o-${seq}`, channel: 'dine_in', items, total: 100, currency: 'LBP' },
    },
  };
}

describe('groupTicketItems', () => {
  it('adds up the same dish sent on several lines', () => {
    const lines = groupTicketItems([
      { sku: 'fw', name: 'Flat white', qty: 1 },
      { sku: 'fw', name: 'Flat white', qty: 2 },
      { sku: 'cr', name: 'Croissant', qty: 1 },
    ]);
    expect(lines.map((line) => [line.name, line.qty])).toEqual([
      ['Flat white', 3],
      ['Croissant', 1],
    ]);
  });

  it('keeps a dish with other modifiers or another note on its own line, whatever the modifier order', () => {
    const lines = groupTicketItems([
      { sku: 'fw', name: 'Flat white', qty: 1, modifiers: ['Oat milk', 'Extra shot'] },
      { sku: 'fw', name: 'Flat white', qty: 1, modifiers: ['Extra shot', 'Oat milk'] },
      { sku: 'fw', name: 'Flat white', qty: 1 },
      { sku: 'fw', name: 'Flat white', qty: 1, note: 'Very hot' },
    ]);
    expect(lines.map((line) => [line.qty, line.modifiers, line.note])).toEqual([
      [2, ['Oat milk', 'Extra shot'], null],
      [1, [], null],
      [1, [], 'Very hot'],
    ]);
    expect(new Set(lines.map((line) => line.key)).size).toBe(3);
  });

  it('tells apart dishes with the same name but another sku', () => {
    const lines = groupTicketItems([
      { sku: 'a', name: 'Salad', qty: 1 },
      { sku: 'b', name: 'Salad', qty: 1 },
    ]);
    expect(lines).toHaveLength(2);
  });
});

describe('order item modifiers and notes', () => {
  it('are kept on the board ticket when order.placed carries them', () => {
    const state = reduceAll(createBoardState(), [
      placed(1, [
        {
          sku: 'fw',
          name: 'Flat white',
          qty: 1,
          unitPrice: 50,
          modifiers: ['Oat milk'],
          note: 'Allergy: nuts',
          price: 'ignored',
        },
      ]),
    ]);
    expect(state.openOrders['o-1']?.items).toEqual([
      { sku: 'fw', name: 'Flat white', qty: 1, modifiers: ['Oat milk'], note: 'Allergy: nuts' },
    ]);
  });

  it('are bounded by the event schema', () => {
    const schema = eventDataSchemas['order.placed'];
    const item = { sku: 'fw', name: 'Flat white', qty: 1, unitPrice: 50 };
    const order = (extra: object) => ({
      orderId: 'o-1',
      channel: 'dine_in',
      items: [{ ...item, ...extra }],
      total: 50,
      currency: 'LBP',
    });
    expect(schema.safeParse(order({ modifiers: ['Oat milk'], note: 'No sugar' })).success).toBe(
      true,
    );
    expect(schema.safeParse(order({ note: '' })).success).toBe(false);
    expect(
      schema.safeParse(order({ note: 'x'.repeat(ORDER_ITEM_LIMITS.noteLength + 1) })).success,
    ).toBe(false);
    expect(
      schema.safeParse(
        order({ modifiers: Array.from({ length: ORDER_ITEM_LIMITS.modifiers + 1 }, () => 'm') }),
      ).success,
    ).toBe(false);
    expect(schema.safeParse(order({ modifiers: 'Oat milk' })).success).toBe(false);
  });
});

describe('splitStaleTickets', () => {
  it('moves tickets with no status change for the stale threshold out of the lanes, oldest first', () => {
    const state = reduceAll(createBoardState(), [
      placed(1, [], NOON),
      placed(2, [], NOON + 60_000),
      placed(3, [], NOON + 40 * 60_000),
    ]);
    const lanes = openOrdersByStatus(state);
    const now = NOON + 60_000 + BOARD_LIMITS.staleTicketMs;
    const { live, stale } = splitStaleTickets(lanes, now);
    expect(stale.map((order) => order.orderId)).toEqual(['o-1', 'o-2']);
    expect(live.placed.map((order) => order.orderId)).toEqual(['o-3']);
    expect(live.ready).toBe(lanes.ready);
  });

  it('keeps a ticket one millisecond short of the threshold in its lane', () => {
    const state = reduceAll(createBoardState(), [placed(1, [], NOON)]);
    const { live, stale } = splitStaleTickets(
      openOrdersByStatus(state),
      NOON + BOARD_LIMITS.staleTicketMs - 1,
    );
    expect(stale).toEqual([]);
    expect(live.placed).toHaveLength(1);
  });
});
