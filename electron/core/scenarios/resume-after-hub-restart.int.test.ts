import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubProcess } from '../../../test-support/hub-process';
import { startRedis, type RedisTestServer } from '../../../test-support/redis-server';
import { runRecordedLink, startScenarioHub, waitFor } from '../../../test-support/link-recorder';

describe('hub restart on Redis while events flow', () => {
  let redis: RedisTestServer;
  let hub: HubProcess;
  beforeAll(async () => {
    redis = await startRedis({ persistence: true });
    hub = await startScenarioHub({ redisUrl: redis.url });
  });
  afterAll(async () => {
    await hub?.stop();
    await redis?.stop();
  });

  it('resumes with no gap and no new snapshot', async () => {
    const { rec, publisher } = await runRecordedLink(
      hub,
      { everyMs: 30 },
      async (rec, publisher) => {
        await waitFor(
          'snapshot and some events',
          () => rec.seen.snapshot.length === 1 && rec.seen.event.length > 20,
        );
        await hub.kill('SIGKILL');
        await hub.restart();
        await waitFor('resumed after the restart', () => rec.seen.resumed.length >= 1, 30_000);
        const afterResume = publisher.published();
        await waitFor(
          'live events after the resume',
          () => rec.lastSeq() > afterResume + 10,
          15_000,
        );
        await publisher.stop();
        await waitFor(
          'every published event',
          () => rec.lastSeq() >= publisher.published(),
          10_000,
        );
      },
    );
    expect(rec.states()).toContain('reconnecting');
    expect(rec.seen.snapshot.length).toBe(1);
    expect(rec.seen.resync).toEqual([]);
    expect(rec.gaps()).toEqual([]);
    expect(rec.lastSeq()).toBe(publisher.published());
  });
});
