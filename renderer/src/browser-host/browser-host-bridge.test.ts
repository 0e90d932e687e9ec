import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import {
  BRIDGE_OPERATION_NAMES,
  BRIDGE_SUBSCRIPTION_NAMES,
  PASSWORD_MAX_LENGTH,
} from '../../../protocol';
import type { HostBridge } from '../../../protocol';
import { createBrowserHostBridge } from './browser-host-bridge';
import { FakeSocket } from '../../../protocol/link/fake-socket';
import { LinkWorkerCore } from './link-worker-core';

const HUB = 'http://127.0.0.1:8080';

/** Every `area.method` a bridge object exposes. */
function methodsOf(bridge: HostBridge): string[] {
  return Object.entries(bridge).flatMap(([area, methods]) =>
    Object.keys(methods as object).map((method) => `${area}.${method}`),
  );
}

describe('the browser host over a real port to the link worker core', () => {
  let channel: MessageChannel;
  const fetchCalls: string[] = [];

  beforeEach(() => {
    // Storage refused, as in a private window: the core must still answer every request.
    vi.stubGlobal('indexedDB', {
      open() {
        throw new DOMException('IndexedDB is disabled', 'SecurityError');
      },
    });
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    channel = new MessageChannel();
    new LinkWorkerCore({
      hubUrl: HUB,
      fetch: async (url) => {
        fetchCalls.push(String(url));
        return new Response('{"error":"unauthorized","message":"Wrong username or password."}', {
          status: 401,
          headers: { 'content-type': 'application/json' },
        });
      },
    }).attach(channel.port2);
  });

  afterEach(() => {
    channel.port1.close();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
    fetchCalls.length = 0;
  });

  test('exposes exactly the operations and subscriptions of the bridge contract', () => {
    const bridge = createBrowserHostBridge(channel.port1, { linkMode: 'in-page' });
    expect(methodsOf(bridge).sort()).toEqual(
      [...BRIDGE_OPERATION_NAMES, ...BRIDGE_SUBSCRIPTION_NAMES].sort(),
    );
  });

  test('refuses a password one character over the bridge limit with bad_request before any network use', async () => {
    const bridge = createBrowserHostBridge(channel.port1, { linkMode: 'in-page' });
    const result = await bridge.profiles.signIn({
      hubUrl: HUB,
      username: 'ops',
      password: 'p'.repeat(PASSWORD_MAX_LENGTH + 1),
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    if (!result.ok) expect(result.error.message).toContain('password');
    expect(fetchCalls).toEqual([]);
  });

  test('passes a password of the bridge limit on to the hub, and answers its refusal as a result', async () => {
    const bridge = createBrowserHostBridge(channel.port1, { linkMode: 'in-page' });
    const result = await bridge.profiles.signIn({
      hubUrl: HUB,
      username: 'ops',
      password: 'p'.repeat(PASSWORD_MAX_LENGTH),
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(fetchCalls).toEqual([`${HUB}/v1/auth/token`]);
  });

  test('refuses to sign in to a hub other than the one that served the page', async () => {
    const bridge = createBrowserHostBridge(channel.port1, { linkMode: 'in-page' });
    const result = await bridge.profiles.signIn({
      hubUrl: 'https://elsewhere.example',
      username: 'ops',
      password: 'secret',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(fetchCalls).toEqual([]);
  });
});

describe('operator actions through the browser host and its link worker', () => {
  let channel: MessageChannel;

  /** A core whose hub grants `scope` on cedar-group, with the fake WebSocket as the browser's. */
  function signedInBridge(scope: string) {
    channel = new MessageChannel();
    new LinkWorkerCore({
      hubUrl: HUB,
      fetch: async () =>
        new Response(
          JSON.stringify({
            access_token: 'access-token-1',
            token_type: 'Bearer',
            expires_in: 900,
            tenants: ['cedar-group'],
            scope,
            refresh_token: 'refresh-token-0001',
            refresh_expires_in: 43_200,
          }),
          { status: 200, headers: { 'content-type': 'application/json' } },
        ),
    }).attach(channel.port2);
    return createBrowserHostBridge(channel.port1, { linkMode: 'in-page' });
  }

  async function signIn(bridge: HostBridge) {
    const result = await bridge.profiles.signIn({ hubUrl: HUB, username: 'ops', password: 'pw' });
    expect(result.ok).toBe(true);
  }

  const bump = {
    id: 'act-browser-1',
    tenant: 'cedar-group',
    action: 'order.bump',
    target: 'order-17',
  } as const;

  beforeEach(() => {
    vi.stubGlobal('indexedDB', {
      open() {
        throw new DOMException('IndexedDB is disabled', 'SecurityError');
      },
    });
    vi.stubGlobal('WebSocket', FakeSocket);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    FakeSocket.reset();
  });

  afterEach(async () => {
    // Signing out stops the worker's link, so no socket or timer outlives the test.
    await signedOutQuietly();
    channel.port1.close();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
    FakeSocket.reset();
  });

  let current: HostBridge | undefined;
  async function signedOutQuietly() {
    if (current) await current.profiles.signOut('any');
    current = undefined;
  }

  test('lists the tenant as operable for an operate token and not for a read-only one', async () => {
    current = signedInBridge('read operate');
    await signIn(current);
    expect(await current.tenants.list()).toEqual([
      expect.objectContaining({ id: 'cedar-group', canOperate: true }),
    ]);
    await signedOutQuietly();
    current = signedInBridge('read');
    await signIn(current);
    expect(await current.tenants.list()).toEqual([
      expect.objectContaining({ id: 'cedar-group', canOperate: false }),
    ]);
  });

  test('refuses an action with offline until the link is live, then sends it and answers the ack', async () => {
    current = signedInBridge('read operate');
    await signIn(current);
    expect(await current.actions.perform(bump)).toMatchObject({
      ok: false,
      error: { code: 'offline' },
    });
    await vi.waitFor(() => expect(FakeSocket.instances).toHaveLength(1));
    const socket = FakeSocket.last();
    socket.welcome({
      serverTime: Date.now(),
      tokenExp: Math.floor(Date.now() / 1000) + 900,
      tenants: ['cedar-group'],
    });
    const pending = current.actions.perform(bump);
    await vi.waitFor(() =>
      expect(socket.sentOfType('action')).toEqual([{ type: 'action', ...bump }]),
    );
    socket.deliver({ type: 'ack', id: bump.id, tenant: 'cedar-group', seq: 21, duplicate: false });
    expect(await pending).toEqual({
      ok: true,
      value: { id: bump.id, seq: 21, duplicate: false },
    });
  });

  test('answers action_unconfirmed when the link drops before the ack, and forbidden for a tenant outside the token', async () => {
    current = signedInBridge('read operate');
    await signIn(current);
    await vi.waitFor(() => expect(FakeSocket.instances).toHaveLength(1));
    const socket = FakeSocket.last();
    socket.welcome({ serverTime: Date.now(), tokenExp: Math.floor(Date.now() / 1000) + 900 });
    const pending = current.actions.perform(bump);
    await vi.waitFor(() => expect(socket.sentOfType('action')).toHaveLength(1));
    socket.serverClose(1006, 'gone');
    expect(await pending).toMatchObject({ ok: false, error: { code: 'action_unconfirmed' } });
    expect(await current.actions.perform({ ...bump, tenant: 'harbor-eats' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  test('refuses a clear without a reason as bad_request before it reaches the worker’s link', async () => {
    current = signedInBridge('read operate');
    await signIn(current);
    const result = await current.actions.perform({ ...bump, action: 'order.clear' });
    expect(result).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    if (!result.ok) expect(result.error.message).toContain('reason');
  });
});
