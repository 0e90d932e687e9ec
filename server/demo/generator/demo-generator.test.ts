import { describe, expect, it } from 'vitest';
import { eventInputSchema } from '../../../protocol/events';
import {
  createDemoGenerator,
  createTenantSimulation,
  tenantSeed,
  type DemoEvent,
} from './demo-generator';
import {
  tenantDirectoryInputSchema,
  locationDisplayName,
} from '../../../protocol/tenant-directory';
import { DEMO_TENANTS, DEMO_TENANT_IDS, demoDirectoryInput } from './demo-tenants';
import { seededRandom } from './seeded-random';

const START = Date.UTC(2025, 4, 16, 18, 0, 0);

function run(seed: number, seconds: number, tenants = DEMO_TENANTS): DemoEvent[] {
  const generator = createDemoGenerator({ seed, tenants });
  const out: DemoEvent[] = [];
  for (let s = 1; s <= seconds; s += 1) out.push(...generator.tick(START + s * 1000));
  return out;
}

describe('the demo generator', () => {
  it('gives the same events for the same seed and times, and different ones for another seed', () => {
    expect(run(42, 120)).toEqual(run(42, 120));
    expect(run(43, 120)).not.toEqual(run(42, 120));
  });

  it('makes only events the ingest API accepts, for the demo tenants only', () => {
    const events = run(7, 300);
    expect(events.length).toBeGreaterThan(200);
    expect(new Set(events.map((e) => e.tenant))).toEqual(new Set(DEMO_TENANT_IDS));
    const refused = events.filter((e) => !eventInputSchema.safeParse(e.event).success);
    expect(refused).toEqual([]);
  });

  it('covers every domain: orders through every stage, tables, payments with failures, stock, queues, metrics and alerts', () => {
    const events = run(11, 1800);
    const types = new Set(events.map((e) => e.event.type));
    for (const type of [
      'order.placed',
      'order.status',
      'table.seated',
      'table.cleared',
      'payment.status',
      'inventory.level',
      'queue.length',
      'metric',
      'alert',
    ])
      expect(types).toContain(type);
    const statuses = new Set(
      events.filter((e) => e.event.type === 'order.status').map((e) => e.event.data?.status),
    );
    for (const status of ['accepted', 'preparing', 'ready', 'served', 'cancelled'])
      expect(statuses).toContain(status);
    expect(events.some((e) => e.event.data?.status === 'failed' && e.event.data?.reason)).toBe(
      true,
    );
  });

  it('gives each order event a stable id and an order moves through its stages in order', () => {
    const events = run(5, 900).filter((e) => e.tenant === 'harbor-eats');
    const placed = events.find((e) => e.event.type === 'order.placed');
    const orderId = placed?.event.data?.orderId as string;
    expect(placed?.event.id).toBe(`${orderId}-placed`);
    const stages = events
      .filter((e) => e.event.type === 'order.status' && e.event.data?.orderId === orderId)
      .map((e) => e.event.data?.status);
    const lifecycle = ['accepted', 'preparing', 'ready', 'served'];
    expect(stages).toEqual(
      stages[0] === 'cancelled' ? ['cancelled'] : lifecycle.slice(0, stages.length),
    );
  });

  it("keeps a tenant's stream independent of which other tenants run", () => {
    const harbor = DEMO_TENANTS.filter((t) => t.id === 'harbor-eats');
    const alone = run(9, 300, harbor);
    const together = run(9, 300).filter((e) => e.tenant === 'harbor-eats');
    expect(together).toEqual(alone);
  });

  it('at a low pace fills hours of history with few events, and rejects a bad step', () => {
    const tenant = DEMO_TENANTS[0]!;
    const sim = createTenantSimulation(tenant, seededRandom(tenantSeed(1, tenant.id)));
    let count = 0;
    for (let t = 10_000; t <= 2 * 3600_000; t += 10_000)
      count += sim.tick(START + t, { stepMs: 10_000, pace: 0.1 }).length;
    expect(count).toBeGreaterThan(300);
    expect(count).toBeLessThan(6000);
    expect(() => sim.tick(START, { stepMs: 0 })).toThrow(RangeError);
  });

  it('gives each demo tenant a valid directory entry with names in both languages and its tables per area', () => {
    for (const tenant of DEMO_TENANTS) {
      const entry = tenantDirectoryInputSchema.parse(demoDirectoryInput(tenant));
      expect(entry).toMatchObject({ timeZone: tenant.timeZone, currency: tenant.currency });
      for (const location of tenant.locations) {
        const configured = entry.locations.find((l) => l.id === location.id);
        const ids = configured?.areas.flatMap((area) => area.tables as string[]) ?? [];
        // The simulation seats parties at T1…T{tables}: exactly the ids the directory lists.
        expect(ids).toEqual(Array.from({ length: location.tables }, (_, i) => `T${i + 1}`));
      }
    }
    const cedar = {
      id: 'cedar-group',
      ...tenantDirectoryInputSchema.parse(demoDirectoryInput(DEMO_TENANTS[0]!)),
    };
    expect(locationDisplayName(cedar, 'beirut-downtown', 'ar')).toBe('بيروت - وسط البلد');
    expect(locationDisplayName(cedar, 'beirut-downtown', 'en')).toBe('Beirut Downtown');
  });

  it('takes 8 to 25 minutes from placed to ready for every ticket', () => {
    const generator = createDemoGenerator({ seed: 3 });
    const placedAt = new Map<string, number>();
    const minutes: number[] = [];
    for (let t = 1; t <= 3 * 3600; t += 1) {
      const now = START + t * 1000;
      for (const { event } of generator.tick(now)) {
        const orderId = event.data?.orderId as string | undefined;
        if (!orderId) continue;
        if (event.type === 'order.placed') placedAt.set(orderId, now);
        if (event.type === 'order.status' && event.data?.status === 'ready')
          minutes.push((now - (placedAt.get(orderId) as number)) / 60_000);
      }
    }
    expect(minutes.length).toBeGreaterThan(50);
    expect(Math.min(...minutes)).toBeGreaterThanOrEqual(8);
    expect(Math.max(...minutes)).toBeLessThanOrEqual(25.1);
  });
});
