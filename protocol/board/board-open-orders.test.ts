import { describe, expect, it } from 'vitest';
import type { OpsEvent, SequencedEvent } from '../events';
import { createBoardState, type BoardState } from './board-state';
import { reduceAll } from './board-reducer';
import { BOARD_LIMITS } from './board-state';
import {
  averageTicketMs,
  isStaleTicket,
  olderOpenOrders,
  openOrderCount,
  openOrdersByStatus,
} from './board-selectors';

const NOON = Date.UTC(2026, 10, 22, 10, 0, 0);
const SECOND = 1000;

/** A kitchen rush: `open` orders placed one second apart, none closed yet. */
function rush(open: number): SequencedEvent[] {
  return Array.from({ length: open }, (_, i) => ({
    seq: i + 1,
    ts: NOON + i * SECOND,
    event: {
      id: `p-${i}`,
      type: 'order.placed',
      location: 'downtown',
      data: {
        orderId: `o-${i}`,
        channel: 'dine_in',
        items: [{ sku: 'hummus', name: 'Hummus', qty: 1, unitPrice: 500 }],
        total: 500,
        currency: 'USD',
      },
    } as OpsEvent,
  }));
}

function statuses(
  from: number,
  at: number,
  changes: Array<[orderId: string, status: string]>,
): SequencedEvent[] {
  return changes.map(([orderId, status], k) => ({
    seq: from + k,
    ts: at + k,
    event: {
      id: `s-${from + k}`,
      type: 'order.status',
      location: 'downtown',
      data: { orderId, status },
    },
  }));
}

function tickets(state: BoardState) {
  return Object.values(openOrdersByStatus(state)).flat();
}

// Each case reduces thousands of orders at the cap; generous timeouts for a loaded CI box.
describe(
  'a kitchen with more open orders than the detailed rail holds',
  { timeout: 30_000 },
  () => {
    const OPEN = 2600;

    it('keeps counting every open order and shows no ticket without its placed event', () => {
      let state = reduceAll(createBoardState({ currency: 'USD' }), rush(OPEN));
      expect(openOrderCount(state)).toBe(OPEN);
      expect(tickets(state)).toHaveLength(BOARD_LIMITS.openOrders);
      expect(olderOpenOrders(state)).toEqual({
        count: OPEN - BOARD_LIMITS.openOrders,
        oldestPlacedAt: NOON,
      });
      // The detailed rail holds the newest tickets; every older one is in the summary.
      expect(Math.min(...tickets(state).map((ticket) => ticket.placedAt))).toBe(
        NOON + (OPEN - BOARD_LIMITS.openOrders) * SECOND,
      );
      // The oldest tickets are the ones the kitchen must see: they move on, they are not recreated.
      const later = NOON + OPEN * SECOND;
      state = reduceAll(
        state,
        statuses(OPEN + 1, later, [
          ['o-0', 'preparing'],
          ['o-1', 'ready'],
          ['o-2', 'served'],
        ]),
      );
      expect(openOrderCount(state)).toBe(OPEN - 1);
      expect(olderOpenOrders(state)).toEqual({
        count: OPEN - BOARD_LIMITS.openOrders - 1,
        oldestPlacedAt: NOON,
      });
      for (const ticket of tickets(state)) {
        expect(ticket.channel).not.toBe('unknown');
        expect(ticket.itemCount).toBeGreaterThan(0);
      }
      // o-1 became ready after waiting (OPEN - 1) s + 1 ms; o-2 was served after (OPEN - 2) s + 2 ms.
      expect(state.totals.ticketsCompleted).toBe(2);
      expect(averageTicketMs(state)).toBe(
        Math.round(((OPEN - 1) * SECOND + 1 + (OPEN - 2) * SECOND + 2) / 2),
      );
    });

    it('cancels a summarised order out of the revenue it added', () => {
      let state = reduceAll(createBoardState({ currency: 'USD' }), rush(OPEN));
      state = reduceAll(state, statuses(OPEN + 1, NOON + OPEN * SECOND, [['o-5', 'cancelled']]));
      expect(state.totals).toMatchObject({
        orders: OPEN,
        cancelled: 1,
        revenue: { USD: (OPEN - 1) * 500 },
      });
      expect(openOrderCount(state)).toBe(OPEN - 1);
    });

    it('marks a ticket with no status change for the stale threshold as stale, not late forever', () => {
      const state = reduceAll(createBoardState({ currency: 'USD' }), rush(1));
      const [ticket] = tickets(state);
      expect(isStaleTicket(ticket!, NOON + BOARD_LIMITS.staleTicketMs - 1)).toBe(false);
      expect(isStaleTicket(ticket!, NOON + BOARD_LIMITS.staleTicketMs)).toBe(true);
    });

    it('ignores a status for an order it never saw placed instead of inventing a ticket', () => {
      const state = reduceAll(
        createBoardState({ currency: 'USD' }),
        statuses(1, NOON, [['ghost', 'preparing']]),
      );
      expect(openOrderCount(state)).toBe(0);
      expect(tickets(state)).toEqual([]);
    });
  },
);
