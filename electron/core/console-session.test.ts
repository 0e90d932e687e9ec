import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../../protocol/link/fake-clock';
import { FakeSocket } from '../../protocol/link/fake-socket';
import { ConsoleSession } from './console-session';
import { createCoreLogger } from './core-logger';
import { SessionOnlyCredentialStore, type CredentialStore } from './credential-store';
import { Writable } from 'node:stream';

const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Two hubs behind one fake fetch: each grants one tenant, and can be told to refuse. */
function twoHubs() {
  const refuses = new Set<string>();
  const grants: Record<string, string> = {
    'https://hub-a.test': 'tenant-a',
    'https://hub-b.test': 'tenant-b',
  };
  const fetch = (async (input: string | URL | Request) => {
    const origin = new URL(String(input)).origin;
    if (refuses.has(origin))
      return new Response('{"error":{"code":"unauthorized","message":"no"}}', { status: 401 });
    const body = {
      access_token: `token-for-${origin}`,
      token_type: 'Bearer',
      expires_in: 900,
      tenants: [grants[origin] ?? 'tenant-a'],
      scope: 'read',
      refresh_token: `refresh-for-${origin}`,
      refresh_expires_in: 43_200,
    };
    return new Response(JSON.stringify(body), { status: 200 });
  }) as typeof globalThis.fetch;
  return { fetch, refuses };
}

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'console-session-'));
  FakeSocket.reset();
});
afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
  FakeSocket.reset();
});

describe('console session with several profiles', () => {
  it('reports the worst link without a profile id, and each tenant the link of the profile that owns it', async () => {
    const clock = new FakeClock();
    const hubs = twoHubs();
    const session = new ConsoleSession({
      dataDir,
      credentials: new SessionOnlyCredentialStore(),
      log: createCoreLogger('silent'),
      WebSocket: FakeSocket,
      fetch: hubs.fetch,
      clock,
      random: () => 0.5,
    });
    const a = await session.signIn({
      hubUrl: 'https://hub-a.test',
      username: 'ann',
      password: 'pw-a',
      displayName: 'Head office',
    });
    const b = await session.signIn({
      hubUrl: 'https://hub-b.test',
      username: 'bob',
      password: 'pw-b',
      displayName: 'This PC',
    });
    expect(a.ok && b.ok).toBe(true);
    await flush();
    const socketOf = (hub: string) =>
      FakeSocket.instances.filter((s) => s.url.startsWith(hub.replace('http', 'ws'))).at(-1);
    for (const hub of ['https://hub-a.test', 'https://hub-b.test'])
      socketOf(hub)?.welcome({
        serverTime: clock.now(),
        tokenExp: Math.floor(clock.now() / 1000) + 900,
      });
    expect(session.linkStatus().state).toBe('live');

    // Hub B revokes the credential: its token expires and the new one is refused.
    hubs.refuses.add('https://hub-b.test');
    socketOf('https://hub-b.test')?.serverClose(4001, 'token expired');
    clock.advance(1000);
    await flush();

    expect(session.linkStatus()).toMatchObject({
      state: 'auth_required',
      reason: expect.stringMatching(/^This PC: /),
    });
    expect(session.linkStatusForTenant('tenant-a').state).toBe('live');
    expect(session.linkStatusForTenant('tenant-b').state).toBe('auth_required');
    if (a.ok) expect(session.linkStatus(a.value.id).state).toBe('live');
    await session.quit();
  });
});

describe('console session start', () => {
  it('starts the profiles it can read and logs the one whose keychain entry fails', async () => {
    const hubs = twoHubs();
    const credentials = new SessionOnlyCredentialStore();
    const first = new ConsoleSession({
      dataDir,
      credentials,
      log: createCoreLogger('silent'),
      WebSocket: FakeSocket,
      fetch: hubs.fetch,
      clock: new FakeClock(),
    });
    await first.signIn({ hubUrl: 'https://hub-a.test', username: 'ann', password: 'pw-a' });
    await first.signIn({ hubUrl: 'https://hub-b.test', username: 'bob', password: 'pw-b' });
    await first.quit();
    FakeSocket.reset();

    const failingForA: CredentialStore = Object.assign(
      Object.create(credentials) as CredentialStore,
      {
        get: async (hubUrl: string, username: string) => {
          if (hubUrl === 'https://hub-a.test') throw new Error('Secret Service refused the read');
          return credentials.get(hubUrl, username);
        },
      },
    );
    const lines: string[] = [];
    const sink = new Writable({
      write: (chunk, _enc, done) => (lines.push(String(chunk)), done()),
    });
    const second = new ConsoleSession({
      dataDir,
      credentials: failingForA,
      log: createCoreLogger('info', sink),
      WebSocket: FakeSocket,
      fetch: hubs.fetch,
      clock: new FakeClock(),
    });
    await expect(second.start()).resolves.toBeUndefined();
    await flush();
    expect(FakeSocket.instances.map((socket) => new URL(socket.url).host)).toEqual(['hub-b.test']);
    expect(lines.join('')).toContain('could not read the stored credential');
    expect(lines.join('')).not.toContain('pw-a');
    await second.quit();
  });
});

