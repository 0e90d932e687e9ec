import { describe, expect, it } from 'vitest';
import { reduceAll } from '../board-reducer';
import { paymentWindow } from '../board-selectors';
import { BEIRUT_NOON, MINUTE, beirutBoard, sequence } from '../../../test-support/board-events';

describe('the payments domain', () => {
  it('computes the payment failure rate over the last 15 minutes only', () => {
    const t0 = BEIRUT_NOON;
    const payment = (status: string, at: number, location = 'downtown') => ({
      type: 'payment.status',
      location,
      data: {
        paymentId: `p-${at}-${status}`,
        method: 'card',
        amount: 1000,
        currency: 'LBP',
        status,
      },
      at,
    });
    const state = reduceAll(
      beirutBoard(),
      sequence([
        payment('failed', t0),
        payment('captured', t0 + 20 * MINUTE),
        payment('failed', t0 + 21 * MINUTE, 'jounieh'),
        payment('captured', t0 + 22 * MINUTE),
      ]),
    );
    const now = t0 + 22 * MINUTE;
    expect(paymentWindow(state, now)).toEqual({ total: 3, failed: 1, failureRate: 1 / 3 });
    expect(paymentWindow(state, now, 'downtown')).toEqual({ total: 2, failed: 0, failureRate: 0 });
    expect(state.totals.payments.failed).toBe(2);
  });
});
