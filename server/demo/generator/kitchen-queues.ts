import type { DemoStep } from './tenant-simulation-state';

/** How often queue lengths are reported at pace 1, ms. */
export const QUEUE_REPORT_INTERVAL_MS = 5000;

/**
 * Every five seconds (divided by `pace`), per location: the kitchen queue (orders
 * accepted or being prepared) and, where there are tables, the waitlist (`queue.length`).
 */
export function reportQueues({ sim, now, emit }: DemoStep, pace = 1): void {
  if (now - sim.lastQueuesAt < QUEUE_REPORT_INTERVAL_MS / pace) return;
  sim.lastQueuesAt = now;
  for (const location of sim.tenant.locations) {
    let kitchen = 0;
    for (const order of sim.orders.values())
      if (
        order.location.id === location.id &&
        (order.stage === 'accepted' || order.stage === 'preparing')
      )
        kitchen += 1;
    emit({
      type: 'queue.length',
      location: location.id,
      data: { queue: 'kitchen', length: kitchen },
    });
    if (location.tables > 0)
      emit({
        type: 'queue.length',
        location: location.id,
        data: { queue: 'waitlist', length: sim.waitlist.get(location.id) ?? 0 },
      });
  }
}
