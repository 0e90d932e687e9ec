import { pick } from './seeded-random';
import type { DemoStep, SimOrder } from './tenant-simulation-state';

/** Share of payments that fail first (and are then paid in cash). */
const FAILURE_RATE = 0.07;
const FAILURE_REASONS = [
  'insufficient_funds',
  'card_declined',
  'expired_card',
  'network_error',
  'do_not_honor',
];

/**
 * Pays for an order (`payment.status`): usually captured at once; now and then
 * the first method fails with a reason and a cash retry is captured.
 */
export function payOrder({ sim, emit }: DemoStep, order: SimOrder): void {
  const failed = sim.random() < FAILURE_RATE;
  const method = pick(sim.random, sim.tenant.paymentMethods);
  const base = {
    paymentId: `p-${order.id.slice(2)}`,
    orderId: order.id,
    method,
    amount: order.total,
    currency: sim.tenant.currency,
  };
  if (failed) {
    emit({
      type: 'payment.status',
      location: order.location.id,
      data: { ...base, status: 'failed', reason: pick(sim.random, FAILURE_REASONS) },
    });
    emit({
      type: 'payment.status',
      location: order.location.id,
      data: { ...base, paymentId: `${base.paymentId}-retry`, method: 'cash', status: 'captured' },
    });
  } else {
    emit({
      type: 'payment.status',
      location: order.location.id,
      data: { ...base, status: 'captured' },
    });
  }
  order.paid = true;
}
