import { Redis } from 'ioredis';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startRedis, type RedisTestServer } from '../../test-support/redis-server';
import { makeEvents, uniqueTenant } from '../../test-support/backplane-contract';
import { RedisBackplane } from './redis-backplane';
import { tenantKeys } from './redis-keys';
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

/** What a promoted replica that missed everything after `keep` looks like: same epoch, shorter log. */
async function rewindTo(tenant: string, keep: number, head: number): Promise<void> {
  const keys = tenantKeys(tenant);
  // Rebuilt rather than XDELed: a replica that never got the entries has a lower last id too.
  const survivors = await admin.xrange(keys.stream, '-', `${keep}-0`);
  await admin.del(keys.stream);
  for (const [id, fields] of survivors) await admin.xadd(keys.stream, id, ...fields);
  expect(head).toBeGreaterThan(keep);
  await admin.zremrangebyscore(keys.dedup, `(${keep}`, '+inf');
  await admin.set(keys.seq, String(keep));
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

describe('redis backplane when the stored history went backwards', () => {
  it('starts exactly one new epoch when two instances notice at the same moment, and never reuses a seq under the old one', async () => {
    let lost = 0;
    const [a, b] = [
      await instance({ onHistoryLost: () => (lost += 1) }),
      await instance({ onHistoryLost: () => (lost += 1) }),
    ];
    const tenant = uniqueTenant();
    const first = await a.append(tenant, makeEvents(10, 'old'), Date.now());
    // b learns the head through its live feed, as a second hub with subscribers does.
    const timeline = new TimelineListener({ seq: 0, epoch: first.epoch });
    await b.subscribe(tenant, 0, timeline, { epoch: first.epoch });
    await vi.waitFor(() => expect(timeline.lastSeq).toBe(10));
    await rewindTo(tenant, 6, 10);

    const [fromA, fromB] = await Promise.all([
      a.append(tenant, makeEvents(1, 'after-a'), Date.now()),
      b.append(tenant, makeEvents(1, 'after-b'), Date.now()),
    ]);
    expect(fromA.epoch).not.toBe(first.epoch);
    expect(fromB.epoch).toBe(fromA.epoch);
    expect(lost).toBe(1);
    expect([fromA.appended[0]?.seq, fromB.appended[0]?.seq].sort()).toEqual([7, 8]);
    // The subscriber is told, and gets what survived plus the new events under the new epoch.
    await vi.waitFor(() => expect(timeline.lastSeq).toBe(8));
    expect(timeline.resets.at(-1)?.epoch).toBe(fromA.epoch);
    expect(timeline.violations).toEqual([]);
    const head = await a.head(tenant);
    expect(head).toEqual({ seq: 8, epoch: fromA.epoch });
  });

  it('carries a checkpoint of the surviving prefix into the new epoch and drops one past the new head', async () => {
    const a = await instance();
    const kept = uniqueTenant();
    const dropped = uniqueTenant();
    for (const tenant of [kept, dropped]) {
      const { epoch } = await a.append(tenant, makeEvents(10), Date.now());
      const seq = tenant === kept ? 4 : 9;
      await a.saveCheckpoint(tenant, { seq, epoch, state: '{"n":1}', savedAt: 1 });
      await rewindTo(tenant, 6, 10);
      const after = await a.readAfter(tenant, 0);
      expect(after.epoch).not.toBe(epoch);
      const checkpoint = await a.loadCheckpoint(tenant);
      if (tenant === kept)
        expect(checkpoint).toEqual({ seq: 4, epoch: after.epoch, state: '{"n":1}', savedAt: 1 });
      else expect(checkpoint).toBeNull();
    }
  });

  it('does not let a client-claimed position start a new epoch', async () => {
    const a = await instance();
    const b = await instance();
    const tenant = uniqueTenant();
    const { epoch } = await a.append(tenant, makeEvents(3), Date.now());
    // b never saw this tenant: a resume read claiming seq 1000 is answered as incomplete, nothing more.
    const range = await b.readAfter(tenant, 1000, { epoch });
    expect(range).toEqual({ complete: false, epoch });
    expect(await b.head(tenant)).toEqual({ seq: 3, epoch });
  });

  it('resyncs a live subscriber with a new epoch when another instance, which never saw the lost seqs, reuses one', async () => {
    const a = await instance();
    const tenant = uniqueTenant();
    const first = await a.append(tenant, makeEvents(10, 'old'), Date.now());
    const timeline = new TimelineListener({ seq: 0, epoch: first.epoch });
    await a.subscribe(tenant, 0, timeline, { epoch: first.epoch });
    await vi.waitFor(() => expect(timeline.lastSeq).toBe(10));
    await rewindTo(tenant, 6, 10);
    // A fresh instance knows no head for the tenant, so its append cannot tell seq 7 was used.
    const fresh = await instance();
    const reused = await fresh.append(tenant, makeEvents(1, 'reused'), Date.now());
    expect(reused).toMatchObject({ epoch: first.epoch, appended: [{ seq: 7 }] });
    // The subscriber's feed sees seq 7 announced again: it must not skip it quietly.
    await vi.waitFor(() => {
      expect(timeline.resets.length).toBeGreaterThan(0);
      expect(timeline.resets.at(-1)!.epoch).not.toBe(first.epoch);
    });
    const newEpoch = timeline.resets.at(-1)!.epoch;
    await vi.waitFor(() => expect(timeline.currentEpoch).toBe(newEpoch));
    await vi.waitFor(() => expect(timeline.lastSeq).toBe(7));
    expect(timeline.violations).toEqual([]);
    expect(timeline.deliveredIds().at(-1)).toBe('reused-0');
    expect((await fresh.head(tenant)).epoch).toBe(newEpoch);
  });
});
