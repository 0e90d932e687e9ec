import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { startHubProcess } from '../../test-support/hub-process';
import { startRedis, type RedisTestServer } from '../../test-support/redis-server';
import { freshSnapshot, orderIds, placeOrders } from '../../test-support/board-probe';

/**
 * Issue 10: where a tenant's history is truly gone (a Redis flush, a deleted data dir),
 * the snapshot says since when its totals count (`totalsSince`) instead of showing a
 * silent zero; and with several hubs on one Redis, a hub that never saw the events
 * serves exact totals from the checkpoint the ingesting hub keeps advancing.
 */
const TENANT = 'cedar-group';
const delay = (ms: number) => new Promise((done) => setTimeout(done, ms));

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
    await placeOrders(hub, TENANT, orderIds('a', 4));
    expect((await freshSnapshot(hub, TENANT)).totals.orders).toBe(4);

    const flushedAt = Date.now();
    const flush = spawnSync('redis-cli', ['-p', String(redis.port), 'FLUSHALL'], {
      encoding: 'utf8',
    });
    expect(flush.stdout.trim()).toBe('OK');
    await placeOrders(hub, TENANT, orderIds('b', 3));
    await delay(500);

    const board = await freshSnapshot(hub, TENANT);
    expect(board.totals.orders).toBe(3);
    expect(board.totalsSince).toBeGreaterThanOrEqual(flushedAt);
  });

  it('after the memory data dir was deleted, a fresh snapshot says since when its totals count', async () => {
    const hub = await startHubProcess({ env: { HUB_CHECKPOINT_INTERVAL: '200ms' } });
    cleanup.push(() => hub.stop());
    await placeOrders(hub, TENANT, orderIds('a', 4));
    expect((await freshSnapshot(hub, TENANT)).totals.orders).toBe(4);

    await hub.kill();
    for (const name of readdirSync(hub.dataDir))
      rmSync(join(hub.dataDir, name), { recursive: true, force: true });
    const restartedAt = Date.now();
    await hub.restart();
    await placeOrders(hub, TENANT, orderIds('b', 2));
    await delay(500);

    const board = await freshSnapshot(hub, TENANT);
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

    for (let burst = 0; burst < 4; burst += 1)
      await placeOrders(ingesting, TENANT, orderIds(`burst${burst}`, 25));
    await delay(1500);
    await placeOrders(ingesting, TENANT, ['last']);
    await delay(500);

    const board = await freshSnapshot(serving, TENANT);
    expect(board.totals.orders).toBe(101);
    expect(board.totals.revenue).toEqual({ USD: 101 * 500 });
  });
});
