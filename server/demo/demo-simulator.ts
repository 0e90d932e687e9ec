import type { EventInput } from '../../protocol/events';
import type { DemoLocation, DemoTenant } from './demo-tenants';

type Stage = 'placed' | 'accepted' | 'preparing' | 'ready' | 'served';
const NEXT: Record<Stage, Stage | null> = {
  placed: 'accepted',
  accepted: 'preparing',
  preparing: 'ready',
  ready: 'served',
  served: null,
};
/** Seconds until the next stage, as [min, max]. Compressed so a demo shows every stage within minutes. */
const STAGE_DELAY_S: Record<Stage, [number, number]> = {
  placed: [3, 10],
  accepted: [5, 20],
  preparing: [30, 120],
  ready: [10, 40],
  served: [0, 0],
};
const FAILURE_REASONS = [
  'insufficient_funds',
  'card_declined',
  'expired_card',
  'network_error',
  'do_not_honor',
];

interface SimOrder {
  id: string;
  location: DemoLocation;
  channel: 'dine_in' | 'takeaway' | 'delivery';
  stage: Stage;
  nextAt: number;
  total: number;
  tableId?: string;
  paid: boolean;
}

interface TenantSim {
  tenant: DemoTenant;
  orders: Map<string, SimOrder>;
  occupied: Map<string, Set<string>>;
  clearAt: Array<{ location: string; tableId: string; at: number }>;
  stock: Map<string, number>;
  waitlist: Map<string, number>;
  counter: number;
}

export interface DemoEvent {
  tenant: string;
  event: EventInput;
}

/**
 * Generates realistic restaurant traffic for the demo tenants: order lifecycles,
 * tables seated and cleared, payments captured or failed with reasons, stock
 * dropping below thresholds, waitlist and kitchen queues, metrics and occasional
 * alerts. Pure apart from the injected random source; `tick(now)` returns the
 * events of one second.
 */
export class DemoSimulator {
  private readonly sims: TenantSim[];
  private lastQueueAt = 0;

  constructor(
    tenants: readonly DemoTenant[],
    private readonly random: () => number = Math.random,
  ) {
    this.sims = tenants.map((tenant) => ({
      tenant,
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
    }));
  }

