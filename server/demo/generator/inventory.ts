import type { DemoLocation } from './demo-tenants';
import { pick } from './seeded-random';
import type { DemoStep } from './tenant-simulation-state';

/** Chance that a line below its threshold is restocked at the next order. */
const RESTOCK_CHANCE = 0.15;

/**
 * An order uses up some of one stock line at its location (`inventory.level`).
 * Below the threshold the kitchen restocks now and then, so levels keep moving.
 */
export function consumeStock({ sim, emit }: DemoStep, location: DemoLocation): void {
  const item = pick(sim.random, sim.tenant.stock);
  const key = `${location.id}/${item.sku}`;
  let qty = Math.max(0, (sim.stock.get(key) ?? item.start) - (0.5 + sim.random() * 2));
  if (qty < item.threshold && sim.random() < RESTOCK_CHANCE) qty = item.start;
  qty = Math.round(qty * 10) / 10;
  sim.stock.set(key, qty);
  emit({
    type: 'inventory.level',
    location: location.id,
    data: { sku: item.sku, name: item.name, qty, threshold: item.threshold, unit: item.unit },
  });
}
