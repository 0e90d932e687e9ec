import { describe, expect, it } from 'vitest';
import { reduce, reduceAll } from '../board-reducer';
import {
  averageTicketMs,
  openOrderCount,
  openOrdersByStatus,
  revenueToday,
} from '../board-selectors';
import {
  BEIRUT_NOON,
  MINUTE,
  beirutBoard,
  placed,
  sequence,
} from '../../../test-support/board-events';

describe('the orders domain', () => {
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
});
