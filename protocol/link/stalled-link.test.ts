import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeClock } from './fake-clock';
import { FakeSocket } from './fake-socket';
import { LinkClient, type LinkClientOptions } from './link-client';
import type { TokenResult } from './token-keeper';

/** Lets awaited token fetches settle; timers only run inside `clock.advance`. */
const flush = () => new Promise<void>((resolve) => setImmediate(resolve));
const APP_HEARTBEAT_MS = 5000;

function harness(overrides: Partial<LinkClientOptions> = {}) {
  const clock = new FakeClock();
  let randomValue = 0.999;
  let tokenAnswer: () => Promise<TokenResult> = async () => ({
    ok: true,
    token: 'tok',
    expiresInSec: 3600,
  });
  const client = new LinkClient({
    url: 'ws://hub.test/v1/ws',
    WebSocket: FakeSocket,
    clock,
    random: () => randomValue,
    getToken: () => tokenAnswer(),
    ...overrides,
  });
  const states: string[] = [];
  client.on('state', (t) => states.push(t.to));
  const welcome = (socket = FakeSocket.last()) =>
    socket.welcome({
      serverTime: clock.now(),
      tokenExp: Math.floor(clock.now() / 1000) + 3600,
      appHeartbeatMs: APP_HEARTBEAT_MS,
    });
  /** Advances in steps, letting promises settle between them. */
  const run = async (ms: number, step = 100) => {
    for (let t = 0; t < ms; t += step) {
      clock.advance(Math.min(step, ms - t));
      await flush();
    }
  };
  return {
    clock,
    client,
    states,
    welcome,
    run,
    setRandom: (r: number) => (randomValue = r),
    setTokenAnswer: (answer: () => Promise<TokenResult>) => (tokenAnswer = answer),
  };
}

beforeEach(() => FakeSocket.reset());
afterEach(() => FakeSocket.reset());

describe('a link to a hub that sends heartbeat frames', () => {
  it('is stalled after exactly 2 heartbeat intervals of silence, well within 10 s of the hub freezing, and then reconnects', async () => {
    const h = harness();
    h.client.start();
    await flush();
    const socket = FakeSocket.last();
    h.welcome(socket);
    h.clock.advance(2 * APP_HEARTBEAT_MS - 1);
    expect(h.client.status().state).toBe('live');
    h.clock.advance(1);
    expect(h.client.status()).toMatchObject({ state: 'reconnecting', attempt: 1 });
    expect(h.client.status().reason).toMatch(/stalled: no frame from the hub for 10000 ms/);
    expect(socket.closedByClient).toBeDefined();
    await h.run(1000);
    expect(FakeSocket.instances.length).toBe(2);
  });

  it('stays live while heartbeat frames arrive, and sends no periodic pings of its own', async () => {
    const h = harness();
    h.client.start();
    await flush();
    const socket = FakeSocket.last();
    h.welcome(socket);
    for (let i = 0; i < 12; i += 1) {
      h.clock.advance(APP_HEARTBEAT_MS);
      socket.deliver({ type: 'heartbeat', serverTime: h.clock.now() });
    }
    expect(h.client.status().state).toBe('live');
    expect(h.states).toEqual(['connecting', 'live']);
    expect(socket.sentOfType('ping')).toEqual([]);
  });

  it('counts any frame as a sign of life, not only heartbeats', async () => {
    const h = harness();
    h.client.start();
    await flush();
    const socket = FakeSocket.last();
    h.welcome(socket);
    h.clock.advance(9000);
    socket.deliver({ type: 'unsubscribed', tenant: 't1' });
    h.clock.advance(9000);
    expect(h.client.status().state).toBe('live');
    h.clock.advance(1000);
    expect(h.client.status().state).toBe('reconnecting');
  });
});

describe('retry now', () => {
  it('skips the backoff wait and tries again at once', async () => {
    const h = harness({ backoff: { baseMs: 500, capMs: 30_000 } });
    h.client.start();
    await flush();
    for (let i = 0; i < 7; i += 1) {
      FakeSocket.last().serverClose(1006);
      await h.run((h.client.status().nextRetryAt ?? 0) - h.clock.now());
    }
    FakeSocket.last().serverClose(1006);
    expect((h.client.status().nextRetryAt ?? 0) - h.clock.now()).toBeGreaterThan(20_000);
    const before = FakeSocket.instances.length;
    expect(h.client.retryNow()).toBe(true);
    await flush();
    expect(FakeSocket.instances.length).toBe(before + 1);
    expect(h.client.status()).toMatchObject({ state: 'reconnecting', reason: 'retry requested' });
    h.welcome();
    expect(h.client.status().state).toBe('live');
  });

  it('does nothing while live, offline or stopped', async () => {
    const h = harness();
    h.client.start();
    await flush();
    h.welcome();
    expect(h.client.retryNow()).toBe(false);
    h.client.setNetworkOnline(false);
    expect(h.client.retryNow()).toBe(false);
    h.client.stop();
    expect(h.client.retryNow()).toBe(false);
    expect(FakeSocket.instances.length).toBe(1);
  });
});

describe('recovery', () => {
  it('is live within 5 s of a hub that was down for minutes accepting connections again', async () => {
    const h = harness();
    h.client.start();
    await flush();
    h.welcome();
    FakeSocket.last().serverClose(1006);
    // Down for 5 minutes: every attempt is refused at once, with the worst jitter draw.
    const backAt = h.clock.now() + 300_000;
    let handled = FakeSocket.instances.length;
    let liveAt: number | undefined;
    h.client.on('state', (t) => {
      if (t.to === 'live') liveAt = t.at;
    });
    while (liveAt === undefined && h.clock.now() < backAt + 60_000) {
      await h.run(100);
      for (; handled < FakeSocket.instances.length; handled += 1) {
        const socket = FakeSocket.instances[handled] as FakeSocket;
        if (h.clock.now() < backAt) socket.serverClose(1006);
        else h.welcome(socket);
      }
    }
    expect(liveAt).toBeDefined();
    expect((liveAt as number) - backAt).toBeLessThanOrEqual(5000);
  });

  it('gives up on a token request the frozen hub never answers after the connect timeout, and retries', async () => {
    const h = harness({ connectTimeoutMs: 10_000 });
    h.setTokenAnswer(() => new Promise<TokenResult>(() => undefined));
    h.client.start();
    await h.run(9900);
    expect(h.client.status().state).toBe('connecting');
    await h.run(100);
    expect(h.client.status()).toMatchObject({ state: 'reconnecting' });
    expect(h.client.status().reason).toMatch(/no welcome within 10000 ms/);
    h.setTokenAnswer(async () => ({ ok: true, token: 'tok', expiresInSec: 3600 }));
    await h.run(4000);
    h.welcome();
    expect(h.client.status().state).toBe('live');
  });

  it('goes live at once when a frozen hub wakes up and answers the attempt already waiting on it', async () => {
    const h = harness();
    h.client.start();
    await flush();
    h.welcome();
    await h.run(2 * APP_HEARTBEAT_MS);
    expect(h.client.status().state).toBe('reconnecting');
    await h.run(1000);
    const pending = FakeSocket.last();
    await h.run(3000);
    // SIGCONT: the hub answers the upgrade that sat in its accept queue.
    h.welcome(pending);
    expect(h.client.status().state).toBe('live');
  });
});
