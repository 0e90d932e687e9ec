import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHubProcess, type HubProcess } from '../../test-support/hub-process';
import { connectTestClient, type TestClient } from '../../test-support/ws-test-client';

/**
 * Issue 8 item 14: read-only subscriptions to tenants that never received an event cost
 * nothing persistent (memory backplane files) and add no unbounded metric series.
 */

const GHOSTS = Array.from({ length: 150 }, (_, i) => `ghost-${i}`);

function filesIn(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir) : [];
}

function tenantSeries(metrics: string, name: string): string[] {
  return metrics.split('\n').filter((line) => line.startsWith(`${name}{tenant=`));
}

describe('subscriptions to unknown tenants (memory backplane, real hub process)', () => {
  let hub: HubProcess | undefined;
  const clients: TestClient[] = [];

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
    await hub?.stop();
    hub = undefined;
  });

  it('writes no per-tenant file and keeps tenant metric series within HUB_METRICS_MAX_TENANTS', async () => {
    hub = await startHubProcess({
      readyTimeoutMs: 60_000,
      env: {
        HUB_MAX_SUBSCRIPTIONS: '200',
        HUB_METRICS_MAX_TENANTS: '20',
        HUB_MESSAGE_RATE: '1000',
      },
    });
    const reader = await connectTestClient(hub.wsUrl, {
      token: await hub.mintToken({ tenants: GHOSTS, scope: 'read' }),
    });
    clients.push(reader);
    await reader.waitFor((f) => f.type === 'welcome');
    for (const tenant of GHOSTS) reader.send({ type: 'subscribe', tenant });
    for (const tenant of GHOSTS)
      await reader.waitFor((f) => f.type === 'snapshot' && f.tenant === tenant, {
        timeoutMs: 20_000,
      });
    // Head files are written on a 1 s timer; give it time to show up.
    await new Promise((r) => setTimeout(r, 1500));
    const journals = filesIn(join(hub.dataDir, 'journal')).filter((f) => f.startsWith('ghost-'));
    const heads = filesIn(join(hub.dataDir, 'tenants')).filter((f) => f.startsWith('ghost-'));
    const metrics = await (await fetch(`${hub.url}/metrics`)).text();
    const series = tenantSeries(metrics, 'ops_hub_tenant_connections');
    console.info('ghost tenants', {
      journals: journals.length,
      heads: heads.length,
      series: series.length,
    });
    expect(journals).toEqual([]);
    expect(heads).toEqual([]);
    expect(series.length).toBeLessThanOrEqual(21);

    // A real tenant still gets its files and its own series once it has an event.
    const producer = await hub.mintToken({ tenants: ['cedar-group'], scope: 'publish read' });
    const posted = await fetch(`${hub.url}/v1/tenants/cedar-group/events`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${producer}` },
      body: JSON.stringify({ type: 'probe.tick', id: 'real-1', data: { n: 1 } }),
    });
    expect(posted.status).toBe(200);
    expect(filesIn(join(hub.dataDir, 'journal'))).toContain('cedar-group.jsonl');
    const after = await (await fetch(`${hub.url}/metrics`)).text();
    expect(after).toContain('ops_hub_events_ingested_total{tenant="cedar-group"} 1');
  });
});
