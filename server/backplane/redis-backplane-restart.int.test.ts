import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startRedis, type RedisTestServer } from '../../test-support/redis-server';
import { BackplaneUnavailableError, type BackplaneStatus } from './backplane';
import { makeEvents, uniqueTenant } from '../../test-support/backplane-contract';
import { RedisBackplane } from './redis-backplane';
import { TimelineListener } from './timeline-listener';

const logger = pino({ level: 'silent' });
const servers: RedisTestServer[] = [];
const open: RedisBackplane[] = [];
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

afterEach(async () => {
  await Promise.all(open.splice(0).map((b) => b.close()));
  await Promise.all(servers.splice(0).map((s) => s.stop()));
});

async function setup(persistence: boolean) {
  const redis = await startRedis({ persistence });
  servers.push(redis);
  const statuses: BackplaneStatus[] = [];
  const errors: string[] = [];
  const metrics = { onRedisError: (kind: string) => errors.push(kind) };
  const make = async () => {
    const bp = await RedisBackplane.connect({
      url: redis.url,
      logger,
      metrics,
      feedRetryDelayMs: 20,
    });
    open.push(bp);
    return bp;
  };
  const [a, b] = [await make(), await make()];
  a.onStatus((status) => statuses.push(status));
  return { redis, a, b, statuses, errors };
}

/** A producer that retries each batch (same ids) until it is accepted, as the hub's 503 asks. */
function startProducer(bp: RedisBackplane, tenant: string) {
  const acked: Array<{ id: string; epoch: string }> = [];
  let unavailable = 0;
  let running = true;
  const done = (async () => {
    for (let batch = 0; running; batch++) {
      const events = makeEvents(3, `p${batch}`);
      for (;;) {
        try {
          const result = await bp.append(tenant, events, Date.now());
          acked.push(...events.map((e) => ({ id: e.id, epoch: result.epoch })));
          break;
        } catch (error) {
          if (!(error instanceof BackplaneUnavailableError)) throw error;
          unavailable += 1;
          await pause(20);
        }
      }
      await pause(5);
    }
  })();
  return {
    acked,
    unavailable: () => unavailable,
    stop: async () => {
      running = false;
      await done;
    },
  };
}

async function crashAndRestartDuringTraffic(persistence: boolean) {
  const { redis, a, b, statuses } = await setup(persistence);
  const tenant = uniqueTenant();
  const start = await a.head(tenant);
  const timeline = new TimelineListener({ seq: 0, epoch: start.epoch });
  await a.subscribe(tenant, 0, timeline, { epoch: start.epoch });
  const producer = startProducer(b, tenant);
  await pause(300);
  await redis.kill();
  await vi.waitFor(() => expect(a.status()).toBe('degraded'), { timeout: 10_000 });
  await pause(300);
  await redis.restart();
  await b.whenReady(10_000);
  await pause(400);
  await producer.stop();
  const head = await b.head(tenant);
  await vi.waitFor(
    () => expect([timeline.currentEpoch, timeline.lastSeq]).toEqual([head.epoch, head.seq]),
    { timeout: 20_000 },
  );
  return { start, head, timeline, producer, statuses };
}

describe('redis backplane across a redis-server crash', () => {
  it('delivers every seq with no reset when Redis persists with appendfsync always', async () => {
    const { start, head, timeline, producer, statuses } = await crashAndRestartDuringTraffic(true);
    expect(head.epoch).toBe(start.epoch);
    expect(timeline.violations).toEqual([]);
    expect(timeline.resets).toEqual([]);
    const delivered = new Set(timeline.deliveredIds());
    expect(producer.acked.filter((a) => !delivered.has(a.id))).toEqual([]);
    expect(producer.unavailable()).toBeGreaterThan(0);
    expect(statuses).toContain('degraded');
    expect(statuses.at(-1)).toBe('ready');
  });

  it('resets subscribers to a new epoch, never a silent gap, when Redis lost its data', async () => {
    const { start, head, timeline, producer } = await crashAndRestartDuringTraffic(false);
    expect(head.epoch).not.toBe(start.epoch);
    expect(timeline.violations).toEqual([]);
    expect(timeline.resets.length).toBeGreaterThanOrEqual(1);
    expect(timeline.resets.every((r) => r.epoch !== start.epoch)).toBe(true);
    const delivered = new Set(timeline.deliveredIds());
    const ackedInFinalEpoch = producer.acked.filter((a) => a.epoch === head.epoch);
    expect(ackedInFinalEpoch.length).toBeGreaterThan(0);
    expect(ackedInFinalEpoch.filter((a) => !delivered.has(a.id))).toEqual([]);
  });

  it('rejects appends with BackplaneUnavailableError while Redis is down and accepts them again after', async () => {
    const { redis, b, errors } = await setup(true);
    const tenant = uniqueTenant();
    await b.append(tenant, makeEvents(1, 'before'), Date.now());
    await redis.kill();
    await vi.waitFor(() => expect(b.status()).toBe('degraded'), { timeout: 10_000 });
    await expect(b.append(tenant, makeEvents(1, 'during'), Date.now())).rejects.toBeInstanceOf(
      BackplaneUnavailableError,
    );
    await expect(b.head(tenant)).rejects.toBeInstanceOf(BackplaneUnavailableError);
    await redis.restart();
    await b.whenReady(10_000);
    const after = await b.append(tenant, makeEvents(1, 'during'), Date.now());
    expect(after.appended.map((e) => e.seq)).toEqual([2]);
    expect(errors.length).toBeGreaterThan(0);
  });
});
