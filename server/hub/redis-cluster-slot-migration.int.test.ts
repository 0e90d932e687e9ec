import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { watchFromEveryHub } from '../../test-support/ack-audit';
import { startRedisCluster, type RedisTestCluster } from '../../test-support/redis-cluster';
import type { TestClient } from '../../test-support/ws-test-client';
import { tenantKeys } from '../backplane/redis-keys';
import { startInProcessHub, type InProcessHub } from '../../test-support/in-process-hub';

/** Number of sharded subscriptions to `channel` on the node at `port`. */
async function shardSubscribers(port: number, channel: string): Promise<number> {
  const redis = new Redis(port, '127.0.0.1', { lazyConnect: true, maxRetriesPerRequest: 0 });
  try {
    await redis.connect();
    const reply = (await redis.call('PUBSUB', 'SHARDNUMSUB', channel)) as [string, number];
    return Number(reply[1]);
  } finally {
    redis.disconnect();
  }
}

describe('Redis Cluster slot migration', () => {
  let cluster: RedisTestCluster | undefined;
  const hubs: InProcessHub[] = [];
  const clients: TestClient[] = [];

  afterEach(async () => {
    for (const c of clients.splice(0)) await c.close();
    for (const h of hubs.splice(0)) await h.close();
    await cluster?.stop();
  });

  it('delivers every acknowledged event to every client, under one epoch, while a tenant’s slot moves to another primary during traffic', async () => {
    cluster = await startRedisCluster();
    const [from, bystander, to] = await cluster.primaries();
    // The migrated tenant lives on `from`; another one stays on `bystander`; `to` has none
    // yet, so its sharded subscriber holds no channel before the move.
    const pick = async (port: number | undefined) => {
      for (let i = 0; i < 500; i++) {
        const tenant = `slot-tenant-${i}`;
        if ((await cluster!.primaryForKey(tenantKeys(tenant).seq)) === port) return tenant;
      }
      throw new Error(`no tenant hashes to ${port}`);
    };
    const moved = await pick(from);
    const stayed = await pick(bystander);
    const tenants = [moved, stayed];
    for (let i = 0; i < 2; i++)
      hubs.push(await startInProcessHub({ backplane: 'redis', env: cluster.env }));
    const { targets, audits } = await watchFromEveryHub(hubs, tenants, clients);
    const movedAudit = audits[0]!;
    const movedKey = tenantKeys(moved).seq;

    let flowing = true;
    let trafficError: unknown = null;
    const traffic = (async () => {
      while (flowing) for (const audit of audits) await audit.publish(targets, 30_000);
    })().catch((error: unknown) => {
      trafficError = error;
    });
    const acksReach = async (n: number) => {
      while (movedAudit.acks.length < n) {
        if (trafficError) throw trafficError;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    await acksReach(20);
    const started = Date.now();
    const beforeMove = movedAudit.acks.length;
    await cluster.migrateSlot(movedKey, to!, { pauseMs: 300 });
    const migrationMs = Date.now() - started;
    const duringMove = movedAudit.acks.length - beforeMove;
    // The producer kept going while the slot was moving.
    expect(duringMove).toBeGreaterThan(0);
    expect(await cluster.primaryForKey(movedKey)).toBe(to);
    const atMove = movedAudit.acks.length;
    await acksReach(atMove + 30);
    flowing = false;
    await traffic;
    expect(trafficError).toBeNull();

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
        `${audit === movedAudit ? 'moved tenant' : 'other tenant'}: ${audit.acks.length} acknowledged, ${
          audit.refused
        } refused/retried, ${epochs.size} epoch(s); per client ${figures
          .map((f) => `${f.lost} not delivered/${f.announced} announced`)
          .join(', ')}`,
      );
      // A migration copies the keys: nothing may be lost, not even announced.
      for (const f of figures) expect(f.lost).toBe(0);
      expect(epochs.size).toBe(1);
    }
    // Both hubs follow the channel to its new owner, and none still listens on the old one.
    const channel = tenantKeys(moved).channel;
    expect(await shardSubscribers(to!, channel)).toBe(2);
    expect(await shardSubscribers(from!, channel)).toBe(0);
    console.log(
      `slot migration (${migrationMs} ms, ${duringMove} acked meanwhile): ${lines.join(' | ')}`,
    );
  });
});
