import type { EventInput } from '../../protocol';

/**
 * Events the e2e scenarios ingest: orders and payments at probe locations no demo
 * event uses, so what a test sees can only come from its own events.
 */

let probeCounter = 0;
/** A location name no demo event uses, so what the test sees can only come from its own events. */
export function probeLocation(prefix = 'e2e'): string {
  probeCounter += 1;
  return `${prefix}-${Date.now().toString(36)}-${probeCounter}`;
}

export function orderAt(location: string, total = 150_000, currency = 'LBP'): EventInput {
  const orderId = `${location}-o-${Math.random().toString(36).slice(2, 10)}`;
  return {
    type: 'order.placed',
    location,
    data: {
      orderId,
      channel: 'dine_in',
      items: [{ sku: 'probe', name: 'Probe', qty: 1, unitPrice: total }],
      total,
      currency,
    },
  };
}

export function paymentAt(
  location: string,
  method = 'card',
  status: 'captured' | 'failed' = 'captured',
): EventInput {
  return {
    type: 'payment.status',
    location,
    data: {
      paymentId: `${location}-p-${Math.random().toString(36).slice(2, 10)}`,
      method,
      amount: 90_000,
      currency: 'LBP',
      status,
    },
  };
}
