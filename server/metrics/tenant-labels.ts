import { Gauge, type Registry } from 'prom-client';

/** The label shared by every tenant without a series of its own. */
export const OTHER_TENANT_LABEL = 'other';

/**
 * Which tenants get their own `tenant` label on metrics. A tenant is admitted once it has
 * history (an event ingested here or seen on its channel), up to `max` tenants; every other
 * tenant, notably a name someone merely subscribed to, is counted under `tenant="other"`.
 * So label cardinality is bounded by `max + 1` whatever names clients send.
 */
export class TenantLabels {
  private readonly admitted = new Set<string>();

  /** @param max tenants with their own series (HUB_METRICS_MAX_TENANTS); 0 puts every tenant under "other". */
  constructor(private readonly max: number) {}

  /** Marks `tenant` as having history; it gets its own label while fewer than `max` have one. */
  admit(tenant: string): void {
    if (this.admitted.size < this.max) this.admitted.add(tenant);
  }

  label(tenant: string): string {
    return this.admitted.has(tenant) ? tenant : OTHER_TENANT_LABEL;
  }
}

/**
 * Connections per tenant as a gauge whose labels are decided at scrape time, so a tenant
 * admitted later moves from "other" to its own series without any inc/dec going astray.
 * Same `inc`/`dec` calls as a prom-client gauge.
 */
export class TenantConnectionsGauge {
  private readonly counts = new Map<string, number>();

  constructor(labels: TenantLabels, registry: Registry) {
    const counts = this.counts;
    new Gauge({
      name: 'ops_hub_tenant_connections',
      help: 'Connections holding a subscription to the tenant ("other": tenants without their own series)',
      labelNames: ['tenant'],
      registers: [registry],
      collect() {
        this.reset();
        for (const [tenant, count] of counts) this.inc({ tenant: labels.label(tenant) }, count);
      },
    });
  }

  inc(labels: { tenant: string }): void {
    this.counts.set(labels.tenant, (this.counts.get(labels.tenant) ?? 0) + 1);
  }

  dec(labels: { tenant: string }): void {
    const left = (this.counts.get(labels.tenant) ?? 0) - 1;
    if (left > 0) this.counts.set(labels.tenant, left);
    else this.counts.delete(labels.tenant);
  }

  /** Connections holding `tenant` now (for tests). */
  get(tenant: string): number {
    return this.counts.get(tenant) ?? 0;
  }
}
