import { Redis } from 'ioredis';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startRedis, type RedisTestServer } from '../../test-support/redis-server';
import { makeEvents, uniqueTenant } from '../../test-support/backplane-contract';
import { RedisBackplane, type RedisBackplaneOptions } from './redis-backplane';
import { tenantKeys } from './redis-keys';
import { TimelineListener } from './timeline-listener';

/**
 * Issue 8 item 14 on Redis: a tenant that never received an event costs nothing
 * persistent, while every hub still agrees on its epoch once events arrive.
 */

const logger = pino({ level: 'silent' });
let redis: RedisTestServer;
let admin: Redis;
const open: RedisBackplane[] = [];

async function instance(options: Partial<RedisBackplaneOptions> = {}): Promise<RedisBackplane> {
  const backplane = await RedisBackplane.connect({
    url: redis.url,
    logger,
    feedRetryDelayMs: 20,
    ...options,
  });
  open.push(backplane);
  return backplane;
}

/** Every key of the tenant with its PTTL (-1: permanent). */
async function keysOf(tenant: string): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  const keys = tenantKeys(tenant);
  for (const key of [keys.seq, keys.stream, keys.epoch, keys.dedup, keys.ckpt]) {
    const ttl = await admin.pttl(key);
    if (ttl !== -2) found.set(key, ttl);
  }
  return found;
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

describe('redis backplane and tenants that never received an event', () => {
  it('leaves no permanent key after subscribes, heads, reads and checkpoints of 50 unknown tenants', async () => {
    const [a, b] = [await instance(), await instance()];
    const ghosts = Array.from({ length: 50 }, () => uniqueTenant('ghost'));
    const timelines: TimelineListener[] = [];
    for (const [i, tenant] of ghosts.entries()) {
      const head = await (i % 2 ? a : b).head(tenant);
      expect(head.seq).toBe(0);
      await (i % 2 ? b : a).readAfter(tenant, 0, { epoch: head.epoch });
      const timeline = new TimelineListener({ seq: 0, epoch: head.epoch });
      timelines.push(timeline);
      await a.subscribe(tenant, 0, timeline, { epoch: head.epoch });
      // What a hub's board does after a resync: it must not pin the tenant either.
      await b.saveCheckpoint(tenant, { seq: 0, epoch: head.epoch, state: '{}', savedAt: 1 });
    }
    // The feeds' first backfills are reads too: let them run.
    await new Promise((resolve) => setTimeout(resolve, 300));

    let withKeys = 0;
    const permanent: string[] = [];
    for (const tenant of ghosts) {
      const keys = await keysOf(tenant);
      if (keys.size > 0) withKeys += 1;
      for (const [key, ttl] of keys) if (ttl < 0) permanent.push(key);
      expect([...keys.keys()]).toEqual([tenantKeys(tenant).epoch]);
    }
    console.info(`unknown tenants: 50 read, ${withKeys} with a key, ${permanent.length} permanent`);
    expect(permanent).toEqual([]);
    for (const timeline of timelines) expect(timeline.entries).toEqual([]);
  });

  it('makes the head permanent at the first append, with the epoch every instance already announced', async () => {
    const [a, b] = [await instance(), await instance()];
    const tenant = uniqueTenant('first-events');
    const headA = await a.head(tenant);
    const headB = await b.head(tenant);
    expect(headB).toEqual(headA);
    const timelines = [a, b].map(() => new TimelineListener({ seq: 0, epoch: headA.epoch }));
    await a.subscribe(tenant, 0, timelines[0]!, { epoch: headA.epoch });
    await b.subscribe(tenant, 0, timelines[1]!, { epoch: headB.epoch });

    const answers: Array<{ epoch: string }> = [];
    for (let i = 0; i < 10; i++)
      answers.push(await (i % 2 ? a : b).append(tenant, makeEvents(2, `batch${i}`), Date.now()));
    expect(new Set(answers.map((r) => r.epoch))).toEqual(new Set([headA.epoch]));
    for (const timeline of timelines) {
      await vi.waitFor(() => expect(timeline.lastSeq).toBe(20), { timeout: 10_000 });
      expect(timeline.violations).toEqual([]);
      expect(timeline.resets).toEqual([]);
      expect(
        new Set(timeline.entries.map((e) => (e.kind === 'events' ? e.epoch : 'reset'))),
      ).toEqual(new Set([headA.epoch]));
    }
    const keys = await keysOf(tenant);
    const k = tenantKeys(tenant);
    for (const key of [k.seq, k.stream, k.epoch, k.dedup]) expect(keys.get(key)).toBe(-1);
    await a.saveCheckpoint(tenant, { seq: 20, epoch: headA.epoch, state: '{}', savedAt: 1 });
    expect((await a.loadCheckpoint(tenant))?.seq).toBe(20);
  });

  it('resyncs subscribers to a new epoch, losing nothing, when the head expired before the first event', async () => {
    const a = await instance({ provisionalHeadTtlMs: 300 });
    const b = await instance({ provisionalHeadTtlMs: 300 });
    const tenant = uniqueTenant('expired');
    const head = await a.head(tenant);
    const timeline = new TimelineListener({ seq: 0, epoch: head.epoch });
    await a.subscribe(tenant, 0, timeline, { epoch: head.epoch });
    await vi.waitFor(async () => expect((await keysOf(tenant)).size).toBe(0), { timeout: 5000 });

    const appended = await b.append(tenant, makeEvents(3, 'late'), Date.now());
    expect(appended.epoch).not.toBe(head.epoch);
    await vi.waitFor(() => expect(timeline.lastSeq).toBe(3), { timeout: 10_000 });
    expect(timeline.resets).toEqual([{ seq: 0, epoch: appended.epoch }]);
    expect(timeline.deliveredIds()).toEqual(['late-0', 'late-1', 'late-2']);
    expect(timeline.violations).toEqual([]);
  });

  it('still detects history that went backwards to a head that has no event yet', async () => {
    let lost = 0;
    const a = await instance({ metrics: { onHistoryLost: () => (lost += 1) } });
    const tenant = uniqueTenant('rewound');
    const first = await a.append(tenant, makeEvents(5, 'gone'), Date.now());
    // A replica promoted after it saw the tenant's first read but none of its appends.
    const keys = tenantKeys(tenant);
    await admin.del(keys.seq, keys.stream, keys.dedup);
    await admin.pexpire(keys.epoch, 60_000);

    const range = await a.readAfter(tenant, 0);
    expect(range.epoch).not.toBe(first.epoch);
    expect(lost).toBe(1);
    const next = await a.append(tenant, makeEvents(1, 'new'), Date.now());
    expect(next).toMatchObject({ epoch: range.epoch, appended: [{ seq: 1 }] });
    expect((await keysOf(tenant)).get(keys.epoch)).toBe(-1);
  });

  it('rejects a provisional head expiry that is not a whole positive number of ms', () => {
    expect(() => new RedisBackplane({ url: redis.url, provisionalHeadTtlMs: 0 })).toThrow(
      /provisionalHeadTtlMs/,
    );
  });
});
