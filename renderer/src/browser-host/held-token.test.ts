import { describe, expect, test } from 'vitest';
import type { TokenResponse } from '../../../protocol';
import { HeldToken, type RefreshRequest } from './held-token';
import type { TokenResult as EndpointResult } from './token-client';

function answer(
  access: string,
  refresh: string | null,
  expiresIn = 900,
  refreshExpiresIn = 43_200,
  tenants = ['cedar-group'],
): TokenResponse {
  return {
    access_token: access,
    token_type: 'Bearer',
    expires_in: expiresIn,
    tenants,
    scope: 'read',
    ...(refresh ? { refresh_token: refresh, refresh_expires_in: refreshExpiresIn } : {}),
  };
}

/** A fake token endpoint for the refresh grant: answers in turn, and records the refresh tokens it was sent. */
function endpoint(now: () => number, ...answers: Array<TokenResponse | { status: number }>) {
  const sent: string[] = [];
  const refresh: RefreshRequest = async (refreshToken) => {
    sent.push(refreshToken);
    const next = answers.shift();
    if (!next) throw new Error('the test endpoint has no more answers');
    if ('status' in next)
      return {
        ok: false,
        status: next.status,
        error: {
          code: next.status === 401 ? 'unauthorized' : 'network',
          message: `answered ${next.status}`,
        },
      } satisfies EndpointResult;
    return { ok: true, token: next, obtainedAt: now() } satisfies EndpointResult;
  };
  return { sent, refresh };
}