  /** Events for the second ending at `now` (epoch ms). */
  tick(now: number): DemoEvent[] {
    const out: DemoEvent[] = [];
    for (const sim of this.sims) {
      const emit = (event: EventInput) => out.push({ tenant: sim.tenant.id, event });
      for (const location of sim.tenant.locations) {
        if (this.random() < location.ordersPerMinute / 60)
          this.placeOrder(sim, location, now, emit);
      }
      this.advanceOrders(sim, now, emit);
      this.clearTables(sim, now, emit);
      if (this.random() < 1 / 10) this.metric(sim, emit);
      if (this.random() < 1 / 150) this.alert(sim, emit);
    }
    if (now - this.lastQueueAt >= 5000) {
      this.lastQueueAt = now;
      for (const sim of this.sims)
        this.queues(sim, (event) => out.push({ tenant: sim.tenant.id, event }));
    }
    return out;
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)] as T;
  }

  private between([min, max]: [number, number]): number {
    return (min + this.random() * (max - min)) * 1000;
  }

  private placeOrder(
    sim: TenantSim,
    location: DemoLocation,
    now: number,
    emit: (e: EventInput) => void,
  ): void {
    const roll = this.random();
    let channel: SimOrder['channel'] =
      roll < 0.6 ? 'dine_in' : roll < 0.8 ? 'takeaway' : 'delivery';
    if (location.tables === 0) channel = 'delivery';
    let tableId: string | undefined;
    if (channel === 'dine_in') {
      tableId = this.seat(sim, location, now, emit);
      if (!tableId) {
        sim.waitlist.set(location.id, Math.min(25, (sim.waitlist.get(location.id) ?? 0) + 1));
        return;
      }
    }
    const count = 1 + Math.floor(this.random() * 4);
    const items = Array.from({ length: count }, () => {
      const item = this.pick(sim.tenant.menu);
      return {
        sku: item.sku,
        name: item.name,
        qty: 1 + Math.floor(this.random() * 3),
        unitPrice: item.price,
      };
    });
    const total = items.reduce((sum, i) => sum + i.qty * i.unitPrice, 0);
    sim.counter += 1;
    const orderId = `o-${sim.counter}`;
    const order: SimOrder = {
      id: orderId,
      location,
      channel,
      stage: 'placed',
      nextAt: now + this.between(STAGE_DELAY_S.placed),
      total,
      tableId,
      paid: false,
    };
    sim.orders.set(orderId, order);
    emit({
      type: 'order.placed',
      id: `${orderId}-placed`,
      location: location.id,
      ts: now,
      data: {
        orderId,
        channel,
        items,
        total,
        currency: sim.tenant.currency,
        ...(tableId ? { tableId } : {}),
      },
    });
    // Takeaway and delivery pay up front; dine-in pays after being served.
    if (channel !== 'dine_in') this.pay(sim, order, emit);
    this.consumeStock(sim, location, emit);
  }

  private seat(
    sim: TenantSim,
    location: DemoLocation,
    now: number,
    emit: (e: EventInput) => void,
  ): string | undefined {
    const occupied = sim.occupied.get(location.id) as Set<string>;
    if (occupied.size >= location.tables) return undefined;
    let tableId: string;
    do tableId = `T${1 + Math.floor(this.random() * location.tables)}`;
    while (occupied.has(tableId));
    occupied.add(tableId);
    emit({
      type: 'table.seated',
      location: location.id,
      ts: now,
      data: { tableId, covers: 1 + Math.floor(this.random() * 6) },
    });
    return tableId;
  }

  private advanceOrders(sim: TenantSim, now: number, emit: (e: EventInput) => void): void {
    for (const order of sim.orders.values()) {
      if (order.nextAt > now) continue;
      if (order.stage === 'placed' && this.random() < 0.03) {
        emit({
          type: 'order.status',
          location: order.location.id,
          data: { orderId: order.id, status: 'cancelled', reason: 'customer_request' },
        });
        this.finish(sim, order, now);
        continue;
      }
      const next = NEXT[order.stage];
      if (!next) continue;
      order.stage = next;
      emit({
        type: 'order.status',
        id: `${order.id}-${next}`,
        location: order.location.id,
        data: { orderId: order.id, status: next },
      });
      if (next === 'served') {
        if (!order.paid) this.pay(sim, order, emit);
        this.finish(sim, order, now);
      } else {
        order.nextAt = now + this.between(STAGE_DELAY_S[next]);
      }
    }
  }

  private finish(sim: TenantSim, order: SimOrder, now: number): void {
    sim.orders.delete(order.id);
    if (order.tableId)
      sim.clearAt.push({
        location: order.location.id,
        tableId: order.tableId,
        at: now + this.between([20, 90]),
      });
  }

  private pay(sim: TenantSim, order: SimOrder, emit: (e: EventInput) => void): void {
    const failed = this.random() < 0.07;
    const method = this.pick(sim.tenant.paymentMethods);
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
        data: { ...base, status: 'failed', reason: this.pick(FAILURE_REASONS) },
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

  private clearTables(sim: TenantSim, now: number, emit: (e: EventInput) => void): void {
    const due = sim.clearAt.filter((c) => c.at <= now);
    sim.clearAt = sim.clearAt.filter((c) => c.at > now);
    for (const { location, tableId } of due) {
      sim.occupied.get(location)?.delete(tableId);
      emit({ type: 'table.cleared', location, data: { tableId } });
      const waiting = sim.waitlist.get(location) ?? 0;
      if (waiting > 0) sim.waitlist.set(location, waiting - 1);
    }
  }

  private consumeStock(
    sim: TenantSim,
    location: DemoLocation,
    emit: (e: EventInput) => void,
  ): void {
    const item = this.pick(sim.tenant.stock);
    const key = `${location.id}/${item.sku}`;
    let qty = Math.max(0, (sim.stock.get(key) ?? item.start) - (0.5 + this.random() * 2));
    // Below the threshold the kitchen restocks now and then, so levels keep moving.
    if (qty < item.threshold && this.random() < 0.15) qty = item.start;
    qty = Math.round(qty * 10) / 10;
    sim.stock.set(key, qty);
    emit({
      type: 'inventory.level',
      location: location.id,
      data: { sku: item.sku, name: item.name, qty, threshold: item.threshold, unit: item.unit },
    });
  }

  private queues(sim: TenantSim, emit: (e: EventInput) => void): void {
    for (const location of sim.tenant.locations) {
      const kitchen = [...sim.orders.values()].filter(
        (o) => o.location.id === location.id && (o.stage === 'accepted' || o.stage === 'preparing'),
      ).length;
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

  private metric(sim: TenantSim, emit: (e: EventInput) => void): void {
    const value = Math.round(120 + this.random() * 140);
    emit({
      type: 'metric',
      data: { name: 'checkout.p95_ms', value, unit: 'ms', labels: { service: 'checkout' } },
    });
    emit({
      type: 'metric',
      data: { name: 'pos.open_orders', value: sim.orders.size, labels: { tenant: sim.tenant.id } },
    });
  }

  private alert(sim: TenantSim, emit: (e: EventInput) => void): void {
    const location = this.pick(sim.tenant.locations);
    emit({
      type: 'alert',
      location: location.id,
      data: {
        severity: this.random() < 0.3 ? 'critical' : 'warning',
        message: this.pick(sim.tenant.alerts),
      },
    });
  }
}
