import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestPath } from '../../protocol/http-api';
import type { HubMessage } from '../../protocol/messages';
import { connectTestClient, postJson, type TestClient } from '../../test-support/ws-test-client';
import { BACKPLANES, hubOn } from '../../test-support/backplane-matrix';
import type { InProcessHub } from '../../test-support/in-process-hub';

type EventFrame = Extract<HubMessage, { type: 'event' }>;

describe.each(BACKPLANES)('resume after a drop (%s backplane)', (kind) => {
  let setup: Awaited<ReturnType<typeof hubOn>>;
  let hub: InProcessHub;
  let publish: string;
  let read: string;

  beforeAll(async () => {
    setup = await hubOn(kind, { HUB_REPLAY_MAX_EVENTS: '50' });
    hub = setup.hub;
    publish = await hub.mintToken({ tenants: ['cedar-group', 'harbor-eats'], scope: 'publish' });
    read = await hub.mintToken({ tenants: ['cedar-group', 'harbor-eats'] });
  });
  afterAll(async () => setup?.stop());

  async function publishN(tenant: string, n: number, type = 'queue.length'): Promise<number> {
    const events = Array.from({ length: n }, (_, i) =>
      type === 'queue.length'
        ? { type, location: 'jounieh', data: { queue: 'waitlist', length: i } }
        : {
            type,
            location: 'jounieh',
            data: {
              paymentId: `p${Math.random()}`,
              method: 'card',
              amount: 100,
              currency: 'LBP',
              status: 'captured',
            },
          },
    );
    const answer = await postJson(
      hub.url + ingestPath(tenant),
      { events },
      { Authorization: `Bearer ${publish}` },
    );
    expect(answer.status).toBe(200);
    return (answer.body as { lastSeq: number }).lastSeq;
  }

  async function subscribed(
    tenant: string,
    extra: Record<string, unknown> = {},
  ): Promise<TestClient> {
    const client = await connectTestClient(hub.wsUrl, { token: read });
    client.send({ type: 'subscribe', tenant, ...extra });
    return client;
  }

  it('replays exactly the missed events, then resumed, then live events', async () => {
    const first = await subscribed('cedar-group');
    const snapshot = await first.waitFor((f) => f.type === 'snapshot');
    if (snapshot.type !== 'snapshot') throw new Error('unreachable');
    const seenUpTo = await publishN('cedar-group', 5);
    await first.waitFor((f) => f.type === 'event' && f.seq === seenUpTo);
    await first.close();

    const head = await publishN('cedar-group', 10);
    const second = await subscribed('cedar-group', { resumeFrom: seenUpTo, epoch: snapshot.epoch });
    try {
      const resumed = await second.waitFor((f) => f.type === 'resumed');
      expect(resumed).toEqual({
        type: 'resumed',
        tenant: 'cedar-group',
        seq: head,
        epoch: snapshot.epoch,
      });
      const beforeResumed = second.frames.slice(1, second.frames.indexOf(resumed));
      expect(beforeResumed.map((f) => (f as EventFrame).seq)).toEqual(
        Array.from({ length: 10 }, (_, i) => seenUpTo + 1 + i),
      );
      expect(second.frames.some((f) => f.type === 'snapshot')).toBe(false);
      const live = await publishN('cedar-group', 1);
      await second.waitFor((f) => f.type === 'event' && f.seq === live);
    } finally {
      await second.close();
    }
  });

  it('has no duplicate and no gap at the replay/live boundary while events keep flowing', async () => {
    const first = await subscribed('harbor-eats');
    const snapshot = await first.waitFor((f) => f.type === 'snapshot');
    if (snapshot.type !== 'snapshot') throw new Error('unreachable');
    const from = await publishN('harbor-eats', 3);
    await first.close();
    await publishN('harbor-eats', 20);

    let publishing = true;
    const flow = (async () => {
      while (publishing) await publishN('harbor-eats', 3);
    })();
    const second = await subscribed('harbor-eats', { resumeFrom: from, epoch: snapshot.epoch });
    try {
      await second.waitFor((f) => f.type === 'resumed');
      await new Promise((r) => setTimeout(r, 200));
      publishing = false;
      await flow;
      const last = await publishN('harbor-eats', 1);
      await second.waitFor((f) => f.type === 'event' && f.seq === last);
      const seqs = second.events('harbor-eats').map((e) => e.seq);
      expect(seqs).toEqual(Array.from({ length: last - from }, (_, i) => from + 1 + i));
    } finally {
      publishing = false;
      await second.close();
    }
  });

  it('sends a snapshot when the retained window no longer covers resumeFrom', async () => {
    const first = await subscribed('cedar-group');
    const snapshot = await first.waitFor((f) => f.type === 'snapshot');
    if (snapshot.type !== 'snapshot') throw new Error('unreachable');
    await first.close();
    const head = await publishN('cedar-group', 60);
    const second = await subscribed('cedar-group', {
      resumeFrom: snapshot.seq,
      epoch: snapshot.epoch,
    });
    try {
      const answer = await second.waitFor((f) => f.type === 'snapshot' || f.type === 'resumed');
      expect(answer).toMatchObject({ type: 'snapshot', seq: head, epoch: snapshot.epoch });
      expect(second.events('cedar-group')).toEqual([]);
    } finally {
      await second.close();
    }
  });

  it('sends a snapshot when the epoch differs', async () => {
    const head = await publishN('cedar-group', 1);
    const client = await subscribed('cedar-group', {
      resumeFrom: head - 1,
      epoch: 'an-epoch-from-before-data-loss',
    });
    try {
      const answer = await client.waitFor((f) => f.type === 'snapshot' || f.type === 'resumed');
      expect(answer).toMatchObject({ type: 'snapshot', seq: head });
    } finally {
      await client.close();
    }
  });

  it('marks filtered events with prev, the seq of the previous frame on the subscription', async () => {
    const client = await subscribed('harbor-eats', { filter: { types: ['payment.*'] } });
    try {
      const snapshot = await client.waitFor((f) => f.type === 'snapshot');
      if (snapshot.type !== 'snapshot') throw new Error('unreachable');
      await publishN('harbor-eats', 2);
      const firstPayment = await publishN('harbor-eats', 1, 'payment.status');
      await publishN('harbor-eats', 3);
      const secondPayment = await publishN('harbor-eats', 1, 'payment.status');
      await client.waitFor((f) => f.type === 'event' && f.seq === secondPayment);
      const events = client.events('harbor-eats');
      expect(events.map((e) => [e.seq, e.prev, e.event.type])).toEqual([
        [firstPayment, snapshot.seq, 'payment.status'],
        [secondPayment, firstPayment, 'payment.status'],
      ]);
    } finally {
      await client.close();
    }
  });
});
