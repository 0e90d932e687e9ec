import { afterEach, describe, expect, it } from 'vitest';
import { ingestPath } from '../../protocol/http-api';
import type { HubMessage } from '../../protocol/messages';
import { startRedis, type RedisTestServer } from '../../test-support/redis-server';
import { connectTestClient, postJson, type TestClient } from '../../test-support/ws-test-client';
import { startInProcessHub, type InProcessHub } from '../../test-support/in-process-hub';

/**
 * Walks a client's frames: every event must follow the previous seq by exactly one,
 * unless a snapshot (a resync) came in between. Returns how many resyncs it saw.
 */
function checkContinuity(
  frames: HubMessage[],
  tenant: string,
): { resyncs: number; lastSeq: number } {
  let cursor = -1;
  let resyncs = -1;
  for (const frame of frames) {
    if (frame.type === 'snapshot' && frame.tenant === tenant) {
      cursor = frame.seq;
      resyncs += 1;
    } else if (frame.type === 'event' && frame.tenant === tenant) {
      expect(cursor, 'an event arrived before any snapshot').toBeGreaterThanOrEqual(0);
      expect(frame.seq, `gap or duplicate after seq ${cursor}`).toBe(cursor + 1);
      cursor = frame.seq;
    }
  }
  return { resyncs, lastSeq: cursor };
}

describe.each([
  { persistence: true, name: 'with persistence' },
  { persistence: false, name: 'without persistence' },
])('Redis restart during traffic ($name)', ({ persistence }) => {
  let redis: RedisTestServer | undefined;
  let hub: InProcessHub | undefined;
  let client: TestClient | undefined;

  afterEach(async () => {
    await client?.close();
    await hub?.close();
    await redis?.stop();
  });

  it(
    persistence
      ? 'delivers every seq to a subscribed client across the restart'
      : 'delivers every seq or tells the client to resync',
    async () => {
      redis = await startRedis({ persistence });
      hub = await startInProcessHub({ backplane: 'redis', redisUrl: redis.url });
      const publish = await hub.mintToken({ tenants: ['cedar-group'], scope: 'publish' });
      client = await connectTestClient(hub.wsUrl, {
        token: await hub.mintToken({ tenants: ['cedar-group'] }),
      });
      client.send({ type: 'subscribe', tenant: 'cedar-group' });
      await client.waitFor((f) => f.type === 'snapshot');

      const accepted: number[] = [];
      let refused = 0;
      let flowing = true;
      const traffic = (async () => {
        let n = 0;
        while (flowing) {
          n += 1;
          try {
            const answer = await postJson(
              hub!.url + ingestPath('cedar-group'),
              { type: 'queue.length', location: 'jounieh', data: { queue: 'kitchen', length: n } },
              { Authorization: `Bearer ${publish}` },
            );
            if (answer.status === 200) accepted.push((answer.body as { lastSeq: number }).lastSeq);
            else refused += 1;
          } catch (error) {
            refused += 1;
            if (!(error instanceof Error)) throw error;
          }
          await new Promise((r) => setTimeout(r, 10));
        }
      })();
      await new Promise((r) => setTimeout(r, 500));
      await redis.kill();
      await new Promise((r) => setTimeout(r, 700));
      await redis.restart();
      // Traffic continues until the backplane is ready again and a few more events went through.
      const before = accepted.length;
      while (accepted.length < before + 20) await new Promise((r) => setTimeout(r, 50));
      flowing = false;
      await traffic;
      const last = accepted.at(-1) as number;
      if (persistence) {
        await client.waitFor((f) => f.type === 'event' && f.seq === last, { timeoutMs: 20_000 });
      } else {
        // Without persistence Redis restarts empty: seqs begin again under a new epoch, so a
        // seq number alone could match an event from before the crash. The client must be
        // told to resync (a snapshot of the new epoch) and then reach the last accepted seq.
        const first = client.frames.find((f) => f.type === 'snapshot');
        const firstEpoch = first?.type === 'snapshot' ? first.epoch : '';
        const resync = await client.waitFor(
          (f) => f.type === 'snapshot' && f.epoch !== firstEpoch,
          { timeoutMs: 20_000 },
        );
        await client.waitFor(
          (f) =>
            (f.type === 'event' && f.seq === last) ||
            (f.type === 'snapshot' && f.epoch !== firstEpoch && f.seq >= last),
          { timeoutMs: 20_000, from: client.frames.indexOf(resync) },
        );
      }
      const { resyncs } = checkContinuity(client.frames, 'cedar-group');
      console.log(
        `redis restart (persistence ${persistence}): ${accepted.length} accepted, ${refused} refused during the outage, ${resyncs} resync(s)`,
      );
      if (persistence) {
        expect(resyncs).toBe(0);
        const delivered = new Set(client.events('cedar-group').map((e) => e.seq));
        for (const seq of accepted)
          expect(delivered.has(seq), `accepted seq ${seq} was not delivered`).toBe(true);
      }
    },
  );
});
