import { BOARD_LIMITS, type PaymentMinute, type PaymentRecord } from '../board-state';
import { appendBounded, updateDay } from '../board-collections';
import type { DomainSteps } from './domain-step';

/**
 * The payments domain (`payment.status`): the day's counts per payment status, the
 * latest payments (bounded by `BOARD_LIMITS.payments`) and the per-minute window the
 * failure rate is computed over. The first payment's currency becomes the board's
 * currency when none is configured.
 * @internal
 */
export const paymentsDomain: DomainSteps = {
  'payment.status': (state, { location, ts, seq, data }) => {
    const payment: PaymentRecord = {
      paymentId: data.paymentId,
      ...(data.orderId ? { orderId: data.orderId } : {}),
      location,
      method: data.method,
      amount: data.amount,
      currency: data.currency,
      status: data.status,
      ...(data.reason ? { reason: data.reason } : {}),
      at: ts,
      seq,
    };
    let next = updateDay(state, location, (day) => ({
      ...day,
      payments: { ...day.payments, [data.status]: day.payments[data.status] + 1 },
    }));
    next = {
      ...next,
      currency: next.currency ?? data.currency,
      payments: appendBounded(next.payments, payment, BOARD_LIMITS.payments),
    };
    return {
      ...next,
      paymentWindow: bumpPaymentMinute(next.paymentWindow, location, ts, data.status),
    };
  },
};

const MINUTE_MS = 60_000;

function bumpPaymentMinute(
  window: PaymentMinute[],
  location: string,
  ts: number,
  status: PaymentRecord['status'],
): PaymentMinute[] {
  const minute = Math.floor(ts / MINUTE_MS) * MINUTE_MS;
  const cutoff = minute - (BOARD_LIMITS.paymentWindowMinutes - 1) * MINUTE_MS;
  let found = false;
  const kept = window
    .filter((bucket) => bucket.minute >= cutoff)
    .map((bucket) => {
      if (bucket.minute !== minute || bucket.location !== location) return bucket;
      found = true;
      return { ...bucket, counts: { ...bucket.counts, [status]: bucket.counts[status] + 1 } };
    });
  if (!found) {
    const counts = { authorized: 0, captured: 0, failed: 0, refunded: 0 };
    counts[status] = 1;
    kept.push({ minute, location, counts });
  }
  return kept;
}
