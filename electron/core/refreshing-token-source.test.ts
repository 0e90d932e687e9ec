import { describe, expect, it } from 'vitest';
import type { TokenRequest } from '../../protocol/http-api';
import { createCoreLogger } from './core-logger';
import { SessionOnlyCredentialStore, type CredentialStore } from './credential-store';
import type { HubTokenResult } from './hub-client-http';
import { RefreshingTokenSource } from './refreshing-token-source';
import { decodeStoredCredential, encodeRefreshCredential } from './stored-credential';

const HUB = 'https://hub.test';
const USER = 'ops';

/** A scripted token endpoint: answers in order, records every request. */
function endpoint(answers: Array<HubTokenResult | 'grant'>) {
  const requests: TokenRequest[] = [];
  let issued = 0;
  const request = async (body: TokenRequest): Promise<HubTokenResult> => {
    requests.push(body);
    const next = answers.shift() ?? 'grant';
    if (next !== 'grant') return next;
    issued += 1;
    return {
      ok: true,
      token: `access-${issued}`,
      expiresInSec: 60,
      tenants: ['cedar-group'],
      scope: 'read',
      refreshToken: `refresh-token-number-${issued}`,
      refreshExpiresInSec: 43_200,
    };
  };
  return { request, requests };
}

function source(
  credentials: CredentialStore,
  request: (body: TokenRequest) => Promise<HubTokenResult>,
  clock = { t: 1_000_000 },
) {
  return new RefreshingTokenSource({
    hubUrl: HUB,
    username: USER,
    credentials,
    request,
    log: createCoreLogger('silent'),
    now: () => clock.t,
  });
}

const UNAVAILABLE: HubTokenResult = { ok: false, code: 'unavailable', message: 'HTTP 503' };

describe('RefreshingTokenSource', () => {
  it('hands the sign-in access token to the first connect without asking the hub again', async () => {
    const hub = endpoint([]);
    const tokens = source(new SessionOnlyCredentialStore(), hub.request);
    expect((await tokens.signIn('pw')).ok).toBe(true);
    expect(await tokens.source('initial')).toMatchObject({ ok: true, token: 'access-1' });
    expect(hub.requests).toEqual([{ username: USER, password: 'pw' }]);
  });

  it('after a restart, renews from the refresh token in the store, and stores the rotated one', async () => {
    const credentials = new SessionOnlyCredentialStore();
    await credentials.set(HUB, USER, encodeRefreshCredential('refresh-token-from-before'));
    const hub = endpoint([]);
    const tokens = source(credentials, hub.request);
    expect(await tokens.source('initial')).toMatchObject({ ok: true, token: 'access-1' });
    expect(await tokens.source('inband')).toMatchObject({ ok: true, token: 'access-2' });
    expect(hub.requests).toEqual([
      { refreshToken: 'refresh-token-from-before' },
      { refreshToken: 'refresh-token-number-1' },
    ]);
    expect(decodeStoredCredential((await credentials.get(HUB, USER)) as string)).toEqual({
      kind: 'refresh',
      refreshToken: 'refresh-token-number-2',
    });
  });

  it('uses a password stored by an older console once, then replaces it with the refresh token', async () => {
    const credentials = new SessionOnlyCredentialStore();
    await credentials.set(HUB, USER, 'old-stored-password');
    const hub = endpoint([]);
    const tokens = source(credentials, hub.request);
    await tokens.source('initial');
    await tokens.source('inband');
    expect(hub.requests).toEqual([
      { username: USER, password: 'old-stored-password' },
      { refreshToken: 'refresh-token-number-1' },
    ]);
    expect(await credentials.get(HUB, USER)).not.toContain('old-stored-password');
  });

  it('keeps the refresh token when the hub is unavailable, and lets a reconnect use the held access token meanwhile', async () => {
    const credentials = new SessionOnlyCredentialStore();
    const clock = { t: 1_000_000 };
    const hub = endpoint(['grant', UNAVAILABLE, UNAVAILABLE]);
    const tokens = source(credentials, hub.request, clock);
    await tokens.signIn('pw');
    await tokens.source('initial');
    expect(await tokens.source('inband')).toMatchObject({ ok: false, code: 'unavailable' });
    expect(await tokens.source('reconnect')).toMatchObject({ ok: true, token: 'access-1' });
    clock.t += 59_000; // the held access token is nearly spent
    expect(await tokens.source('reconnect')).toMatchObject({ ok: true, token: 'access-2' });
    expect(hub.requests.at(-1)).toEqual({ refreshToken: 'refresh-token-number-1' });
  });

  it('answers unauthorized, and keeps answering it without asking the hub, once the hub refuses the token', async () => {
    const credentials = new SessionOnlyCredentialStore();
    await credentials.set(HUB, USER, encodeRefreshCredential('refresh-token-that-expired'));
    const hub = endpoint([{ ok: false, code: 'unauthorized', message: 'sign in again' }]);
    const tokens = source(credentials, hub.request);
    expect(await tokens.source('initial')).toEqual({
      ok: false,
      code: 'unauthorized',
      message: 'sign in again',
    });
    expect(await tokens.source('reconnect')).toMatchObject({ ok: false, code: 'unauthorized' });
    expect(hub.requests).toHaveLength(1);
  });

  it('shares one refresh between concurrent asks', async () => {
    const credentials = new SessionOnlyCredentialStore();
    await credentials.set(HUB, USER, encodeRefreshCredential('refresh-token-from-before'));
    const hub = endpoint([]);
    const tokens = source(credentials, hub.request);
    const [a, b] = await Promise.all([tokens.source('inband'), tokens.source('inband')]);
    expect(a).toEqual(b);
    expect(hub.requests).toHaveLength(1);
  });

  it('keeps renewing from memory when the keychain refuses the write, and says so', async () => {
    const store = new SessionOnlyCredentialStore();
    const warnings: string[] = [];
    const failingWrites: CredentialStore = Object.assign(Object.create(store) as CredentialStore, {
      set: async () => {
        throw new Error('keychain locked');
      },
    });
    const hub = endpoint([]);
    const tokens = new RefreshingTokenSource({
      hubUrl: HUB,
      username: USER,
      credentials: failingWrites,
      request: hub.request,
      log: { warn: ((_o: object, message: string) => void warnings.push(message)) as never },
    });
    expect((await tokens.signIn('pw')).ok).toBe(true);
    expect(await tokens.source('inband')).toMatchObject({ ok: true, token: 'access-2' });
    expect(hub.requests.at(-1)).toEqual({ refreshToken: 'refresh-token-number-1' });
    expect(warnings[0]).toMatch(/keeping it in memory/);
  });
});
