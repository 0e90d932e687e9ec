import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHubProcess, type HubProcess } from '../../test-support/hub-process';
import { startRedis, type RedisTestServer } from '../../test-support/redis-server';
import { freshSnapshot, orderIds, placeOrders } from '../../test-support/board-probe';
import type { BackplaneKind } from '../../test-support/in-process-hub';

/**
 * Issue 10: a tenant's day totals must not depend on whether anyone watched. The
 * hub drops an unwatched tenant's channel after 10 s, and the log keeps only
 * `HUB_REPLAY_MAX_EVENTS` events for `HUB_REPLAY_MAX_AGE`; a fresh subscriber's
 * snapshot must still count every acknowledged event of the day.
 */
const RETAINED_EVENTS = 20;
const RETAINED_AGE = '1s';
const LINGER_MS = 10_000;

const delay = (ms: number) => new Promise((done) => setTimeout(done, ms));

describe.each<BackplaneKind>(['memory', 'redis'])(
  'day totals after a gap nobody watched (%s backplane, real hub process)',
  (kind) => {
    let redis: RedisTestServer | undefined;
    let hub: HubProcess;

    beforeAll(async () => {
      if (kind === 'redis') redis = await startRedis();
      hub = await startHubProcess({
        redisUrl: redis?.url,
        env: {
          HUB_REPLAY_MAX_EVENTS: String(RETAINED_EVENTS),
          HUB_REPLAY_MAX_AGE: RETAINED_AGE,
          HUB_CHECKPOINT_INTERVAL: '200ms',
        },
      });
    });
    afterAll(async () => {
      await hub?.stop();
      await redis?.stop();
    });

    it('counts every order placed while nobody watched, past the retained count and age', async () => {
      // Watched first, so the tenant has a channel and a checkpoint, then left alone.
      await placeOrders(hub, 'gap-by-count', orderIds('a', 5));
      await placeOrders(hub, 'gap-by-age', orderIds('a', 5));
      expect((await freshSnapshot(hub, 'gap-by-count')).totals.orders).toBe(5);
      expect((await freshSnapshot(hub, 'gap-by-age')).totals.orders).toBe(5);
      await delay(LINGER_MS + 1500);

      // By count: three times the retained count in one burst, far inside the retained age.
      await placeOrders(hub, 'gap-by-count', orderIds('b', 3 * RETAINED_EVENTS));
      // By age: a few orders, then more than the retained age of silence, then one more.
      await placeOrders(hub, 'gap-by-age', orderIds('b', 5));
      await delay(2500);
      await placeOrders(hub, 'gap-by-age', ['c-0']);
      await delay(500);

      const byCount = await freshSnapshot(hub, 'gap-by-count');
      const byAge = await freshSnapshot(hub, 'gap-by-age');
      expect({
        byCount: byCount.totals.orders,
        byAge: byAge.totals.orders,
        byCountRevenue: byCount.totals.revenue,
        byAgeRevenue: byAge.totals.revenue,
        byCountSince: byCount.totalsSince,
        byAgeSince: byAge.totalsSince,
      }).toEqual({
        byCount: 5 + 3 * RETAINED_EVENTS,
        byAge: 5 + 5 + 1,
        byCountRevenue: { USD: (5 + 3 * RETAINED_EVENTS) * 500 },
        byAgeRevenue: { USD: 11 * 500 },
        byCountSince: expect.any(Number),
        byAgeSince: expect.any(Number),
      });
      // The tenant's log began today, so the totals say since when: its first event, not the gap.
      expect(byCount.totalsSince).toBeLessThanOrEqual(byAge.totalsSince ?? 0);
    }, 60_000);
  },
);
