import type { DemoStep } from './tenant-simulation-state';

/** Service metrics (`metric`): checkout latency and the number of open orders. */
export function reportMetrics({ sim, emit }: DemoStep): void {
  const value = Math.round(120 + sim.random() * 140);
  emit({
    type: 'metric',
    data: { name: 'checkout.p95_ms', value, unit: 'ms', labels: { service: 'checkout' } },
  });
  emit({
    type: 'metric',
    data: { name: 'pos.open_orders', value: sim.orders.size, labels: { tenant: sim.tenant.id } },
  });
}
