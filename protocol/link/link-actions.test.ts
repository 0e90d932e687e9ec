import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ActionRequest } from '../actions';
import { CodedError } from '../codes';
import { FakeClock } from './fake-clock';
import { FakeSocket } from './fake-socket';
import { LinkClient, type LinkClientOptions } from './link-client';
import type { LinkEventMap } from './link-events';

const flush = () => new Promise<void>((resolve) => setImmediate(resolve));
const APP_HEARTBEAT_MS = 5000;

function harness(overrides: Partial<LinkClientOptions> = {}) {
  const clock = new FakeClock();
  const client = new LinkClient({
    url: 'ws://hub.test/v1/ws',
    WebSocket: FakeSocket,
    clock,
    random: () => 0.5,
    getToken: async () => ({ ok: true, token: 'tok', expiresInSec: 900 }),
    actionTimeoutMs: 10_000,
    ...overrides,
  });
  const errors: LinkEventMap['error'][] = [];
  client.on('error', (error) => errors.push(error));
  /** Completes the handshake of the pending attempt (after the token fetch settles). */
  const welcome = async () => {
    await flush();
    const socket = FakeSocket.last();
    socket.welcome({
      serverTime: clock.now(),
      tokenExp: Math.floor(clock.now() / 1000) + 900,
      appHeartbeatMs: APP_HEARTBEAT_MS,
    });
    return socket;
  };
  const live = async () => {
    client.start();
    return welcome();
  };
  return { clock, client, errors, welcome, live };
}

const bump = (id = 'act-0001', target = 'order-17'): ActionRequest => ({
  id,
  tenant: 't1',
  action: 'order.bump',
  target,
});

/** Settles `promise` into a plain value, so a test can look at a rejection without an unhandled one. */
async function outcome<T>(promise: Promise<T>) {
  try {
    return { ok: true as const, value: await promise };
  } catch (error) {
    if (!(error instanceof CodedError)) throw error;
    return { ok: false as const, code: error.code, message: error.message };
  }
}

beforeEach(() => FakeSocket.reset());
afterEach(() => FakeSocket.reset());

