import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestPath } from '../../protocol/http-api';
import { connectTestClient, postJson, type TestClient } from '../../test-support/ws-test-client';
import { BACKPLANES, hubOn } from '../../test-support/backplane-matrix';
import type { InProcessHub } from '../../test-support/in-process-hub';

describe.each(BACKPLANES)('bad frames (%s backplane)', (kind) => {
  let setup: Awaited<ReturnType<typeof hubOn>>;
  let hub: InProcessHub;
  let bystander: TestClient;
  let publish: string;
  let nextLength = 0;

  beforeAll(async () => {
    setup = await hubOn(kind);
    hub = setup.hub;
    publish = await hub.mintToken({ tenants: ['harbor-eats'], scope: 'publish' });
    bystander = await connectTestClient(hub.wsUrl, {
      token: await hub.mintToken({ tenants: ['harbor-eats'] }),
    });
    bystander.send({ type: 'subscribe', tenant: 'harbor-eats' });
    await bystander.waitFor((f) => f.type === 'snapshot');
  });
  afterAll(async () => {
    await bystander?.close();
    await setup?.stop();
  });

  async function bystanderStillReceives(): Promise<void> {
    nextLength += 1;
    const answer = await postJson(
      hub.url + ingestPath('harbor-eats'),
      {
        type: 'queue.length',
        location: 'jbr-walk',
        data: { queue: 'kitchen', length: nextLength },
      },
      { Authorization: `Bearer ${publish}` },
    );
    const seq = (answer.body as { lastSeq: number }).lastSeq;
    await bystander.waitFor((f) => f.type === 'event' && f.seq === seq);
  }

  async function offender(): Promise<TestClient> {
    const client = await connectTestClient(hub.wsUrl, {
      token: await hub.mintToken({ tenants: ['harbor-eats'] }),
    });
    await client.waitFor((f) => f.type === 'welcome');
    return client;
  }

  it('answers malformed JSON and an unknown type with bad_request and keeps the connection open', async () => {
    const client = await offender();
    try {
      client.sendRaw('{"type":"subscribe",');
      await client.waitFor((f) => f.type === 'error' && f.code === 'bad_request');
      client.send({ type: 'teleport', tenant: 'harbor-eats' });
      await client.waitFor(
        (f) =>
          f.type === 'error' &&
          f.code === 'bad_request' &&
          client.frames.filter((x) => x.type === 'error').length === 2,
      );
      client.send({ type: 'ping', id: 'still-here' });
      await client.waitFor((f) => f.type === 'pong' && f.id === 'still-here');
      await bystanderStillReceives();
    } finally {
      await client.close();
    }
  });

  it('closes a connection that sends a frame over 64 KiB with 1009', async () => {
    const client = await offender();
    client.sendRaw(JSON.stringify({ type: 'ping', id: 'x'.repeat(70 * 1024) }));
    expect((await client.closed).code).toBe(1009);
    await bystanderStillReceives();
  });

  it('closes a connection that floods invalid frames with 4400', async () => {
    const client = await offender();
    for (let i = 0; i < 15; i++) client.sendRaw(`not json ${i}`);
    expect((await client.closed).code).toBe(4400);
    expect(client.frames.filter((f) => f.type === 'error' && f.code === 'bad_request').length).toBe(
      10,
    );
    await bystanderStillReceives();
  });

  it('answers a flood of valid frames with rate_limited errors and then 4400', async () => {
    const client = await offender();
    for (let i = 0; i < 200; i++) client.send({ type: 'ping', id: `p${i}` });
    expect((await client.closed).code).toBe(4400);
    expect(client.frames.some((f) => f.type === 'error' && f.code === 'rate_limited')).toBe(true);
    await bystanderStillReceives();
  });
});
