import { Redis } from 'ioredis';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startRedis, type RedisTestServer } from '../../test-support/redis-server';
import { makeEvents, uniqueTenant } from '../../test-support/backplane-contract';
import { RedisBackplane } from './redis-backplane';
import { tenantKeys } from './redis-keys';
import { APPEND_SCRIPT } from './redis-scripts';
import { TimelineListener } from './timeline-listener';

const logger = pino({ level: 'silent' });
let redis: RedisTestServer;
let admin: Redis;
const open: RedisBackplane[] = [];

async function instance(metrics = {}): Promise<RedisBackplane> {
  const backplane = await RedisBackplane.connect({
    url: redis.url,
    logger,
    metrics,
    feedRetryDelayMs: 20,
  });
  open.push(backplane);
  return backplane;
}

beforeAll(async () => {
  redis = await startRedis();
  admin = new Redis(redis.url);
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((b) => b.close()));
});
afterAll(async () => {
  admin?.disconnect();
  await redis?.stop();
});

describe('redis backplane across instances', () => {
  it('delivers events appended on instance B to a subscriber on instance A in seq order with none missing', async () => {
    const [a, b] = [await instance(), await instance()];
    const tenant = uniqueTenant();
    const timeline = new TimelineListener({ seq: 0, epoch: null });
    await a.subscribe(tenant, 0, timeline);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => b.append(tenant, makeEvents(10, `b${i}`), Date.now())),
    );
    await vi.waitFor(() => expect(timeline.lastSeq).toBe(200), { timeout: 20_000 });
    expect(timeline.violations).toEqual([]);
    expect(timeline.resets).toEqual([]);
  });

  it('holds one sharded subscription per tenant however many local listeners, and only for subscribed tenants', async () => {
    const a = await instance();
    const tenant = uniqueTenant();
    const other = uniqueTenant();
    const stops = await Promise.all(
      [0, 1, 2].map(() => a.subscribe(tenant, 0, new TimelineListener({ seq: 0, epoch: null }))),
    );
    const count = async (t: string) =>
      ((await admin.call('PUBSUB', 'SHARDNUMSUB', tenantKeys(t).channel)) as [string, number])[1];
    expect(await count(tenant)).toBe(1);
    expect(await count(other)).toBe(0);
    for (const stop of stops) await stop();
    expect(await count(tenant)).toBe(0);
  });

  it('backfills from the stream when an announcement was lost, before delivering newer events', async () => {
    const [a, b] = [await instance(), await instance()];
    const tenant = uniqueTenant();
    const timeline = new TimelineListener({ seq: 0, epoch: null });
    await a.subscribe(tenant, 0, timeline);
    await b.append(tenant, makeEvents(3, 'first'), Date.now());
    await vi.waitFor(() => expect(timeline.lastSeq).toBe(3), { timeout: 10_000 });
    // Append seqs 4..8 through the script but announce them on a channel nobody hears.
    const keys = tenantKeys(tenant);
    const lost = makeEvents(5, 'lost').flatMap((e) => [e.id, JSON.stringify(e)]);
    await admin.eval(
      APPEND_SCRIPT,
      5,
      keys.seq,
      keys.stream,
      keys.epoch,
      keys.dedup,
      keys.ckpt,
      String(Date.now()),
      '1000',
      '300000',
      'unused',
      'nobody-listens',
      '',
      '0',
      ...lost,
    );
    await b.append(tenant, makeEvents(2, 'after'), Date.now());
    await vi.waitFor(() => expect(timeline.lastSeq).toBe(10), { timeout: 10_000 });
    expect(timeline.violations).toEqual([]);
    expect(timeline.deliveredIds().slice(3, 8)).toEqual([
      'lost-0',
      'lost-1',
      'lost-2',
      'lost-3',
      'lost-4',
    ]);
  });

  it('backfills what was appended while the subscriber connection was killed', async () => {
    const reconnects: string[] = [];
    const a = await instance({ onRedisReconnect: (role: string) => reconnects.push(role) });
    const b = await instance();
    const tenant = uniqueTenant();
    const timeline = new TimelineListener({ seq: 0, epoch: null });
    await a.subscribe(tenant, 0, timeline);
    let appended = 0;
    for (let round = 0; round < 5; round++) {
      await admin.client('KILL', 'TYPE', 'pubsub');
      for (let i = 0; i < 5; i++)
        appended += (await b.append(tenant, makeEvents(4, `r${round}-${i}`), Date.now())).appended
          .length;
      await vi.waitFor(() => expect(timeline.lastSeq).toBe(appended), { timeout: 10_000 });
    }
    expect(appended).toBe(100);
    expect(reconnects.filter((r) => r === 'subscriber').length).toBeGreaterThanOrEqual(1);
    expect(timeline.violations).toEqual([]);
    expect(timeline.resets).toEqual([]);
  });

  it('lets a second local listener that starts further back catch up on its own', async () => {
    const a = await instance();
    const tenant = uniqueTenant();
    await a.append(tenant, makeEvents(5, 'early'), Date.now());
    const first = new TimelineListener({ seq: 5, epoch: null });
    await a.subscribe(tenant, 5, first);
    await a.append(tenant, makeEvents(2, 'mid'), Date.now());
    await vi.waitFor(() => expect(first.lastSeq).toBe(7), { timeout: 10_000 });
    const late = new TimelineListener({ seq: 1, epoch: null });
    await a.subscribe(tenant, 1, late);
    await a.append(tenant, makeEvents(1, 'last'), Date.now());
    await vi.waitFor(() => expect(late.lastSeq).toBe(8), { timeout: 10_000 });
    await vi.waitFor(() => expect(first.lastSeq).toBe(8), { timeout: 10_000 });
    expect([...first.violations, ...late.violations]).toEqual([]);
  });
});

describe('redis backplane subscriptions made before the first connect', () => {
  it('subscribes a feed created while still connecting once the connection is ready', async () => {
    const early = new RedisBackplane({ url: redis.url, logger });
    open.push(early);
    const tenant = uniqueTenant();
    const timeline = new TimelineListener({ seq: 0, epoch: null });
    await early.subscribe(tenant, 0, timeline);
    await early.whenReady(10_000);
    const b = await instance();
    await vi.waitFor(
      async () => {
        await b.append(tenant, makeEvents(1, `try-${Date.now()}-${Math.random()}`), Date.now());
        expect(timeline.lastSeq).toBeGreaterThan(0);
      },
      { timeout: 10_000, interval: 200 },
    );
    expect(timeline.violations).toEqual([]);
  });
});
