import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CloseCode } from '../../protocol/codes';
import { SUBPROTOCOL_V1 } from '../../protocol/ids';
import {
  connectTestClient,
  upgradeStatus,
  type TestClient,
} from '../../test-support/ws-test-client';
import { hubOn } from '../../test-support/backplane-matrix';

type Setup = Awaited<ReturnType<typeof hubOn>>;

describe('connection limits', () => {
  let setup: Setup | undefined;
  const clients: TestClient[] = [];

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
    await setup?.stop();
    setup = undefined;
  });

  async function open(token: string): Promise<TestClient> {
    const client = await connectTestClient(setup!.hub.wsUrl, { token });
    clients.push(client);
    return client;
  }

  it('closes a connection past HUB_MAX_CONNECTIONS with 1013 and keeps serving the others', async () => {
    setup = await hubOn('memory', { HUB_MAX_CONNECTIONS: '2' });
    const token = await setup.hub.mintToken({ tenants: ['cedar-group'] });
    const first = await open(token);
    const second = await open(token);
    await first.waitFor((f) => f.type === 'welcome');
    await second.waitFor((f) => f.type === 'welcome');

    const third = await open(token);
    const closed = await third.closed;
    expect(closed.code).toBe(CloseCode.TRY_AGAIN_LATER);
    expect(third.frames.some((f) => f.type === 'welcome')).toBe(false);

    first.send({ type: 'ping', id: 'after-refusal' });
    await first.waitFor((f) => f.type === 'pong' && f.id === 'after-refusal');
    await first.close();
    const replacement = await open(token);
    await replacement.waitFor((f) => f.type === 'welcome');
  });

  it('survives an oversized frame from a connection it is closing with 1013', async () => {
    setup = await hubOn('memory', { HUB_MAX_CONNECTIONS: '1' });
    const token = await setup.hub.mintToken({ tenants: ['cedar-group'] });
    const holder = await open(token);
    await holder.waitFor((f) => f.type === 'welcome');

    // The oversized frame goes out in the 'open' handler, before the client has read the
    // hub's close frame: the hub's receiver still parses it, and the too-big frame must
    // not become an unhandled 'error' event that takes the process down.
    const refused = new WebSocket(setup.hub.wsUrl, [SUBPROTOCOL_V1], {
      headers: { Authorization: `Bearer ${token}` },
    });
    refused.on('open', () =>
      refused.send(JSON.stringify({ type: 'ping', id: 'x'.repeat(70 * 1024) })),
    );
    const code = await new Promise<number>((resolve, reject) => {
      refused.once('close', resolve);
      refused.once('error', reject);
    });
    expect([CloseCode.TRY_AGAIN_LATER, 1009]).toContain(code);

    holder.send({ type: 'ping', id: 'still-up' });
    await holder.waitFor((f) => f.type === 'pong' && f.id === 'still-up');
  });

  it('answers too_many_subscriptions past HUB_MAX_SUBSCRIPTIONS and keeps the connection open', async () => {
    setup = await hubOn('memory', { HUB_MAX_SUBSCRIPTIONS: '1' });
    const client = await open(
      await setup.hub.mintToken({ tenants: ['cedar-group', 'harbor-eats'] }),
    );
    client.send({ type: 'subscribe', tenant: 'cedar-group' });
    await client.waitFor((f) => f.type === 'snapshot' && f.tenant === 'cedar-group');

    client.send({ type: 'subscribe', tenant: 'harbor-eats' });
    const error = await client.waitFor(
      (f) => f.type === 'error' && f.code === 'too_many_subscriptions',
    );
    expect(error).toMatchObject({ tenant: 'harbor-eats' });
    expect(client.frames.some((f) => f.type === 'snapshot' && f.tenant === 'harbor-eats')).toBe(
      false,
    );

    // Re-subscribing to a held tenant replaces it, and an unsubscribe frees the slot.
    const before = client.frames.length;
    client.send({ type: 'subscribe', tenant: 'cedar-group' });
    await client.waitFor((f) => f.type === 'snapshot' && f.tenant === 'cedar-group', {
      from: before,
    });
    client.send({ type: 'unsubscribe', tenant: 'cedar-group' });
    await client.waitFor((f) => f.type === 'unsubscribed');
    client.send({ type: 'subscribe', tenant: 'harbor-eats' });
    await client.waitFor((f) => f.type === 'snapshot' && f.tenant === 'harbor-eats');
  });

  it('answers 429 to upgrades past the per-IP connection rate', async () => {
    // Rate 1/s with a burst of 2: of ten simultaneous upgrades at most a few fit.
    setup = await hubOn('memory', { HUB_IP_CONNECT_RATE: '1' });
    const token = await setup.hub.mintToken({ tenants: ['cedar-group'] });
    const statuses = await Promise.all(
      Array.from({ length: 10 }, () => upgradeStatus(setup!.hub.wsUrl, { token })),
    );
    expect(statuses.filter((s) => s === 101).length).toBeGreaterThanOrEqual(1);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(5);
    expect(statuses.every((s) => s === 101 || s === 429)).toBe(true);
  });

  it('accepts any number of upgrades from one IP when HUB_IP_CONNECT_RATE is 0', async () => {
    setup = await hubOn('memory', { HUB_IP_CONNECT_RATE: '0' });
    const token = await setup.hub.mintToken({ tenants: ['cedar-group'] });
    const statuses = await Promise.all(
      Array.from({ length: 30 }, () => upgradeStatus(setup!.hub.wsUrl, { token })),
    );
    expect(statuses).toEqual(Array.from({ length: 30 }, () => 101));
  });
});