describe('console session transport security', () => {
  const session = (allowInsecureRemoteHubs?: boolean) =>
    new ConsoleSession({
      dataDir,
      credentials: new SessionOnlyCredentialStore(),
      log: createCoreLogger('silent'),
      WebSocket: FakeSocket,
      fetch: twoHubs().fetch,
      clock: new FakeClock(),
      allowInsecureRemoteHubs,
    });

  it('refuses to sign in to a remote hub over plain http, before sending the password', async () => {
    let fetched = 0;
    const refusing = new ConsoleSession({
      dataDir,
      credentials: new SessionOnlyCredentialStore(),
      log: createCoreLogger('silent'),
      WebSocket: FakeSocket,
      fetch: (async () => {
        fetched += 1;
        return new Response('{}', { status: 500 });
      }) as typeof fetch,
      clock: new FakeClock(),
    });
    const result = await refusing.signIn({
      hubUrl: 'http://hub-a.test',
      username: 'ann',
      password: 'pw-a',
    });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'bad_request',
        message: expect.stringMatching(/https:\/\/hub-a\.test.*allowInsecureRemoteHubs/s),
      },
    });
    expect(fetched).toBe(0);
    expect(FakeSocket.instances).toEqual([]);
  });

  it('signs in over plain http when policy allows insecure remote hubs', async () => {
    const allowed = session(true);
    const result = await allowed.signIn({
      hubUrl: 'http://hub-a.test',
      username: 'ann',
      password: 'pw-a',
    });
    expect(result.ok).toBe(true);
    await flush();
    expect(FakeSocket.last().url).toMatch(/^ws:\/\/hub-a\.test\/v1\/ws/);
    await allowed.quit();
  });
});