describe('operator actions while the link is not live', () => {
  it('are refused at once with offline while connecting, and nothing is sent', async () => {
    const h = harness();
    h.client.start();
    expect(h.client.status().state).toBe('connecting');
    const result = await outcome(h.client.sendAction(bump()));
    expect(result).toMatchObject({ ok: false, code: 'offline' });
    await flush();
    const socket = FakeSocket.last();
    socket.open();
    expect(socket.sentOfType('action')).toEqual([]);
  });

  it('are refused with offline while reconnecting after a drop, and are not sent once the link is back', async () => {
    const h = harness();
    const first = await h.live();
    first.serverClose(1006, 'gone');
    expect(h.client.status().state).toBe('reconnecting');
    const result = await outcome(h.client.sendAction(bump()));
    expect(result).toMatchObject({ ok: false, code: 'offline' });
    if (!result.ok) expect(result.message).toMatch(/Not live \(reconnecting/);
    h.clock.advance(1000);
    const second = await h.welcome();
    expect(second).not.toBe(first);
    expect(h.client.status().state).toBe('live');
    expect(first.sentOfType('action')).toEqual([]);
    expect(second.sentOfType('action')).toEqual([]);
  });

  it('are refused with offline once the link has stalled (no frame for two heartbeats)', async () => {
    const h = harness();
    const socket = await h.live();
    h.clock.advance(2 * APP_HEARTBEAT_MS);
    expect(h.client.status()).toMatchObject({
      state: 'reconnecting',
      reason: expect.stringMatching(/stalled/),
    });
    expect(await outcome(h.client.sendAction(bump()))).toMatchObject({
      ok: false,
      code: 'offline',
    });
    expect(socket.sentOfType('action')).toEqual([]);
  });

  it('are refused with offline when the link was never started, and after it was stopped', async () => {
    const h = harness();
    expect(await outcome(h.client.sendAction(bump()))).toMatchObject({ code: 'offline' });
    const socket = await h.live();
    h.client.stop();
    expect(await outcome(h.client.sendAction(bump()))).toMatchObject({ code: 'offline' });
    expect(socket.sentOfType('action')).toEqual([]);
  });

  it('refuses an invalid request with bad_request before looking at the link', async () => {
    const h = harness();
    const noReason = { ...bump(), action: 'order.clear' } as ActionRequest;
    const result = await outcome(h.client.sendAction(noReason));
    expect(result).toMatchObject({ ok: false, code: 'bad_request' });
    if (!result.ok) expect(result.message).toContain('reason');
    expect(await outcome(h.client.sendAction(bump('short')))).toMatchObject({
      code: 'bad_request',
    });
  });
});

describe('operator actions on a live link', () => {
  it('sends one action frame and resolves with the seq of the ack that carries its id', async () => {
    const h = harness();
    const socket = await h.live();
    const pending = h.client.sendAction({ ...bump(), action: 'order.clear', reason: 'stuck' });
    expect(socket.sentOfType('action')).toEqual([
      {
        type: 'action',
        id: 'act-0001',
        tenant: 't1',
        action: 'order.clear',
        target: 'order-17',
        reason: 'stuck',
      },
    ]);
    socket.deliver({ type: 'ack', id: 'act-0001', tenant: 't1', seq: 42, duplicate: false });
    expect(await pending).toEqual({ id: 'act-0001', seq: 42, duplicate: false });
  });

  it("rejects with the hub's code and message when an error frame answers its id, and leaves the tenant's subscription alone", async () => {
    const h = harness();
    h.client.subscribe('t1');
    const socket = await h.live();
    const pending = outcome(h.client.sendAction(bump()));
    socket.deliver({
      type: 'error',
      code: 'forbidden',
      message: 'the operate scope is needed',
      tenant: 't1',
      id: 'act-0001',
    });
    expect(await pending).toEqual({
      ok: false,
      code: 'forbidden',
      message: 'the operate scope is needed',
    });
    // A refused action is not a refused subscription: the tenant is still subscribed and not forbidden.
    expect(h.client.book.get('t1')?.phase).not.toBe('forbidden');
    expect(h.errors).toEqual([]);
    const notFound = outcome(h.client.sendAction(bump('act-0002', 'gone-order')));
    socket.deliver({ type: 'error', code: 'not_found', message: 'no open ticket', id: 'act-0002' });
    expect(await notFound).toMatchObject({ ok: false, code: 'not_found' });
  });

  it('rejects with action_unconfirmed when the socket drops before the ack', async () => {
    const h = harness();
    const socket = await h.live();
    const pending = outcome(h.client.sendAction(bump()));
    socket.serverClose(1006, 'network blip');
    const result = await pending;
    expect(result).toMatchObject({ ok: false, code: 'action_unconfirmed' });
    if (!result.ok) expect(result.message).toMatch(/safe/);
  });

  it('rejects with action_unconfirmed when no answer comes within the timeout, and ignores the late ack', async () => {
    const h = harness({ actionTimeoutMs: 3000 });
    const socket = await h.live();
    let settled = false;
    const pending = outcome(h.client.sendAction(bump())).finally(() => (settled = true));
    h.clock.advance(2999);
    await flush();
    expect(settled).toBe(false);
    h.clock.advance(1);
    expect(await pending).toMatchObject({ ok: false, code: 'action_unconfirmed' });
    socket.deliver({ type: 'ack', id: 'act-0001', tenant: 't1', seq: 9, duplicate: false });
    expect(h.client.status().state).toBe('live');
    expect(h.errors).toEqual([]);
  });

  it('gets the first ack again when the same id is resent after a reconnect (the hub dedups)', async () => {
    const h = harness();
    const first = await h.live();
    const lost = outcome(h.client.sendAction(bump()));
    first.serverClose(1006, 'dropped');
    expect(await lost).toMatchObject({ code: 'action_unconfirmed' });
    h.clock.advance(1000);
    const second = await h.welcome();
    const again = h.client.sendAction(bump());
    expect(second.sentOfType('action').map((frame) => frame.id)).toEqual(['act-0001']);
    second.deliver({ type: 'ack', id: 'act-0001', tenant: 't1', seq: 7, duplicate: true });
    expect(await again).toEqual({ id: 'act-0001', seq: 7, duplicate: true });
  });

  it('resolves two pending actions independently, whatever order their answers come in', async () => {
    const h = harness();
    const socket = await h.live();
    const a = outcome(h.client.sendAction(bump('act-aaaa', 'o1')));
    const b = outcome(
      h.client.sendAction({
        id: 'act-bbbb',
        tenant: 't1',
        action: 'alert.acknowledge',
        target: 'e9',
      }),
    );
    socket.deliver({ type: 'ack', id: 'act-bbbb', tenant: 't1', seq: 11, duplicate: false });
    socket.deliver({ type: 'error', code: 'not_found', message: 'no such ticket', id: 'act-aaaa' });
    expect(await b).toEqual({ ok: true, value: { id: 'act-bbbb', seq: 11, duplicate: false } });
    expect(await a).toMatchObject({ ok: false, code: 'not_found' });
  });

  it('ignores a stray ack for an id it never sent, and one whose tenant is not the action’s', async () => {
    const h = harness({ actionTimeoutMs: 1000 });
    const socket = await h.live();
    const pending = outcome(h.client.sendAction(bump()));
    socket.deliver({ type: 'ack', id: 'someone-else', tenant: 't1', seq: 3, duplicate: false });
    socket.deliver({ type: 'ack', id: 'act-0001', tenant: 't2', seq: 4, duplicate: false });
    h.clock.advance(1000);
    expect(await pending).toMatchObject({ ok: false, code: 'action_unconfirmed' });
    expect(h.client.status().state).toBe('live');
    expect(h.errors).toEqual([]);
  });

  it('shares one answer when the same request is sent twice while waiting, and refuses the id for a different action', async () => {
    const h = harness();
    const socket = await h.live();
    const first = h.client.sendAction(bump());
    const twice = h.client.sendAction(bump());
    const clash = outcome(h.client.sendAction(bump('act-0001', 'another-order')));
    expect(socket.sentOfType('action')).toHaveLength(1);
    expect(await clash).toMatchObject({ ok: false, code: 'bad_request' });
    socket.deliver({ type: 'ack', id: 'act-0001', tenant: 't1', seq: 5, duplicate: false });
    expect(await first).toEqual(await twice);
  });

  it('rejects every pending action with action_unconfirmed when the client is stopped', async () => {
    const h = harness();
    await h.live();
    const a = outcome(h.client.sendAction(bump('act-aaaa')));
    const b = outcome(h.client.sendAction(bump('act-bbbb')));
    h.client.stop('signed out');
    expect(await a).toMatchObject({ ok: false, code: 'action_unconfirmed' });
    expect(await b).toMatchObject({ ok: false, code: 'action_unconfirmed' });
  });

  it('rejects pending actions with action_unconfirmed when the network goes down', async () => {
    const h = harness();
    await h.live();
    const pending = outcome(h.client.sendAction(bump()));
    h.client.setNetworkOnline(false);
    expect(await pending).toMatchObject({ ok: false, code: 'action_unconfirmed' });
    expect(await outcome(h.client.sendAction(bump('act-0002')))).toMatchObject({
      code: 'offline',
    });
  });
});
