import type { EventInput } from '../../../protocol/events';
import { raiseAlert } from './alerts';
import { DEMO_TENANTS, type DemoTenant } from './demo-tenants';
import { clearTables } from './floor';
import { reportQueues } from './kitchen-queues';
import { reportMetrics } from './metrics';
import { advanceOrders, placeOrder } from './orders';
import { occurrences, seededRandom, type Random } from './seeded-random';
import {
  createTenantSimulationState,
  type DemoStep,
  type TenantSimulationState,
} from './tenant-simulation-state';

/**
 * The one demo generator: realistic restaurant traffic for the demo tenants
 * (order lifecycles, tables seated and cleared, payments captured or failed with
 * reasons, stock dropping below thresholds, kitchen and waitlist queues, metrics
 * and occasional alerts). Pure: no I/O, no timers, no `node:*`; randomness is
 * seeded and time is passed in, so the same seed and times give the same events.
 * The hub's `--demo` publishes what it makes through the ingest API, and the
 * renderer's fixture host folds it into boards.
 */

/** Mean alerts per second per tenant at pace 1. */
const ALERTS_PER_SECOND = 1 / 150;
/** Mean metric reports per second per tenant at pace 1. */
const METRICS_PER_SECOND = 1 / 10;

export interface DemoEvent {
  tenant: string;
  event: EventInput;
}

export interface DemoTickOptions {
  /** Length of the step ending at `now`, ms (default 1000). */
  stepMs?: number;
  /**
   * Activity level (default 1): scales how often orders arrive and metrics,
   * alerts and queue lengths are reported; order stages keep their real pace.
   * A fixture uses a low pace to fill hours of history with few events.
   */
  pace?: number;
}

/** One tenant's simulation. */
export interface TenantSimulation {
  readonly tenant: DemoTenant;
  /** The tenant's events for the step ending at `now` (epoch ms), in order. */
  tick(now: number, options?: DemoTickOptions): EventInput[];
}

/** Several tenants' simulations, stepped together. */
export interface DemoGenerator {
  readonly tenants: readonly DemoTenant[];
  /** Every tenant's events for the step ending at `now` (epoch ms). */
  tick(now: number, options?: DemoTickOptions): DemoEvent[];
}

export interface DemoGeneratorOptions {
  /** Seed of the random source; a tenant's stream depends only on it and the tenant id. */
  seed: number;
  /** Default: the documented demo tenants. */
  tenants?: readonly DemoTenant[];
}

/**
 * The seed of one tenant's stream: the generator seed mixed with a hash of the
 * tenant id (FNV-1a), so a tenant's events do not depend on which other tenants run.
 */
export function tenantSeed(seed: number, tenantId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < tenantId.length; i += 1)
    hash = Math.imul(hash ^ tenantId.charCodeAt(i), 0x01000193);
  return (hash ^ seed) >>> 0;
}

/**
 * Creates one tenant's simulation.
 * @throws RangeError for a step or pace that is not a positive finite number.
 */
export function createTenantSimulation(tenant: DemoTenant, random: Random): TenantSimulation {
  const sim: TenantSimulationState = createTenantSimulationState(tenant, random);
  return {
    tenant,
    tick(now, options = {}) {
      const stepMs = options.stepMs ?? 1000;
      const pace = options.pace ?? 1;
      if (!(stepMs > 0 && Number.isFinite(stepMs)) || !(pace > 0 && Number.isFinite(pace)))
        throw new RangeError(
          `stepMs and pace must be positive numbers, got stepMs ${stepMs} and pace ${pace}`,
        );
      const out: EventInput[] = [];
      const step: DemoStep = { sim, now, emit: (event) => out.push(event) };
      for (const location of tenant.locations) {
        const orders = occurrences(random, (location.ordersPerMinute * pace) / 60, stepMs);
        for (let i = 0; i < orders; i += 1) placeOrder(step, location);
      }
      advanceOrders(step);
      clearTables(step);
      const metrics = occurrences(random, METRICS_PER_SECOND * pace, stepMs);
      for (let i = 0; i < metrics; i += 1) reportMetrics(step);
      const alerts = occurrences(random, ALERTS_PER_SECOND * pace, stepMs);
      for (let i = 0; i < alerts; i += 1) raiseAlert(step);
      reportQueues(step, pace);
      return out;
    },
  };
}

/** Creates the generator over `tenants` (default: the demo tenants). */
export function createDemoGenerator(options: DemoGeneratorOptions): DemoGenerator {
  const tenants = options.tenants ?? DEMO_TENANTS;
  const sims = tenants.map((tenant) =>
    createTenantSimulation(tenant, seededRandom(tenantSeed(options.seed, tenant.id))),
  );
  return {
    tenants,
    tick(now, tickOptions) {
      return sims.flatMap((sim) =>
        sim.tick(now, tickOptions).map((event) => ({ tenant: sim.tenant.id, event })),
      );
    },
  };
}
