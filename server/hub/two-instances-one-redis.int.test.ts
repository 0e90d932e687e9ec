import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestPath } from '../../protocol/http-api';
import { startHubProcess, type HubProcess } from '../../test-support/hub-process';
import { startRedis, type RedisTestServer } from '../../test-support/redis-server';
import { connectTestClient, postJson } from '../../test-support/ws-test-client';

describe('two hub instances on one Redis', () => {
  let redis: RedisTestServer;
  let a: HubProcess;
  let b: HubProcess;

  beforeAll(async () => {
    redis = await startRedis();
    a = await startHubProcess({ redisUrl: redis.url });
    b = await startHubProcess({ redisUrl: redis.url, jwtSecret: a.jwtSecret });
  });
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await redis?.stop();
  });

  it('delivers events ingested on instance B to a client on instance A, in seq order, with none missing', async () => {
    const client = await connectTestClient(a.wsUrl, {
      token: await a.mintToken({ tenants: ['harbor-eats'] }),
    });
    try {
      client.send({ type: 'subscribe', tenant: 'harbor-eats' });
      const snapshot = await client.waitFor((f) => f.type === 'snapshot');
      if (snapshot.type !== 'snapshot') throw new Error('unreachable');
      const publish = await b.mintToken({ tenants: ['harbor-eats'], scope: 'publish' });
      let last = snapshot.seq;
      for (let batch = 0; batch < 20; batch++) {
        const events = Array.from({ length: 10 }, (_, i) => ({
          type: 'queue.length',
          location: 'dubai-marina',
          data: { queue: 'kitchen', length: batch * 10 + i },
        }));
        const answer = await postJson(
          b.url + ingestPath('harbor-eats'),
          { events },
          { Authorization: `Bearer ${publish}` },
        );
        expect(answer.status).toBe(200);
        last = (answer.body as { lastSeq: number }).lastSeq;
      }
      await client.waitFor((f) => f.type === 'event' && f.seq === last);
      const seqs = client.events('harbor-eats').map((e) => e.seq);
      expect(seqs).toEqual(
        Array.from({ length: last - snapshot.seq }, (_, i) => snapshot.seq + 1 + i),
      );
    } finally {
      await client.close();
    }
  });

  it('lets a client resume on instance B where it left instance A', async () => {
    const publish = await a.mintToken({ tenants: ['cedar-group'], scope: 'publish' });
    const onA = await connectTestClient(a.wsUrl, {
      token: await a.mintToken({ tenants: ['cedar-group'] }),
    });
    onA.send({ type: 'subscribe', tenant: 'cedar-group' });
    const snapshot = await onA.waitFor((f) => f.type === 'snapshot');
    if (snapshot.type !== 'snapshot') throw new Error('unreachable');
    const first = await postJson(
      a.url + ingestPath('cedar-group'),
      { type: 'alert', data: { severity: 'info', message: 'one' } },
      { Authorization: `Bearer ${publish}` },
    );
    const seenUpTo = (first.body as { lastSeq: number }).lastSeq;
    await onA.waitFor((f) => f.type === 'event' && f.seq === seenUpTo);
    await onA.close();
    const missed = await postJson(
      a.url + ingestPath('cedar-group'),
      {
        events: [1, 2, 3].map((n) => ({
          type: 'alert',
          data: { severity: 'info', message: `m${n}` },
        })),
      },
      { Authorization: `Bearer ${publish}` },
    );
    const head = (missed.body as { lastSeq: number }).lastSeq;
    const onB = await connectTestClient(b.wsUrl, {
      token: await b.mintToken({ tenants: ['cedar-group'] }),
    });
    try {
      onB.send({
        type: 'subscribe',
        tenant: 'cedar-group',
        resumeFrom: seenUpTo,
        epoch: snapshot.epoch,
      });
      await onB.waitFor((f) => f.type === 'resumed');
      expect(onB.events('cedar-group').map((e) => e.seq)).toEqual([
        seenUpTo + 1,
        seenUpTo + 2,
        head,
      ]);
    } finally {
      await onB.close();
    }
  });
});
