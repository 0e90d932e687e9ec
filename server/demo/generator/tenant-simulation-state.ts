import type { EventInput } from '../../../protocol/events';
import type { DemoLocation, DemoTenant } from './demo-tenants';
import type { Random } from './seeded-random';

/** Where an order is in its life; `served` ends it. */
export type OrderStage = 'placed' | 'accepted' | 'preparing' | 'ready' | 'served';

export interface SimOrder {
  id: string;
  location: DemoLocation;
  channel: 'dine_in' | 'takeaway' | 'delivery';
  stage: OrderStage;
  /** When the order moves to its next stage, epoch ms. */
  nextAt: number;
  total: number;
  tableId?: string;
  paid: boolean;
}

/**
 * The mutable state of one demo tenant, shared by the domain modules (orders,
 * floor, payments, inventory, kitchen queues, metrics, alerts). Maps keyed by
 * location id or `location/sku`, never plain objects.
 */
export interface TenantSimulationState {
  tenant: DemoTenant;
  random: Random;
  orders: Map<string, SimOrder>;
  occupied: Map<string, Set<string>>;
  clearAt: Array<{ location: string; tableId: string; at: number }>;
  stock: Map<string, number>;
  waitlist: Map<string, number>;
  counter: number;
  /** When queue lengths were last reported, epoch ms. */
  lastQueuesAt: number;
}

/** What a domain step gets: the tenant's state, the time, and where its events go. */
export interface DemoStep {
  sim: TenantSimulationState;
  now: number;
  emit(event: EventInput): void;
}

export function createTenantSimulationState(
  tenant: DemoTenant,
  random: Random,
): TenantSimulationState {
  return {
    tenant,
    random,
    orders: new Map(),
    occupied: new Map(tenant.locations.map((l) => [l.id, new Set<string>()])),
    clearAt: [],
    stock: new Map(
      tenant.stock.flatMap((s) =>
        tenant.locations.map((l) => [`${l.id}/${s.sku}`, s.start] as [string, number]),
      ),
    ),
    waitlist: new Map(tenant.locations.map((l) => [l.id, 0])),
    counter: Math.floor(random() * 9000) + 1000,
    lastQueuesAt: 0,
  };
}
