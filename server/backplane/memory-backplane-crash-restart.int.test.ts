import { afterEach, describe, expect, it } from 'vitest';
import { isBoardState } from '../../protocol/board/board-state';
import { ingestPath } from '../../protocol/http-api';
import type { HubMessage } from '../../protocol/messages';
import { startHubProcess, type HubProcess } from '../../test-support/hub-process';
import { connectTestClient, postJson, type TestClient } from '../../test-support/ws-test-client';

type Frame<T extends HubMessage['type']> = Extract<HubMessage, { type: T }>;

describe('memory backplane crash restart', () => {
  let hub: HubProcess | undefined;
  const clients: TestClient[] = [];

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
    await hub?.stop();
  });

  async function subscribe(token: string, extra: Record<string, unknown> = {}) {
    const client = await connectTestClient((hub as HubProcess).wsUrl, { token });
    clients.push(client);
    client.send({ type: 'subscribe', tenant: 'cedar-group', ...extra });
    return client;
  }

  async function placeOrders(token: string, from: number, count: number): Promise<void> {
    const answers = await Promise.all(
      Array.from({ length: count }, (_, i) =>
        postJson(
          (hub as HubProcess).url + ingestPath('cedar-group'),
          {
            type: 'order.placed',
            location: 'downtown',
            data: {
              orderId: `o-${from + i}`,
              channel: 'dine_in',
              items: [{ sku: 'tea', name: 'Tea', qty: 1, unitPrice: 300 }],
              total: 300,
              currency: 'USD',
            },
          },
          { Authorization: `Bearer ${token}` },
        ),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
  }

  it('keeps every acknowledged order and the epoch across a SIGKILL, so a client resumes without a snapshot', async () => {
    hub = await startHubProcess();
    const publish = await hub.mintToken({ tenants: ['cedar-group'], scope: 'publish' });
    const read = await hub.mintToken({ tenants: ['cedar-group'] });

    const before = await subscribe(read);
    const first = await before.waitFor<Frame<'snapshot'>>((f) => f.type === 'snapshot');
    await placeOrders(publish, 0, 10);
    await before.waitFor((f) => f.type === 'event' && f.seq === first.seq + 10);
    await before.close();
    await placeOrders(publish, 10, 15);
    await hub.kill('SIGKILL');
    await hub.restart();

    const fresh = await subscribe(read);
    const snapshot = await fresh.waitFor<Frame<'snapshot'>>((f) => f.type === 'snapshot');
    expect(snapshot.epoch).toBe(first.epoch);
    expect(snapshot.seq).toBe(first.seq + 25);
    if (!isBoardState(snapshot.state)) throw new Error('the snapshot state is not a board');
    expect(snapshot.state.totals.orders).toBe(25);

    const resuming = await subscribe(read, { resumeFrom: first.seq + 10, epoch: first.epoch });
    const resumed = await resuming.waitFor<Frame<'resumed'>>((f) => f.type === 'resumed');
    expect(resumed).toEqual({
      type: 'resumed',
      tenant: 'cedar-group',
      seq: first.seq + 25,
      epoch: first.epoch,
    });
    expect(resuming.frames.some((f) => f.type === 'snapshot')).toBe(false);
    expect(resuming.events('cedar-group').map((e) => e.seq)).toEqual(
      Array.from({ length: 15 }, (_, i) => first.seq + 11 + i),
    );
  });
});
