import { describe, expect, it } from 'vitest';
import { reduceAll } from './board-reducer';
import {
  BEIRUT_NOON,
  MINUTE,
  beirutBoard,
  placed,
  sequence,
} from '../../test-support/board-events';

describe('the KPI trend', () => {
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
});
