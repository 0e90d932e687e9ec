import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestPath } from '../../protocol/http-api';
import type { HubMessage } from '../../protocol/messages';
import { connectTestClient, postJson, type TestClient } from '../../test-support/ws-test-client';
import { BACKPLANES, hubOn } from '../../test-support/backplane-matrix';
import type { InProcessHub } from '../../test-support/in-process-hub';

const TENANT = 'harbor-eats';
const BATCH = ['ops.v1.batch', 'ops.v1'];

describe.each(BACKPLANES)('events frames on ops.v1.batch (%s backplane)', (kind) => {
  let setup: Awaited<ReturnType<typeof hubOn>>;
  let hub: InProcessHub;
  let publish: string;
  let read: string;

  beforeAll(async () => {
    setup = await hubOn(kind);
    hub = setup.hub;
    publish = await hub.mintToken({ tenants: [TENANT], scope: 'publish' });
    read = await hub.mintToken({ tenants: [TENANT] });
  });
  afterAll(async () => setup?.stop());

  async function subscribed(protocols: string[], filter?: object): Promise<TestClient> {
    const client = await connectTestClient(hub.wsUrl, { token: read, protocols });
    client.send({ type: 'subscribe', tenant: TENANT, ...(filter ? { filter } : {}) });
    await client.waitFor((f) => f.type === 'snapshot');
    return client;
  }

  async function ingest(events: object[]): Promise<{ firstSeq: number; lastSeq: number }> {
    const answer = await postJson(
      hub.url + ingestPath(TENANT),
      { events },
      { Authorization: `Bearer ${publish}` },
    );
    expect(answer.status).toBe(200);
    return answer.body as { firstSeq: number; lastSeq: number };
  }

  const queueEvents = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      type: i % 2 ? 'queue.length' : 'alert',
      location: 'dubai-marina',
      data: i % 2 ? { queue: 'kitchen', length: i } : { severity: 'info', message: `m${i}` },
    }));

  const hasSeq = (seq: number) => (f: HubMessage) =>
    (f.type === 'event' && f.seq === seq) ||
    (f.type === 'events' && f.frames.some((e) => e.seq === seq));

  it('selects ops.v1.batch when offered first or alone, and ops.v1 (or none) for old clients', async () => {
    const offers: Array<[string[], string]> = [
      [BATCH, 'ops.v1.batch'],
      [['ops.v1', 'ops.v1.batch'], 'ops.v1.batch'],
      [['ops.v1.batch'], 'ops.v1.batch'],
      [['ops.v1'], 'ops.v1'],
      [[], ''],
    ];
    for (const [protocols, selected] of offers) {
      const client = await connectTestClient(hub.wsUrl, { token: read, protocols });
      try {
        await client.waitFor((f) => f.type === 'welcome');
        expect(client.ws.protocol).toBe(selected);
      } finally {
        await client.close();
      }
    }
  });

  it('a burst reaches a batch client as events frames with contiguous seqs in order, and an old client as the same frames one by one', async () => {
    const batched = await subscribed(BATCH);
    const old = await subscribed(['ops.v1']);
    try {
      const { firstSeq, lastSeq } = await ingest(queueEvents(60));
      await batched.waitFor(hasSeq(lastSeq));
      await old.waitFor(hasSeq(lastSeq));
      const expected = Array.from({ length: 60 }, (_, i) => firstSeq + i);

      const batches = batched.frames.filter((f) => f.type === 'events');
      expect(batches.length).toBeGreaterThan(0);
      expect(batches.length).toBeLessThan(60);
      expect(batched.events(TENANT).map((e) => e.seq)).toEqual(expected);
      for (const b of batches) if (b.type === 'events') expect(b.frames.length).toBeGreaterThan(0);

      expect(old.frames.some((f) => f.type === 'events')).toBe(false);
      expect(old.frames.filter((f) => f.type === 'event').map((f) => f.seq)).toEqual(expected);
      // Each element is exactly the event frame the old client received on its own.
      expect(batched.events(TENANT)).toEqual(old.events(TENANT));
      expect(batched.invalid).toEqual([]);
    } finally {
      await batched.close();
      await old.close();
    }
  });

  it('a lone event in a quiet moment leaves at once as a plain event frame', async () => {
    const batched = await subscribed(BATCH);
    try {
      const before = batched.frames.length;
      const posted = Date.now();
      const { lastSeq } = await ingest(queueEvents(1));
      const frame = await batched.waitFor(hasSeq(lastSeq), { from: before, timeoutMs: 2000 });
      const elapsed = Date.now() - posted;
      expect(frame.type).toBe('event');
      expect(batched.frames.length).toBe(before + 1);
      // No batching window: it travels with the ingest's own turn (generous for a loaded CI box).
      expect(elapsed).toBeLessThan(1000);
    } finally {
      await batched.close();
    }
  });

  it('a filtered batch client gets prev on every element, chained across the batch', async () => {
    const filtered = await subscribed(BATCH, { types: ['queue.*'] });
    try {
      const snapshotSeq = filtered.frames.find((f) => f.type === 'snapshot')?.seq ?? -1;
      const { firstSeq, lastSeq } = await ingest(queueEvents(20));
      await filtered.waitFor(hasSeq(lastSeq));
      const got = filtered.events(TENANT);
      expect(got.map((e) => e.seq)).toEqual(
        Array.from({ length: 10 }, (_, i) => firstSeq + 1 + 2 * i),
      );
      expect(got.map((e) => e.prev)).toEqual([snapshotSeq, ...got.slice(0, -1).map((e) => e.seq)]);
      expect(got.every((e) => e.event.type === 'queue.length')).toBe(true);
    } finally {
      await filtered.close();
    }
  });
});

