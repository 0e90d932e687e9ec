import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { TenantConnectionsGauge, TenantLabels } from './tenant-labels';

describe('tenant metric labels', () => {
  it('gives own series only to admitted tenants, at most `max`, and sums the rest as "other"', async () => {
    const registry = new Registry();
    const labels = new TenantLabels(2);
    const gauge = new TenantConnectionsGauge(labels, registry);
    for (const tenant of ['a', 'b', 'c']) labels.admit(tenant);
    for (let i = 0; i < 500; i++) gauge.inc({ tenant: `ghost-${i}` });
    gauge.inc({ tenant: 'a' });
    gauge.inc({ tenant: 'c' });
    const text = await registry.metrics();
    const series = text.split('\n').filter((l) => l.startsWith('ops_hub_tenant_connections{'));
    expect(series.sort()).toEqual([
      'ops_hub_tenant_connections{tenant="a"} 1',
      'ops_hub_tenant_connections{tenant="other"} 501',
    ]);
    for (let i = 0; i < 500; i++) gauge.dec({ tenant: `ghost-${i}` });
    expect(gauge.get('ghost-1')).toBe(0);
  });
});
