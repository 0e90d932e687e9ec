import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionRequest } from '../../../protocol/actions';
import { CodedError } from '../../../protocol/codes';
import { ingestPath } from '../../../protocol/http-api';
import { LinkClient } from '../../../protocol/link/link-client';
import type { LinkEventMap } from '../../../protocol/link/link-events';
import type { SocketConstructor } from '../../../protocol/link/socket-port';
import { startInProcessHub, type InProcessHub } from '../../../test-support/in-process-hub';
import { waitFor } from '../../../test-support/link-recorder';
import { postJson } from '../../../test-support/ws-test-client';

/**
 * The link client's actions against a real hub (in this process, memory backplane,
 * real WebSocket): the hub's half of issue 13 (action frames → sequenced events, ack,
 * dedup by user and action id) must answer what LinkClient.sendAction expects.
 */
const TENANT = 'cedar-group';

async function outcome<T>(promise: Promise<T>) {
  try {
    return { ok: true as const, value: await promise };
  } catch (error) {
    if (!(error instanceof CodedError)) throw error;
    return { ok: false as const, code: error.code, message: error.message };
  }
}

describe('operator actions from the link client to a real hub', () => {
  let hub: InProcessHub;
  const links: LinkClient[] = [];

  /** A live link for `sub` with `scope`, subscribed to the tenant, recording its events. */
  async function linkAs(sub: string, scope: string, tenants = [TENANT]) {
    const token = await hub.mintToken({ sub, scope, tenants });
    const link = new LinkClient({
      url: hub.wsUrl,
      WebSocket: WebSocket as unknown as SocketConstructor,
      getToken: async () => ({ ok: true, token, expiresInSec: 900 }),
      actionTimeoutMs: 5000,
    });
    links.push(link);
    const events: LinkEventMap['event'][] = [];
    let synced = false;
    link.on('event', (event) => events.push(event));
    link.on('snapshot', () => (synced = true));
    link.subscribe(TENANT);
    link.start();
    await waitFor(`${sub}'s link live with a snapshot`, () => synced);
    return { link, events };
  }

  const publish = async (events: unknown[]) => {
    const token = await hub.mintToken({ sub: 'pos', scope: 'publish', tenants: [TENANT] });
    const answer = await postJson(
      hub.url + ingestPath(TENANT),
      { events },
      { Authorization: `Bearer ${token}` },
    );
    expect(answer.status).toBe(200);
  };

  beforeAll(async () => {
    hub = await startInProcessHub({ backplane: 'memory' });
    await publish([
      {
        type: 'order.placed',
        id: 'o-1-placed',
        location: 'beirut-downtown',
        data: {
          orderId: 'o-1',
          channel: 'dine_in',
          items: [{ sku: 'hummus', name: 'Hummus', qty: 1, unitPrice: 450_000 }],
          total: 450_000,
          currency: 'LBP',
        },
      },
      {
        type: 'alert',
        id: 'alert-terminal-1',
        location: 'beirut-downtown',
        data: { severity: 'critical', message: 'Card terminal offline at the bar' },
      },
    ]);
  });

  afterAll(async () => {
    for (const link of links) link.stop();
    await hub?.close();
  });

  const bump: ActionRequest = {
    id: 'bump-o1-000001',
    tenant: TENANT,
    action: 'order.bump',
    target: 'o-1',
  };

  it('turns a bump into one sequenced event by the token’s sub, and a resend of its id into the same seq', async () => {
    const ann = await linkAs('ann', 'read operate');
    const receipt = await ann.link.sendAction(bump);
    expect(receipt).toMatchObject({ id: bump.id, duplicate: false });
    await waitFor('the bump event on the link', () =>
      ann.events.some((event) => event.seq === receipt.seq),
    );
    expect(ann.events.find((event) => event.seq === receipt.seq)?.event).toMatchObject({
      type: 'order.bumped',
      data: { orderId: 'o-1', by: 'ann', actionId: bump.id },
    });
    expect(await ann.link.sendAction(bump)).toEqual({
      id: bump.id,
      seq: receipt.seq,
      duplicate: true,
    });
    expect(ann.events.filter((event) => event.event.type === 'order.bumped')).toHaveLength(1);
  });

  it('acknowledges an alert by its event id, and refuses a target that is not on the board with not_found', async () => {
    const ann = await linkAs('ann', 'read operate');
    const receipt = await ann.link.sendAction({
      id: 'ack-alert-000001',
      tenant: TENANT,
      action: 'alert.acknowledge',
      target: 'alert-terminal-1',
    });
    await waitFor('the acknowledgement on the link', () =>
      ann.events.some((event) => event.seq === receipt.seq),
    );
    expect(ann.events.find((event) => event.seq === receipt.seq)?.event).toMatchObject({
      type: 'alert.acknowledged',
      data: { alertId: 'alert-terminal-1', by: 'ann' },
    });
    expect(
      await outcome(
        ann.link.sendAction({ ...bump, id: 'bump-nothing-01', target: 'no-such-order' }),
      ),
    ).toMatchObject({ ok: false, code: 'not_found' });
  });

  it('answers forbidden to a read-only token and to a tenant outside the token, and the reader stays subscribed', async () => {
    const rita = await linkAs('rita', 'read');
    expect(await outcome(rita.link.sendAction({ ...bump, id: 'rita-bump-0001' }))).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    const ann = await linkAs('ann', 'read operate');
    expect(
      await outcome(ann.link.sendAction({ ...bump, id: 'ann-other-0001', tenant: 'harbor-eats' })),
    ).toMatchObject({ ok: false, code: 'forbidden' });
    // The refusal concerned the action only: rita still receives the tenant's events.
    const cleared = await ann.link.sendAction({
      id: 'clear-o1-000001',
      tenant: TENANT,
      action: 'order.clear',
      target: 'o-1',
      reason: 'Ticket stuck after a POS restart',
    });
    await waitFor('the clear on the read-only link', () =>
      rita.events.some((event) => event.seq === cleared.seq),
    );
    expect(rita.link.status().state).toBe('live');
  });

  it('lets an admin token act (admin implies operate)', async () => {
    const admin = await linkAs('boss', 'admin');
    const receipt = await admin.link.sendAction({
      id: 'recall-o1-00001',
      tenant: TENANT,
      action: 'order.recall',
      target: 'o-1',
    });
    expect(receipt.duplicate).toBe(false);
  });

  it('refuses an action with offline once the link is stopped, sending nothing', async () => {
    const ann = await linkAs('ann', 'read operate');
    ann.link.stop();
    expect(await outcome(ann.link.sendAction({ ...bump, id: 'after-stop-0001' }))).toMatchObject({
      ok: false,
      code: 'offline',
    });
  });
});