describe('the browser host token', () => {
  test('a held token with time left is handed out for a reconnect with its remaining lifetime', async () => {
    let now = 1_000_000;
    const token = new HeldToken({ now: () => now });
    token.set(answer('jwt', null), now);
    now += 100_000;
    expect(await token.source('reconnect')).toEqual({ ok: true, token: 'jwt', expiresInSec: 800 });
  });

  test('without a refresh token an in-band renewal is unavailable, because the browser keeps no password', async () => {
    const token = new HeldToken({ now: () => 0 });
    token.set(answer('jwt', null), 0);
    expect(await token.source('inband')).toMatchObject({ ok: false, code: 'unavailable' });
  });

  test('an expired or absent token with no refresh token asks for sign-in (unauthorized)', async () => {
    let now = 0;
    const token = new HeldToken({ now: () => now });
    expect(await token.source('initial')).toMatchObject({ ok: false, code: 'unauthorized' });
    token.set(answer('jwt', null, 10), now);
    now = 9_000;
    expect(token.present()).toBe(false);
    expect(await token.source('reconnect')).toMatchObject({ ok: false, code: 'unauthorized' });
  });

  test('an in-band renewal refreshes, and the next refresh sends the rotated refresh token', async () => {
    let now = 0;
    const hub = endpoint(() => now, answer('jwt-2', 'rt-2'), answer('jwt-3', 'rt-3'));
    const token = new HeldToken({ now: () => now, refresh: hub.refresh });
    token.set(answer('jwt-1', 'rt-1'), now);
    expect(await token.source('initial')).toEqual({ ok: true, token: 'jwt-1', expiresInSec: 900 });
    now = 720_000;
    expect(await token.source('inband')).toEqual({ ok: true, token: 'jwt-2', expiresInSec: 900 });
    now = 1_440_000;
    expect(await token.source('inband')).toEqual({ ok: true, token: 'jwt-3', expiresInSec: 900 });
    expect(hub.sent).toEqual(['rt-1', 'rt-2']);
  });

  test('a reconnect after the access token expired, or after the link already had it, gets a refreshed one', async () => {
    let now = 0;
    const hub = endpoint(() => now, answer('jwt-2', 'rt-2'), answer('jwt-3', 'rt-3'));
    const token = new HeldToken({ now: () => now, refresh: hub.refresh });
    token.set(answer('jwt-1', 'rt-1', 3), now);
    expect(await token.source('initial')).toMatchObject({ ok: true, token: 'jwt-1' });
    // The link asks again while jwt-1 has time left: it dropped it, so it gets a new one.
    expect(await token.source('reconnect')).toMatchObject({ ok: true, token: 'jwt-2' });
    now = 10 * 60_000;
    expect(await token.source('reconnect')).toMatchObject({ ok: true, token: 'jwt-3' });
  });

  test('concurrent asks share one refresh', async () => {
    const hub = endpoint(() => 0, answer('jwt-2', 'rt-2'));
    const token = new HeldToken({ now: () => 0, refresh: hub.refresh });
    token.set(answer('jwt-1', 'rt-1'), 0);
    const [a, b] = await Promise.all([token.source('inband'), token.source('inband')]);
    expect(a).toEqual(b);
    expect(hub.sent).toEqual(['rt-1']);
  });

  test('a refused refresh token (401) drops both tokens and asks for sign-in', async () => {
    const hub = endpoint(() => 0, { status: 401 });
    const token = new HeldToken({ now: () => 0, refresh: hub.refresh });
    token.set(answer('jwt-1', 'rt-1'), 0);
    expect(await token.source('inband')).toMatchObject({ ok: false, code: 'unauthorized' });
    expect(token.present()).toBe(false);
    expect(await token.source('reconnect')).toMatchObject({ ok: false, code: 'unauthorized' });
  });

  test('an unreachable hub makes a refresh unavailable (retry later), while a connect may still use the held access token', async () => {
    let now = 0;
    const hub = endpoint(
      () => now,
      { status: 0 },
      { status: 503 },
      { status: 0 },
      answer('jwt-2', 'rt-2'),
    );
    const token = new HeldToken({ now: () => now, refresh: hub.refresh });
    token.set(answer('jwt-1', 'rt-1', 60), now);
    await token.source('initial');
    expect(await token.source('inband')).toMatchObject({ ok: false, code: 'unavailable' });
    expect(await token.source('reconnect')).toMatchObject({ ok: true, token: 'jwt-1' });
    now = 120_000;
    expect(await token.source('reconnect')).toMatchObject({ ok: false, code: 'unavailable' });
    expect(token.present()).toBe(true);
    expect(await token.source('reconnect')).toMatchObject({ ok: true, token: 'jwt-2' });
    expect(hub.sent).toEqual(['rt-1', 'rt-1', 'rt-1', 'rt-1']);
  });

  test('an expired refresh token is not sent; the answer is unauthorized', async () => {
    let now = 0;
    const hub = endpoint(() => now);
    const token = new HeldToken({ now: () => now, refresh: hub.refresh });
    token.set(answer('jwt-1', 'rt-1', 60, 120), now);
    now = 121_000;
    expect(token.present()).toBe(false);
    expect(await token.source('reconnect')).toMatchObject({ ok: false, code: 'unauthorized' });
    expect(hub.sent).toEqual([]);
  });

  test('sign-out (clear) drops the refresh token, and a refresh that was running does not bring it back', async () => {
    let release: (result: EndpointResult) => void = () => undefined;
    const token = new HeldToken({
      now: () => 0,
      refresh: () => new Promise((resolve) => (release = resolve)),
    });
    token.set(answer('jwt-1', 'rt-1'), 0);
    const pending = token.source('inband');
    token.clear();
    release({ ok: true, token: answer('jwt-2', 'rt-2'), obtainedAt: 0 });
    expect(await pending).toMatchObject({ ok: false });
    expect(token.present()).toBe(false);
    expect(await token.source('reconnect')).toMatchObject({ ok: false, code: 'unauthorized' });
  });

  test('the refreshed answer is passed on, so changed tenants reach the worker', async () => {
    const seen: string[][] = [];
    const hub = endpoint(
      () => 0,
      answer('jwt-2', 'rt-2', 900, 43_200, ['cedar-group', 'harbor-eats']),
    );
    const token = new HeldToken({
      now: () => 0,
      refresh: hub.refresh,
      onRefreshed: (t) => seen.push(t.tenants),
    });
    token.set(answer('jwt-1', 'rt-1'), 0);
    await token.source('inband');
    expect(seen).toEqual([['cedar-group', 'harbor-eats']]);
  });
});
