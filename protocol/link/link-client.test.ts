import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBoardState } from '../board/board-state';
import { CLOSE_CODES, goingAwayReason } from '../codes';
import { FakeClock } from './fake-clock';
import { FakeSocket } from './fake-socket';
import { LinkClient, type LinkClientOptions } from './link-client';
import type { LinkEventMap } from './link-events';
import type { TokenResult } from './token-keeper';

const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

function harness(overrides: Partial<LinkClientOptions> = {}, tokenAnswer?: () => TokenResult) {
  const clock = new FakeClock();
  const tokenCalls: string[] = [];
  let randomValue = 0.5;
  let tokenCounter = 0;
  const client = new LinkClient({
    url: 'ws://hub.test/v1/ws',
    WebSocket: FakeSocket,
    clock,
    random: () => randomValue,
    getToken: async (how) => {
      tokenCalls.push(how);
      return tokenAnswer
        ? tokenAnswer()
        : { ok: true, token: `tok-${++tokenCounter}`, expiresInSec: 900 };
    },
    ...overrides,
  });
  const seen: { [K in keyof LinkEventMap]: LinkEventMap[K][] } = {
    state: [],
    snapshot: [],
    resumed: [],
    event: [],
    resync: [],
    token: [],
    error: [],
  };
  for (const name of Object.keys(seen) as Array<keyof LinkEventMap>) {
    client.on(name, (payload) => (seen[name] as unknown[]).push(payload));
  }
  const expSoon = (seconds = 900) => Math.floor(clock.now() / 1000) + seconds;
  /** Starts (or waits for the pending attempt) and completes the handshake. */
  const connect = async (
    welcome: Partial<{ heartbeatMs: number; serverTime: number; tokenExp: number }> = {},
  ) => {
    await flush();
    const socket = FakeSocket.last();
    socket.welcome({ serverTime: clock.now(), tokenExp: expSoon(), ...welcome });
    return socket;
  };
  return {
    clock,
    client,
    seen,
    tokenCalls,
    connect,
    setRandom: (r: number) => (randomValue = r),
    states: () => seen.state.map((t) => t.to),
  };
}

const board = (seq: number) => ({ ...createBoardState(), seq });
const event = (tenant: string, seq: number, extra: Record<string, unknown> = {}) => ({
  type: 'event',
  tenant,
  seq,
  ts: 1_700_000_000_000,
  event: { type: 'alert', id: `e${seq}`, data: { severity: 'info', message: 'x' } },
  ...extra,
});

beforeEach(() => FakeSocket.reset());
afterEach(() => FakeSocket.reset());

