import { get } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { watchFromEveryHub } from '../../test-support/ack-audit';
import { startSentinelSet, type SentinelSet } from '../../test-support/redis-sentinel';
import type { TestClient } from '../../test-support/ws-test-client';
import { startHubProcess, type HubProcess } from '../../test-support/hub-process';

const TENANT = 'cedar-group';

function fetchText(url: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    get(url, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    }).on('error', reject);
  });
}

describe('Redis behind Sentinel', () => {
  let set: SentinelSet | undefined;
  const hubs: HubProcess[] = [];
  const clients: TestClient[] = [];

  afterEach(async () => {
    for (const c of clients.splice(0)) await c.close();
    for (const h of hubs.splice(0)) await h.stop();
    await set?.stop();
  });

  it('follows a Sentinel failover during traffic without a restart, shows it in /readyz and the metrics, and loses no acknowledged event silently', async () => {
    set = await startSentinelSet();
    // Real hub processes: the Sentinel settings go through the CLI's config and backplane wiring.
    for (let i = 0; i < 2; i++) hubs.push(await startHubProcess({ env: set.env }));
    const { targets, audits } = await watchFromEveryHub(hubs, [TENANT], clients);
    const audit = audits[0]!;
    const readiness = new Set<number>();
    let watching = true;
    const readyz = `${hubs[0]!.url}/readyz`;
    const watcher = (async () => {
      while (watching) {
        // Status 0: the hub is gone (the test ended early); the watcher just stops counting.
        readiness.add(
          await fetchText(readyz).then(
            (r) => r.status,
            () => 0,
          ),
        );
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();

    let flowing = true;
    const traffic = (async () => {
      while (flowing) await audit.publish(targets, 45_000);
    })();
    let trafficError: unknown = null;
    traffic.catch((error: unknown) => (trafficError = error));
    while (audit.acks.length < 30 && trafficError === null)
      await new Promise((resolve) => setTimeout(resolve, 20));
    await set.pair.primary.kill();
    const promoted = await set.waitForFailover();
    expect(promoted).toBe(set.pair.replica.port);
    const atFailover = audit.acks.length;
    while (audit.acks.length < atFailover + 30 && trafficError === null)
      await new Promise((resolve) => setTimeout(resolve, 20));
    flowing = false;
    await traffic;
    const last = audit.acks.at(-1)!;
    try {
      for (const client of clients)
        await client.waitFor((f) => f.type === 'event' && f.event.id === last.id, {
          timeoutMs: 20_000,
        });
    } catch (error) {
      const logs = hubs.map((h, i) => `hub ${i}:\n${h.output().slice(-8000)}`).join('\n');
      throw new Error(`${(error as Error).message}\n${logs}`, { cause: error });
    } finally {
      watching = false;
    }
    await watcher;

    const figures = clients.map((c) => audit.check(c));
    for (const f of figures) expect(f.violations).toEqual([]);
    expect(audit.pairConflicts()).toEqual([]);
    expect(readiness.has(503), 'readyz never reported the outage').toBe(true);
    expect((await fetchText(`${hubs[0]!.url}/readyz`)).status).toBe(200);
    for (const hub of hubs) {
      const metrics = (await fetchText(`${hub.url}/metrics`)).text;
      expect(metrics).toMatch(/^ops_hub_redis_failovers_total [1-9]/m);
      expect(hub.output()).toContain('Redis primary changed (failover)');
    }
    const firstEpoch = audit.acks[0]!.epoch;
    console.log(
      `sentinel failover: ${audit.acks.length} acknowledged, ${audit.refused} refused/retried, epoch ${
        last.epoch === firstEpoch ? 'unchanged (nothing lost)' : 'changed (loss announced)'
      }; per client: ${figures
        .map((f) => `${f.acknowledged} acked, ${f.lost} not delivered, ${f.announced} announced`)
        .join(' | ')}`,
    );
    // Two hub processes, a Sentinel failover and a loaded CI machine: more than the default 60 s.
  }, 120_000);
});
