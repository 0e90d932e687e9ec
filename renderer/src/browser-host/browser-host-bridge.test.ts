import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import {
  BRIDGE_OPERATION_NAMES,
  BRIDGE_SUBSCRIPTION_NAMES,
  PASSWORD_MAX_LENGTH,
} from '../../../protocol';
import type { HostBridge } from '../../../protocol';
import { createBrowserHostBridge } from './browser-host-bridge';
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
