import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../../protocol/link/fake-clock';
import { FakeSocket } from '../../protocol/link/fake-socket';
import { ConsoleSession } from './console-session';
import { createCoreLogger } from './core-logger';
import { SessionOnlyCredentialStore } from './credential-store';

const flush = async () => {
  for (let i = 0; i < 5; i += 1) await new Promise<void>((resolve) => setImmediate(resolve));
};
const PASSWORD = 'pw-never-twice';
const TOKEN_TTL_SEC = 20;

/** A hub token endpoint that rotates refresh tokens and records every grant it was sent. */
function rotatingHub(clock: FakeClock) {
  const grants: Array<{ kind: 'password' | 'refresh'; refreshToken?: string }> = [];
  let issued = 0;
  let refuseRefresh = false;
  const fetch = (async (_input: string | URL | Request, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body)) as Record<string, string>;
    if ('password' in body) grants.push({ kind: 'password' });
    else grants.push({ kind: 'refresh', refreshToken: body.refreshToken });
    if ('refreshToken' in body && (refuseRefresh || body.refreshToken !== `refresh-${issued}`))
      return new Response('{"error":{"code":"unauthorized","message":"sign in again"}}', {
        status: 401,
      });
    issued += 1;
    return new Response(
      JSON.stringify({
        access_token: `access-${issued}-${clock.now()}`,
        token_type: 'Bearer',
        expires_in: TOKEN_TTL_SEC,
        tenants: ['cedar-group'],
        scope: 'read',
        refresh_token: `refresh-${issued}`,
        refresh_expires_in: 43_200,
      }),
      { status: 200 },
    );
  }) as typeof globalThis.fetch;
  return {
    fetch,
    grants,
    refuse: () => {
      refuseRefresh = true;
    },
  };
}

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'renewal-'));
  FakeSocket.reset();
});
afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
  FakeSocket.reset();
});

describe('token renewal of a signed-in desktop session', () => {
  it('renews in-band and on reconnect with the rotated refresh token, and sends the password only at sign-in', async () => {
    const clock = new FakeClock();
    const hub = rotatingHub(clock);
    const credentials = new SessionOnlyCredentialStore();
    const session = new ConsoleSession({
      dataDir,
      credentials,
      log: createCoreLogger('silent'),
      WebSocket: FakeSocket,
      fetch: hub.fetch,
      clock,
      random: () => 0.5,
    });
    const signedIn = await session.signIn({
      hubUrl: 'https://hub.test',
      username: 'ops',
      password: PASSWORD,
    });
    expect(signedIn.ok).toBe(true);
    await flush();
    const welcome = (socket: FakeSocket) =>
      socket.welcome({
        serverTime: clock.now(),
        tokenExp: Math.floor(clock.now() / 1000) + TOKEN_TTL_SEC,
        heartbeatMs: 3_600_000,
        tenants: ['cedar-group'],
      });
    welcome(FakeSocket.last());
    expect(session.linkStatus().state).toBe('live');

    for (let renewal = 1; renewal <= 3; renewal += 1) {
      clock.advance(TOKEN_TTL_SEC * 900);
      await flush();
      const auth = FakeSocket.last().sentOfType('auth');
      expect(auth).toHaveLength(renewal);
      FakeSocket.last().deliver({
        type: 'auth_ok',
        exp: Math.floor(clock.now() / 1000) + TOKEN_TTL_SEC,
      });
    }
    FakeSocket.last().serverClose(4001, 'token expired');
    clock.advance(5_000);
    await flush();
    welcome(FakeSocket.last());
    expect(session.linkStatus().state).toBe('live');

    expect(hub.grants.filter((g) => g.kind === 'password')).toHaveLength(1);
    expect(hub.grants[0]?.kind).toBe('password');
    expect(hub.grants.filter((g) => g.kind === 'refresh').length).toBeGreaterThanOrEqual(4);
    // Each refresh used the newest rotated token (the fake hub refuses any other).
    expect(hub.grants.slice(1).map((g) => g.refreshToken)).toEqual(
      hub.grants.slice(1).map((_g, i) => `refresh-${i + 1}`),
    );
    // What is kept for the profile is the newest refresh token, never the password.
    const stored = await credentials.get('https://hub.test', 'ops');
    expect(stored).not.toContain(PASSWORD);
    expect(stored).toContain(`refresh-${hub.grants.length}`);
    await session.quit();
  });

  it('a refused refresh token ends the session in auth_required without trying the password', async () => {
    const clock = new FakeClock();
    const hub = rotatingHub(clock);
    const credentials = new SessionOnlyCredentialStore();
    const session = new ConsoleSession({
      dataDir,
      credentials,
      log: createCoreLogger('silent'),
      WebSocket: FakeSocket,
      fetch: hub.fetch,
      clock,
      random: () => 0.5,
    });
    await session.signIn({ hubUrl: 'https://hub.test', username: 'ops', password: PASSWORD });
    await flush();
    FakeSocket.last().welcome({
      serverTime: clock.now(),
      tokenExp: Math.floor(clock.now() / 1000) + TOKEN_TTL_SEC,
      heartbeatMs: 3_600_000,
    });
    hub.refuse();
    FakeSocket.last().serverClose(4001, 'token expired');
    clock.advance(5_000);
    await flush();
    expect(session.linkStatus().state).toBe('auth_required');
    expect(hub.grants.map((g) => g.kind)).toEqual(['password', 'refresh']);
    await session.quit();
  });
});