describe('slow consumer on ops.v1.batch', () => {
  let setup: Awaited<ReturnType<typeof hubOn>>;

  beforeAll(async () => {
    setup = await hubOn('memory', { HUB_MAX_BUFFERED_BYTES: String(256 * 1024) });
  });
  afterAll(async () => setup?.stop());

  it('a batch client that stops reading is still closed with 4008 while a healthy one gets every event', async () => {
    const { hub } = setup;
    const token = await hub.mintToken({ tenants: [TENANT] });
    const slow = await connectTestClient(hub.wsUrl, { token, protocols: BATCH });
    const fast = await connectTestClient(hub.wsUrl, { token, protocols: BATCH });
    try {
      for (const client of [slow, fast]) {
        client.send({ type: 'subscribe', tenant: TENANT });
        await client.waitFor((f) => f.type === 'snapshot');
      }
      slow.pauseReading();
      const publish = await hub.mintToken({ tenants: [TENANT], scope: 'publish' });
      const filler = 'x'.repeat(8 * 1024);
      let last = 0;
      for (let batch = 0; batch < 30; batch++) {
        const answer = await postJson(
          hub.url + ingestPath(TENANT),
          {
            events: Array.from({ length: 100 }, (_, i) => ({
              type: 'x-load.blob',
              location: 'dubai-marina',
              data: { i, filler },
            })),
          },
          { Authorization: `Bearer ${publish}` },
        );
        expect(answer.status).toBe(200);
        last = (answer.body as { lastSeq: number }).lastSeq;
      }
      await fast.waitFor((f) => f.type === 'events' && f.frames.some((e) => e.seq === last), {
        timeoutMs: 30_000,
      });
      expect(fast.events(TENANT).map((e) => e.seq)).toEqual(
        Array.from({ length: 3000 }, (_, i) => last - 2999 + i),
      );
      slow.resumeReading();
      const { code } = await slow.closed;
      expect(code).toBe(4008);
      expect(slow.events(TENANT).length).toBeLessThan(3000);
      expect(fast.ws.readyState).toBe(fast.ws.OPEN);
    } finally {
      await slow.close();
      await fast.close();
    }
  });
});