describe('link client: states', () => {
  it('goes idle → connecting → live and reports each transition with a reason', async () => {
    const h = harness();
    expect(h.client.status().state).toBe('idle');
    h.client.start();
    const socket = await h.connect();
    expect(h.states()).toEqual(['connecting', 'live']);
    expect(h.seen.state[0]).toMatchObject({ from: 'idle', to: 'connecting', reason: 'started' });
    expect(h.seen.state[1]).toMatchObject({
      from: 'connecting',
      to: 'live',
      reason: 'welcome received',
    });
    expect(socket.url).toBe('ws://hub.test/v1/ws?access_token=tok-1');
    expect(socket.protocols).toEqual(['ops.v1.batch.heartbeat', 'ops.v1.batch', 'ops.v1']);
  });

  it('emits the initial token with its expiry', async () => {
    const h = harness();
    h.client.start();
    await h.connect();
    expect(h.tokenCalls).toEqual(['initial']);
    expect(h.seen.token).toEqual([{ how: 'initial', exp: Math.floor(h.clock.now() / 1000) + 900 }]);
  });

  it('a drop goes to reconnecting with attempt and nextRetryAt, then retries after the jittered delay', async () => {
    const h = harness();
    h.client.start();
    const first = await h.connect();
    h.setRandom(0.5);
    first.serverClose(1006);
    const status = h.client.status();
    expect(status).toMatchObject({
      state: 'reconnecting',
      attempt: 1,
      nextRetryAt: h.clock.now() + 250,
    });
    expect(FakeSocket.instances.length).toBe(1);
    h.clock.advance(249);
    await flush();
    expect(FakeSocket.instances.length).toBe(1);
    h.clock.advance(1);
    await flush();
    expect(FakeSocket.instances.length).toBe(2);
    // The token was still good: no new token request.
    expect(h.tokenCalls).toEqual(['initial']);
  });

  it('backs off exponentially across failed attempts, within full-jitter bounds', async () => {
    // A configured 30 s cap, to see the doubling run on; the default cap is checked below.
    const h = harness({ backoff: { baseMs: 500, capMs: 30_000 } });
    h.setRandom(0.999);
    h.client.start();
    await flush();
    const delays: number[] = [];
    for (let i = 0; i < 8; i += 1) {
      FakeSocket.last().serverClose(1006);
      const status = h.client.status();
      delays.push((status.nextRetryAt ?? 0) - h.clock.now());
      h.clock.advance((status.nextRetryAt ?? 0) - h.clock.now());
      await flush();
    }
    expect(delays).toEqual([499, 999, 1998, 3996, 7992, 15984, 29970, 29970]);
  });

  it('resets the attempt count after 10 s of stable live, not before', async () => {
    const h = harness();
    h.setRandom(0.999);
    h.client.start();
    await flush();
    FakeSocket.last().serverClose(1006);
    h.clock.advance(500);
    await flush();
    FakeSocket.last().serverClose(1006);
    expect(h.client.status().attempt).toBe(2);
    h.clock.advance(1000);
    const socket = await h.connect();
    h.clock.advance(9_000);
    socket.serverClose(1006);
    expect(h.client.status().attempt).toBe(3);
    h.clock.advance(2000);
    const stable = await h.connect();
    h.clock.advance(10_000);
    stable.serverClose(1006);
    expect(h.client.status().attempt).toBe(1);
  });

  it('stop() closes the socket, cancels retries and ignores late callbacks', async () => {
    const h = harness();
    h.client.start();
    const socket = await h.connect();
    h.client.stop('user quit');
    expect(socket.closedByClient?.code).toBe(1000);
    expect(h.client.status()).toMatchObject({ state: 'stopped', reason: 'user quit' });
    socket.serverClose(1006);
    h.clock.advance(60_000);
    await flush();
    expect(FakeSocket.instances.length).toBe(1);
    expect(h.client.status().state).toBe('stopped');
  });

  it('ignores frames and closes from a superseded socket (generation guard)', async () => {
    const h = harness();
    h.client.start();
    const old = await h.connect();
    h.client.subscribe('t1');
    old.deliver({ type: 'snapshot', tenant: 't1', seq: 10, epoch: 'e', state: board(10) });
    // Keep the old socket's handlers, as a runtime that still fires queued events would.
    const oldOnMessage = old.onmessage;
    const oldOnClose = old.onclose;
    old.serverClose(1006);
    h.clock.advance(1000);
    const fresh = await h.connect();
    expect(fresh).not.toBe(old);
    expect(old.onmessage).toBeNull();
    expect(old.onclose).toBeNull();
    const statesBefore = h.states().length;
    oldOnMessage?.({ data: JSON.stringify(event('t1', 11)) });
    oldOnMessage?.({
      data: JSON.stringify({ type: 'error', code: 'auth_failed', message: 'late' }),
    });
    oldOnClose?.({ code: 4003, reason: 'late close from the old socket' });
    expect(h.seen.event).toEqual([]);
    expect(h.states().length).toBe(statesBefore);
    expect(h.client.status().state).toBe('live');
    expect(fresh.closedByClient).toBeUndefined();
  });

  it('stop() leaves no timer running (heartbeat, renewal, retries, resubscribe pauses)', async () => {
    const h = harness({ unavailableRetryMs: 2000 });
    h.client.start();
    const socket = await h.connect({ heartbeatMs: 1000 });
    h.client.subscribe('t1');
    socket.deliver({ type: 'error', code: 'unavailable', message: 'backplane down', tenant: 't1' });
    expect(h.clock.pending()).toBeGreaterThan(0);
    h.client.stop();
    expect(h.clock.pending()).toBe(0);
  });

  it.each(['live', 'reconnecting', 'connecting'] as const)(
    'a listener that stops the link on entering %s leaves no timer and opens no further socket',
    async (target) => {
      const h = harness();
      h.client.on('state', ({ to }) => {
        if (to === target) h.client.stop(`stopped on ${target}`);
      });
      h.client.start();
      await flush();
      if (target !== 'connecting') {
        const socket = FakeSocket.last();
        if (target === 'live')
          socket.welcome({
            serverTime: h.clock.now(),
            tokenExp: Math.floor(h.clock.now() / 1000) + 900,
          });
        else socket.serverClose(1006);
      }
      await flush();
      expect(h.client.status()).toMatchObject({ state: 'stopped', reason: `stopped on ${target}` });
      expect(h.clock.pending()).toBe(0);
      h.clock.advance(600_000);
      await flush();
      expect(FakeSocket.instances.length).toBe(target === 'connecting' ? 0 : 1);
    },
  );

  it('a token source that throws is a retryable failure, not an unhandled rejection', async () => {
    const h = harness({
      getToken: () => Promise.reject(new Error('keychain went away')),
    });
    h.client.start();
    await flush();
    expect(h.client.status()).toMatchObject({ state: 'reconnecting', attempt: 1 });
    expect(h.client.status().reason).toMatch(/keychain went away/);
  });

  it('offline stops retrying; online retries at once', async () => {
    const h = harness();
    h.client.start();
    const socket = await h.connect();
    h.client.setNetworkOnline(false);
    expect(socket.closedByClient).toBeDefined();
    expect(h.client.status().state).toBe('offline');
    h.clock.advance(120_000);
    await flush();
    expect(FakeSocket.instances.length).toBe(1);
    h.client.setNetworkOnline(true);
    await flush();
    expect(FakeSocket.instances.length).toBe(2);
    expect(h.states()).toEqual(['connecting', 'live', 'offline', 'connecting']);
  });

  it('online signal and resume from sleep cut a long backoff short', async () => {
    const h = harness({ backoff: { baseMs: 500, capMs: 30_000 } });
    h.setRandom(0.999);
    h.client.start();
    await flush();
    for (let i = 0; i < 5; i += 1) {
      FakeSocket.last().serverClose(1006);
      h.clock.advance((h.client.status().nextRetryAt ?? 0) - h.clock.now());
      await flush();
    }
    FakeSocket.last().serverClose(1006);
    expect((h.client.status().nextRetryAt ?? 0) - h.clock.now()).toBeGreaterThan(10_000);
    const before = FakeSocket.instances.length;
    h.client.notifyResume();
    await flush();
    expect(FakeSocket.instances.length).toBe(before + 1);
    FakeSocket.last().serverClose(1006);
    h.client.setNetworkOnline(true);
    await flush();
    expect(FakeSocket.instances.length).toBe(before + 2);
  });

  it('starting while offline waits for the network', async () => {
    const h = harness();
    h.client.setNetworkOnline(false);
    h.client.start();
    await flush();
    expect(h.client.status().state).toBe('offline');
    expect(FakeSocket.instances.length).toBe(0);
  });

  it('gives up on an attempt with no welcome within the connect timeout', async () => {
    const h = harness({ connectTimeoutMs: 3000 });
    h.client.start();
    await flush();
    h.clock.advance(3000);
    expect(h.client.status()).toMatchObject({ state: 'reconnecting', attempt: 1 });
    expect(h.client.status().reason).toMatch(/no welcome within 3000 ms/);
  });

  it('rejects a non-WebSocket url with a message that names the fix', () => {
    expect(
      () =>
        new LinkClient({
          url: 'http://x',
          WebSocket: FakeSocket,
          getToken: async () => ({ ok: false, code: 'unavailable', message: '' }),
        }),
    ).toThrow(/ws:\/\/ or wss:\/\//);
  });
});

describe('link client: close codes', () => {
  const reconnectCodes = CLOSE_CODES.filter((info) => info.action === 'reconnect').map(
    (info) => info.code,
  );

  it.each(reconnectCodes)('close %i → reconnect with backoff, keeping the token', async (code) => {
    const h = harness();
    h.client.start();
    const socket = await h.connect();
    socket.serverClose(code, 'x');
    expect(h.client.status()).toMatchObject({ state: 'reconnecting', attempt: 1 });
    h.clock.advance(500);
    await flush();
    expect(FakeSocket.instances.length).toBe(2);
    expect(h.tokenCalls).toEqual(['initial']);
  });

  it('unknown close codes are treated as drops', async () => {
    const h = harness();
    h.client.start();
    (await h.connect()).serverClose(4999);
    expect(h.client.status().state).toBe('reconnecting');
  });

  it('1001 → reconnect at a random moment inside the window named in the reason', async () => {
    const h = harness();
    h.client.start();
    const socket = await h.connect();
    h.setRandom(0.25);
    socket.serverClose(1001, goingAwayReason(8000));
    expect((h.client.status().nextRetryAt ?? 0) - h.clock.now()).toBe(2000);
    h.clock.advance(1999);
    await flush();
    expect(FakeSocket.instances.length).toBe(1);
    h.clock.advance(1);
    await flush();
    expect(FakeSocket.instances.length).toBe(2);
  });

  it('1001 without a window uses the fallback window', async () => {
    const h = harness({ goingAwayFallbackMs: 4000 });
    h.client.start();
    const socket = await h.connect();
    h.setRandom(0.5);
    socket.serverClose(1001, '');
    expect((h.client.status().nextRetryAt ?? 0) - h.clock.now()).toBe(2000);
  });

  it('4001 → fetch a new token, then reconnect and resume', async () => {
    const h = harness();
    h.client.start();
    const socket = await h.connect();
    h.client.subscribe('t1');
    socket.deliver({ type: 'snapshot', tenant: 't1', seq: 10, epoch: 'e', state: board(10) });
    socket.serverClose(4001, 'token expired');
    h.clock.advance(500);
    await flush();
    expect(h.tokenCalls).toEqual(['initial', 'reconnect']);
    expect(h.seen.token.map((t) => t.how)).toEqual(['initial', 'reconnect']);
    const next = await h.connect();
    expect(next.url).toContain('access_token=tok-2');
    expect(next.sentOfType('subscribe')).toEqual([
      { type: 'subscribe', tenant: 't1', resumeFrom: 10, epoch: 'e' },
    ]);
  });

  it('4003 → auth_required and no more attempts', async () => {
    const h = harness();
    h.client.start();
    const socket = await h.connect();
    socket.serverClose(4003, 'revoked');
    expect(h.client.status().state).toBe('auth_required');
    h.clock.advance(600_000);
    await flush();
    expect(FakeSocket.instances.length).toBe(1);
    expect(h.tokenCalls.length).toBe(1);
    expect(h.seen.error.at(-1)?.code).toBe('unauthorized');
  });

  it('a 401 from the token endpoint → auth_required without opening a socket; start() tries again', async () => {
    let answer: TokenResult = { ok: false, code: 'unauthorized', message: 'bad credentials' };
    const h = harness({}, () => answer);
    h.client.start();
    await flush();
    expect(h.client.status().state).toBe('auth_required');
    h.clock.advance(600_000);
    await flush();
    expect(h.tokenCalls.length).toBe(1);
    expect(FakeSocket.instances.length).toBe(0);
    answer = { ok: true, token: 'good', expiresInSec: 60 };
    h.client.start();
    await flush();
    expect(FakeSocket.instances.length).toBe(1);
  });

  it('an unavailable token endpoint backs off like a dropped socket', async () => {
    const h = harness({}, () => ({ ok: false, code: 'unavailable', message: 'ECONNREFUSED' }));
    h.client.start();
    await flush();
    expect(h.client.status()).toMatchObject({ state: 'reconnecting', attempt: 1 });
    expect(h.client.status().reason).toMatch(/ECONNREFUSED/);
  });

  it('after two failures before welcome, the token is suspected and fetched again', async () => {
    const h = harness();
    h.client.start();
    await flush();
    FakeSocket.last().serverClose(1006);
    h.clock.advance(500);
    await flush();
    FakeSocket.last().serverClose(1006);
    h.clock.advance(1000);
    await flush();
    expect(h.tokenCalls).toEqual(['initial', 'reconnect']);
  });
});

describe('link client: subscriptions and resume', () => {
  it('one hub subscription however many references; unsubscribe after the last release', async () => {
    const h = harness();
    h.client.start();
    const socket = await h.connect();
    const a = h.client.subscribe('t1');
    const b = h.client.subscribe('t1');
    expect(socket.sentOfType('subscribe').length).toBe(1);
    a();
    a();
    expect(socket.sentOfType('unsubscribe').length).toBe(0);
    b();
    expect(socket.sentOfType('unsubscribe')).toEqual([{ type: 'unsubscribe', tenant: 't1' }]);
  });

  it('subscriptions made before live are sent on welcome; a cached position is resumed from', async () => {
    const h = harness();
    h.client.subscribe('t1', { resumeFrom: { seq: 42, epoch: 'e9' } });
    h.client.subscribe('t2', { filter: { types: ['payment.*'] } });
    h.client.start();
    const socket = await h.connect();
    expect(socket.sentOfType('subscribe')).toEqual([
      { type: 'subscribe', tenant: 't1', resumeFrom: 42, epoch: 'e9' },
      { type: 'subscribe', tenant: 't2', filter: { types: ['payment.*'] } },
    ]);
  });

  it('every reconnect re-sends each subscription with its last seq and epoch', async () => {
    const h = harness();
    h.client.start();
    let socket = await h.connect();
    h.client.subscribe('t1');
    h.client.subscribe('t2');
    socket.deliver({ type: 'snapshot', tenant: 't1', seq: 3, epoch: 'a', state: board(3) });
    socket.deliver({ type: 'snapshot', tenant: 't2', seq: 100, epoch: 'b', state: board(100) });
    socket.deliver(event('t1', 4));
    socket.deliver(event('t1', 5));
    socket.deliver(event('t2', 101));
    socket.serverClose(1006);
    h.clock.advance(500);
    socket = await h.connect();
    expect(socket.sentOfType('subscribe')).toEqual([
      { type: 'subscribe', tenant: 't1', resumeFrom: 5, epoch: 'a' },
      { type: 'subscribe', tenant: 't2', resumeFrom: 101, epoch: 'b' },
    ]);
    socket.deliver(event('t1', 6));
    socket.deliver({ type: 'resumed', tenant: 't1', seq: 6, epoch: 'a' });
    expect(h.seen.resumed).toEqual([{ tenant: 't1', seq: 6, epoch: 'a' }]);
    expect(h.seen.event.map((e) => `${e.tenant}:${e.seq}`)).toEqual([
      't1:4',
      't1:5',
      't2:101',
      't1:6',
    ]);
  });

  it('a seq gap → unsubscribe + fresh subscribe, events dropped until the new snapshot', async () => {
    const h = harness();
    h.client.start();
    const socket = await h.connect();
    h.client.subscribe('t1');
    socket.deliver({ type: 'snapshot', tenant: 't1', seq: 10, epoch: 'e', state: board(10) });
    socket.deliver(event('t1', 11));
    socket.deliver(event('t1', 13));
    expect(h.seen.resync).toEqual([
      { tenant: 't1', reason: expect.stringMatching(/had 11, got 13/) },
    ]);
    expect(socket.sent.slice(-2)).toEqual([
      { type: 'unsubscribe', tenant: 't1' },
      { type: 'subscribe', tenant: 't1' },
    ]);
    socket.deliver(event('t1', 14));
    socket.deliver({ type: 'snapshot', tenant: 't1', seq: 20, epoch: 'e', state: board(20) });
    socket.deliver(event('t1', 21));
    expect(h.seen.event.map((e) => e.seq)).toEqual([11, 21]);
    expect(h.seen.snapshot.map((s) => s.seq)).toEqual([10, 20]);
  });

  it('duplicates after a replay are dropped silently', async () => {
    const h = harness();
    h.client.start();
    const socket = await h.connect();
    h.client.subscribe('t1');
    socket.deliver({ type: 'snapshot', tenant: 't1', seq: 10, epoch: 'e', state: board(10) });
    socket.deliver(event('t1', 11));
    socket.deliver(event('t1', 11));
    socket.deliver(event('t1', 9));
    expect(h.seen.event.map((e) => e.seq)).toEqual([11]);
    expect(h.seen.resync).toEqual([]);
  });

  it('filtered subscriptions use prev to tell filtered seqs from lost ones', async () => {
    const h = harness();
    h.client.start();
    const socket = await h.connect();
    h.client.subscribe('t1', { filter: { types: ['payment.*'] } });
    socket.deliver({ type: 'snapshot', tenant: 't1', seq: 10, epoch: 'e', state: board(10) });
    socket.deliver(event('t1', 15, { prev: 10 }));
    socket.deliver(event('t1', 30, { prev: 22 }));
    expect(h.seen.event.map((e) => e.seq)).toEqual([15]);
    expect(h.seen.resync.length).toBe(1);
  });

  it('a resume that ends in another epoch triggers a resync', async () => {
    const h = harness();
    h.client.subscribe('t1', { resumeFrom: { seq: 5, epoch: 'old' } });
    h.client.start();
    const socket = await h.connect();
    socket.deliver({ type: 'resumed', tenant: 't1', seq: 5, epoch: 'new' });
    expect(h.seen.resumed).toEqual([]);
    expect(h.seen.resync.length).toBe(1);
  });

  it('forbidden tenants are not resubscribed on reconnect', async () => {
    const h = harness();
    h.client.start();
    let socket = await h.connect();
    h.client.subscribe('t9');
    socket.deliver({ type: 'error', code: 'forbidden', message: 'not in token', tenant: 't9' });
    expect(h.seen.error.at(-1)).toEqual({
      code: 'forbidden',
      message: 'not in token',
      tenant: 't9',
    });
    socket.serverClose(1006);
    h.clock.advance(500);
    socket = await h.connect();
    expect(socket.sentOfType('subscribe')).toEqual([]);
  });

  it('an unavailable tenant is resubscribed after a pause', async () => {
    const h = harness({ unavailableRetryMs: 2000 });
    h.client.start();
    const socket = await h.connect();
    h.client.subscribe('t1');
    socket.deliver({ type: 'error', code: 'unavailable', message: 'backplane down', tenant: 't1' });
    h.clock.advance(2000);
    expect(socket.sentOfType('subscribe').length).toBe(2);
  });

  it('bad frames become error events and the link stays up', async () => {
    const h = harness();
    h.client.start();
    const socket = await h.connect();
    socket.deliver('not json');
    socket.deliver({ type: 'mystery' });
    h.client.subscribe('t1');
    socket.deliver({ type: 'snapshot', tenant: 't1', seq: 1, epoch: 'e', state: { nope: true } });
    expect(h.seen.error.map((e) => e.code)).toEqual(['bad_request', 'bad_request', 'bad_snapshot']);
    expect(h.client.status().state).toBe('live');
  });

  it('records lastEventAt and the lag corrected for clock skew', async () => {
    const h = harness();
    h.client.start();
    const socket = await h.connect({ serverTime: h.clock.now() + 5000 });
    h.client.subscribe('t1');
    socket.deliver({ type: 'snapshot', tenant: 't1', seq: 0, epoch: 'e', state: board(0) });
    const hubNow = h.clock.now() + 5000;
    socket.deliver(event('t1', 1, { ts: hubNow - 120 }));
    expect(h.client.status()).toMatchObject({ lastEventAt: hubNow - 120, lagMs: 120 });
  });
});

describe('link client: tokens and liveness', () => {
  it('renews in-band at 80% of the lifetime, corrected for skew, without reconnecting', async () => {
    const h = harness({}, undefined);
    h.client.start();
    const skew = 7000;
    const serverNow = h.clock.now() + skew;
    const socket = await h.connect({
      serverTime: serverNow,
      tokenExp: Math.floor(serverNow / 1000) + 10,
    });
    h.clock.advance(7999);
    await flush();
    expect(socket.sentOfType('auth')).toEqual([]);
    h.clock.advance(1);
    await flush();
    expect(socket.sentOfType('auth')).toEqual([{ type: 'auth', token: 'tok-2' }]);
    const newExp = Math.floor((h.clock.now() + skew) / 1000) + 10;
    socket.deliver({ type: 'auth_ok', exp: newExp });
    expect(h.seen.token.at(-1)).toEqual({ how: 'inband', exp: newExp });
    // The next renewal is scheduled off the renewed token.
    h.clock.advance(8000);
    await flush();
    expect(socket.sentOfType('auth').length).toBe(2);
    expect(FakeSocket.instances.length).toBe(1);
    expect(h.tokenCalls).toEqual(['initial', 'inband', 'inband']);
  });

  it('a rejected in-band renewal → new token and a reconnect with resume', async () => {
    const h = harness();
    h.client.start();
    const socket = await h.connect({ tokenExp: Math.floor(h.clock.now() / 1000) + 10 });
    h.client.subscribe('t1');
    socket.deliver({ type: 'snapshot', tenant: 't1', seq: 4, epoch: 'e', state: board(4) });
    h.clock.advance(8000);
    await flush();
    socket.deliver({ type: 'error', code: 'auth_failed', message: 'sub mismatch' });
    expect(h.client.status().state).toBe('reconnecting');
    h.clock.advance(0);
    await flush();
    expect(h.tokenCalls).toEqual(['initial', 'inband', 'reconnect']);
    const next = await h.connect();
    expect(next.sentOfType('subscribe')).toEqual([
      { type: 'subscribe', tenant: 't1', resumeFrom: 4, epoch: 'e' },
    ]);
  });

  it('a 401 during renewal → auth_required', async () => {
    let calls = 0;
    const h = harness({}, () =>
      ++calls === 1
        ? { ok: true, token: 'a', expiresInSec: 10 }
        : { ok: false, code: 'unauthorized', message: 'revoked' },
    );
    h.client.start();
    await h.connect({ tokenExp: Math.floor(h.clock.now() / 1000) + 10 });
    h.clock.advance(8000);
    await flush();
    expect(h.client.status().state).toBe('auth_required');
  });

  it('a failed renewal is retried while the token lasts', async () => {
    let calls = 0;
    const h = harness({}, () =>
      ++calls === 2
        ? { ok: false, code: 'unavailable', message: 'timeout' }
        : { ok: true, token: `t${calls}`, expiresInSec: 10 },
    );
    h.client.start();
    const socket = await h.connect({ tokenExp: Math.floor(h.clock.now() / 1000) + 10 });
    h.clock.advance(8000);
    await flush();
    expect(h.seen.error.at(-1)?.code).toBe('token_renewal_failed');
    expect(socket.sentOfType('auth')).toEqual([]);
    // 2 s of token left: the retry comes within half of that.
    h.clock.advance(999);
    await flush();
    expect(socket.sentOfType('auth')).toEqual([]);
    h.clock.advance(1);
    await flush();
    expect(socket.sentOfType('auth')).toEqual([{ type: 'auth', token: 't3' }]);
  });

  it('sends app pings each heartbeat and declares the link dead after 2 silent heartbeats', async () => {
    const h = harness();
    h.client.start();
    const socket = await h.connect({ heartbeatMs: 1000 });
    h.clock.advance(1000);
    expect(socket.sentOfType('ping').length).toBe(1);
    socket.deliver({
      type: 'pong',
      id: socket.sentOfType('ping')[0]?.id ?? '',
      serverTime: h.clock.now(),
    });
    h.clock.advance(1999);
    expect(h.client.status().state).toBe('live');
    h.clock.advance(1);
    expect(h.client.status().state).toBe('reconnecting');
    expect(h.client.status().reason).toMatch(/2 heartbeats/);
    expect(socket.closedByClient).toBeDefined();
  });

  it('a pong corrects the skew estimate used for renewal', async () => {
    const h = harness();
    h.client.start();
    await h.connect({ heartbeatMs: 1000 });
    const socket = FakeSocket.last();
    h.clock.advance(1000);
    const ping = socket.sentOfType('ping')[0];
    h.clock.advance(200);
    socket.deliver({ type: 'pong', id: ping?.id ?? '', serverTime: h.clock.now() - 100 + 3000 });
    expect(h.client.tokens.skewMs).toBe(3000);
  });
});

describe('link client: listener failures', () => {
  it('hands a throwing listener to onListenerError and still reaches live', async () => {
    const failures: Array<{ event: string; message: string }> = [];
    const h = harness({
      onListenerError: (error, event) =>
        failures.push({ event, message: (error as Error).message }),
    });
    h.client.on('state', () => {
      throw new Error('window callback broke');
    });
    h.client.start();
    await h.connect();
    expect(h.client.status().state).toBe('live');
    expect(failures.map((f) => f.event)).toEqual(['state', 'state']);
    expect(failures[0]?.message).toBe('window callback broke');
    h.client.stop('done');
  });
});
