import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { ingestPath } from '../../protocol/http-api';
import type { BoardState } from '../../protocol/board';
import { startHubProcess, type HubProcess } from '../../test-support/hub-process';
import { startRedis, type RedisTestServer } from '../../test-support/redis-server';
import { connectTestClient, postJson } from '../../test-support/ws-test-client';

/**
 * Issue 10: where a tenant's history is truly gone (a Redis flush, a deleted data dir),
 * the snapshot says since when its totals count (`totalsSince`) instead of showing a
 * silent zero; and with several hubs on one Redis, a hub that never saw the events
 * serves exact totals from the checkpoint the ingesting hub keeps advancing.
 */
const TENANT = 'cedar-group';
const delay = (ms: number) => new Promise((done) => setTimeout(done, ms));

function order(orderId: string) {
  return {
    type: 'order.placed',
    location: 'downtown',
    data: {
      orderId,
      channel: 'dine_in',
      items: [{ sku: 'hummus', name: 'Hummus', qty: 1, unitPrice: 500 }],
      total: 500,
      currency: 'USD',
    },
  };
}

async function publish(hub: HubProcess, orders: string[]): Promise<void> {
  const token = await hub.mintToken({ tenants: [TENANT], scope: 'publish' });
  const answer = await postJson(
    hub.url + ingestPath(TENANT),
    { events: orders.map(order) },
    { Authorization: `Bearer ${token}` },
  );
  expect(answer).toMatchObject({ status: 200, body: { accepted: orders.length } });
}

async function freshSnapshot(hub: HubProcess): Promise<BoardState> {
  const client = await connectTestClient(hub.wsUrl, {
    token: await hub.mintToken({ tenants: [TENANT] }),
  });
  try {
    await client.waitFor((f) => f.type === 'welcome');
    client.send({ type: 'subscribe', tenant: TENANT });
    const snapshot = await client.waitFor((f) => f.type === 'snapshot');
    if (snapshot.type !== 'snapshot') throw new Error('unreachable');
    return snapshot.state as unknown as BoardState;
  } finally {
    await client.close();
  }
}

const ids = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => `${prefix}-${i}`);

describe('board totals when history is lost or served by another hub (real hub processes)', () => {
  const cleanup: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  it('after a Redis flush, a fresh snapshot counts only what followed and says since when', async () => {
    const redis: RedisTestServer = await startRedis();
    cleanup.push(() => redis.stop());
    const hub = await startHubProcess({
      redisUrl: redis.url,
      env: { HUB_CHECKPOINT_INTERVAL: '200ms' },
    });
    cleanup.push(() => hub.stop());
    await publish(hub, ids('a', 4));
    expect((await freshSnapshot(hub)).totals.orders).toBe(4);

    const flushedAt = Date.now();
    const flush = spawnSync('redis-cli', ['-p', String(redis.port), 'FLUSHALL'], {
      encoding: 'utf8',
    });
    expect(flush.stdout.trim()).toBe('OK');
    await publish(hub, ids('b', 3));
    await delay(500);

    const board = await freshSnapshot(hub);
    expect(board.totals.orders).toBe(3);
    expect(board.totalsSince).toBeGreaterThanOrEqual(flushedAt);
  });

  it('after the memory data dir was deleted, a fresh snapshot says since when its totals count', async () => {
    const hub = await startHubProcess({ env: { HUB_CHECKPOINT_INTERVAL: '200ms' } });
    cleanup.push(() => hub.stop());
    await publish(hub, ids('a', 4));
    expect((await freshSnapshot(hub)).totals.orders).toBe(4);

    await hub.kill();
    for (const name of readdirSync(hub.dataDir))
      rmSync(join(hub.dataDir, name), { recursive: true, force: true });
    const restartedAt = Date.now();
    await hub.restart();
    await publish(hub, ids('b', 2));
    await delay(500);

    const board = await freshSnapshot(hub);
    expect(board.totals.orders).toBe(2);
    expect(board.totalsSince).toBeGreaterThanOrEqual(restartedAt);
  });

  it('with two hubs on one Redis, the hub that never saw the events serves exact totals after a gap past retention', async () => {
    const redis: RedisTestServer = await startRedis();
    cleanup.push(() => redis.stop());
    const env = {
      HUB_REPLAY_MAX_EVENTS: '10',
      HUB_REPLAY_MAX_AGE: '1s',
      HUB_CHECKPOINT_INTERVAL: '200ms',
    };
    const ingesting = await startHubProcess({ redisUrl: redis.url, env });
    cleanup.push(() => ingesting.stop());
    const serving = await startHubProcess({
      redisUrl: redis.url,
      env,
      jwtSecret: ingesting.jwtSecret,
    });
    cleanup.push(() => serving.stop());

    for (let burst = 0; burst < 4; burst += 1) await publish(ingesting, ids(`burst${burst}`, 25));
    await delay(1500);
    await publish(ingesting, ['last']);
    await delay(500);

    const board = await freshSnapshot(serving);
    expect(board.totals.orders).toBe(101);
    expect(board.totals.revenue).toEqual({ USD: 101 * 500 });
  });
});
