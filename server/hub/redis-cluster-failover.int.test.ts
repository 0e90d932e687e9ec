import { afterEach, describe, expect, it } from 'vitest';
import { watchFromEveryHub } from '../../test-support/ack-audit';
import { startRedisCluster, type RedisTestCluster } from '../../test-support/redis-cluster';
import type { TestClient } from '../../test-support/ws-test-client';
import { tenantKeys } from '../backplane/redis-keys';
import { startInProcessHub, type InProcessHub } from '../../test-support/in-process-hub';

describe('Redis Cluster', () => {
  let cluster: RedisTestCluster | undefined;
  const hubs: InProcessHub[] = [];
  const clients: TestClient[] = [];

  afterEach(async () => {
    for (const c of clients.splice(0)) await c.close();
    for (const h of hubs.splice(0)) await h.close();
    await cluster?.stop();
  });

  it('spreads tenants over the shards and loses no acknowledged event silently when a primary is killed during traffic', async () => {
    cluster = await startRedisCluster();
    // One tenant per shard: the slots are the consistent hash ring.
    const tenants: string[] = [];
    const owners = new Set<number>();
    for (let i = 0; tenants.length < 3 && i < 200; i++) {
      const tenant = `shard-tenant-${i}`;
      const owner = await cluster.primaryForKey(tenantKeys(tenant).seq);
      if (owners.has(owner)) continue;
      owners.add(owner);
      tenants.push(tenant);
    }
    expect(owners.size).toBe(3);
    for (let i = 0; i < 2; i++)
      hubs.push(await startInProcessHub({ backplane: 'redis', env: cluster.env }));
    const { targets, audits } = await watchFromEveryHub(hubs, tenants, clients);
    const victim = tenants[0]!;
    const victimKey = tenantKeys(victim).seq;
    const victimPort = await cluster.primaryForKey(victimKey);

    let flowing = true;
    const traffic = (async () => {
      while (flowing) for (const audit of audits) await audit.publish(targets, 30_000);
    })();
    while (audits[0]!.acks.length < 20) await new Promise((resolve) => setTimeout(resolve, 20));
    await cluster.killNode(victimPort);
    const promoted = await cluster.waitForPrimaryChange(victimKey, victimPort);
    expect(promoted).not.toBe(victimPort);
    const atFailover = audits[0]!.acks.length;
    while (audits[0]!.acks.length < atFailover + 20)
      await new Promise((resolve) => setTimeout(resolve, 20));
    flowing = false;
    await traffic;

    const lines: string[] = [];
    for (const audit of audits) {
      const last = audit.acks.at(-1)!;
      for (const client of clients)
        await client.waitFor((f) => f.type === 'event' && f.event.id === last.id, {
          timeoutMs: 20_000,
        });
      const figures = clients.map((c) => audit.check(c));
      for (const f of figures) expect(f.violations).toEqual([]);
      expect(audit.pairConflicts()).toEqual([]);
      const epochs = new Set(audit.acks.map((a) => a.epoch));
      lines.push(
        `${audit === audits[0] ? 'killed shard' : 'other shard'}: ${audit.acks.length} acknowledged, ${
          audit.refused
        } refused/retried, ${epochs.size} epoch(s); per client ${figures
          .map((f) => `${f.lost} not delivered/${f.announced} announced`)
          .join(', ')}`,
      );
    }
    console.log(`cluster failover: ${lines.join(' | ')}`);
  });
});