describe('console session operator actions', () => {
  /** Hub A grants `read operate` on tenant-a; hub B grants `read` only on tenant-b; hub C grants `admin` on tenant-c. */
  function scopedHubs(
    grants: Record<string, { tenant: string; scope: string }> = {
      'https://hub-a.test': { tenant: 'tenant-a', scope: 'read operate' },
      'https://hub-b.test': { tenant: 'tenant-b', scope: 'read' },
      'https://hub-c.test': { tenant: 'tenant-c', scope: 'admin' },
    },
  ) {
    return (async (input: string | URL | Request) => {
      const origin = new URL(String(input)).origin;
      const grant = grants[origin];
      if (!grant) return new Response('{}', { status: 500 });
      const body = {
        access_token: `token-for-${origin}`,
        token_type: 'Bearer',
        expires_in: 900,
        tenants: [grant.tenant],
        scope: grant.scope,
        refresh_token: `refresh-for-${origin}`,
        refresh_expires_in: 43_200,
      };
      return new Response(JSON.stringify(body), { status: 200 });
    }) as typeof globalThis.fetch;
  }

  async function signedIn() {
    const clock = new FakeClock();
    const session = new ConsoleSession({
      dataDir,
      credentials: new SessionOnlyCredentialStore(),
      log: createCoreLogger('silent'),
      WebSocket: FakeSocket,
      fetch: scopedHubs(),
      clock,
      random: () => 0.5,
    });
    for (const hub of ['https://hub-a.test', 'https://hub-b.test', 'https://hub-c.test'])
      expect((await session.signIn({ hubUrl: hub, username: 'ann', password: 'pw' })).ok).toBe(
        true,
      );
    await flush();
    const socketOf = (hub: string) =>
      FakeSocket.instances.filter((s) => s.url.startsWith(hub.replace('https', 'wss'))).at(-1);
    const welcome = (hub: string) =>
      socketOf(hub)?.welcome({
        serverTime: clock.now(),
        tokenExp: Math.floor(clock.now() / 1000) + 900,
      });
    return { clock, session, socketOf, welcome };
  }

  const acknowledge = {
    id: 'ack-tenant-a-1',
    tenant: 'tenant-a',
    action: 'alert.acknowledge',
    target: 'alert-7',
  } as const;

  it('lists a tenant as operable only when its token holds operate or admin', async () => {
    const { session } = await signedIn();
    expect(
      Object.fromEntries(session.tenants().map((tenant) => [tenant.id, tenant.canOperate])),
    ).toEqual({ 'tenant-a': true, 'tenant-b': false, 'tenant-c': true });
    await session.quit();
  });

  it('follows the scope of each newly granted token: a grant of operate at a refresh turns canOperate on', async () => {
    const clock = new FakeClock();
    const grants = { 'https://hub-b.test': { tenant: 'tenant-b', scope: 'read' } };
    const session = new ConsoleSession({
      dataDir,
      credentials: new SessionOnlyCredentialStore(),
      log: createCoreLogger('silent'),
      WebSocket: FakeSocket,
      fetch: scopedHubs(grants),
      clock,
      random: () => 0.5,
    });
    await session.signIn({ hubUrl: 'https://hub-b.test', username: 'bob', password: 'pw' });
    await flush();
    expect(session.tenants()).toEqual([expect.objectContaining({ canOperate: false })]);
    grants['https://hub-b.test'].scope = 'read operate';
    // The hub ends the token; the reconnect asks for a fresh one, which carries the new scope.
    const first = FakeSocket.last();
    first.serverClose(4001, 'token expired');
    for (let step = 0; step < 10 && FakeSocket.last() === first; step += 1) {
      clock.advance(200);
      await flush();
    }
    expect(FakeSocket.last()).not.toBe(first);
    expect(session.tenants()).toEqual([expect.objectContaining({ canOperate: true })]);
    await session.quit();
  });

  it('refuses an action with offline while the tenant’s link is not live yet, sending nothing', async () => {
    const { session, socketOf } = await signedIn();
    expect(await session.performAction(acknowledge)).toMatchObject({
      ok: false,
      error: { code: 'offline' },
    });
    socketOf('https://hub-a.test')?.open();
    expect(socketOf('https://hub-a.test')?.sentOfType('action')).toEqual([]);
    await session.quit();
  });

  it('sends the action on the link of the profile that has the tenant and answers the hub’s ack', async () => {
    const { session, socketOf, welcome } = await signedIn();
    for (const hub of ['https://hub-a.test', 'https://hub-b.test']) welcome(hub);
    const pending = session.performAction(acknowledge);
    const hubA = socketOf('https://hub-a.test');
    expect(hubA?.sentOfType('action')).toEqual([{ type: 'action', ...acknowledge }]);
    expect(socketOf('https://hub-b.test')?.sentOfType('action')).toEqual([]);
    hubA?.deliver({
      type: 'ack',
      id: acknowledge.id,
      tenant: 'tenant-a',
      seq: 31,
      duplicate: false,
    });
    expect(await pending).toEqual({
      ok: true,
      value: { id: acknowledge.id, seq: 31, duplicate: false },
    });
    await session.quit();
  });

  it('passes the hub’s refusal on with its code, and answers action_unconfirmed when the link drops first', async () => {
    const { session, socketOf, welcome } = await signedIn();
    welcome('https://hub-b.test');
    const readOnly = session.performAction({ ...acknowledge, tenant: 'tenant-b' });
    socketOf('https://hub-b.test')?.deliver({
      type: 'error',
      code: 'forbidden',
      message: 'the operate scope is needed to act',
      tenant: 'tenant-b',
      id: acknowledge.id,
    });
    expect(await readOnly).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'the operate scope is needed to act' },
    });
    welcome('https://hub-a.test');
    const dropped = session.performAction(acknowledge);
    socketOf('https://hub-a.test')?.serverClose(1006, 'gone');
    expect(await dropped).toMatchObject({ ok: false, error: { code: 'action_unconfirmed' } });
    await session.quit();
  });

  it('refuses an action for a tenant no signed-in profile has with forbidden, sending nothing', async () => {
    const { session, welcome } = await signedIn();
    welcome('https://hub-a.test');
    expect(await session.performAction({ ...acknowledge, tenant: 'harbor-eats' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringContaining('harbor-eats') },
    });
    expect(FakeSocket.instances.flatMap((socket) => socket.sentOfType('action'))).toEqual([]);
    await session.quit();
  });
});
