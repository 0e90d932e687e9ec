import { pick } from './seeded-random';
import type { DemoStep } from './tenant-simulation-state';

/** Share of alerts that are critical; the rest are warnings. */
const CRITICAL_SHARE = 0.3;

/** An operational alert at a random location, from the tenant's own list (`alert`). */
export function raiseAlert({ sim, emit }: DemoStep): void {
  const location = pick(sim.random, sim.tenant.locations);
  emit({
    type: 'alert',
    location: location.id,
    data: {
      severity: sim.random() < CRITICAL_SHARE ? 'critical' : 'warning',
      message: pick(sim.random, sim.tenant.alerts),
    },
  });
}
