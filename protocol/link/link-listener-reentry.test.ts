import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeClock } from './fake-clock';
import { FakeSocket } from './fake-socket';
import { LinkClient } from './link-client';
import type { TokenResult } from './token-keeper';

const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

function link(token: () => TokenResult = () => ({ ok: true, token: 't', expiresInSec: 900 })) {
  const clock = new FakeClock();
  const thrown: unknown[] = [];
  const client = new LinkClient({
    url: 'ws://hub.test/v1/ws',
    WebSocket: FakeSocket,
    clock,
    random: () => 0.5,
    getToken: async () => token(),
    onListenerError: (error) => thrown.push(error),
  });
  const states: string[] = [];
  client.on('state', ({ to }) => states.push(to));
  return { clock, client, thrown, states };
}

beforeEach(() => FakeSocket.reset());
afterEach(() => FakeSocket.reset());

describe('link client: listeners that change the link while it is changing', () => {
  it('stays stopped when an error listener stops it on the way to auth_required', async () => {
    const { client, thrown, states } = link(() => ({
      ok: false,
      code: 'unauthorized',
      message: 'revoked',
    }));
    client.on('error', () => client.stop('signed out'));
    client.start();
    await flush();
    expect(client.status().state).toBe('stopped');
    expect(states).toEqual(['connecting', 'stopped']);
    expect(thrown).toEqual([]);
  });

  it('opens no socket when a token listener stops the link', async () => {
    const { client, thrown } = link();
    client.on('token', () => client.stop('not now'));
    client.start();
    await flush();
    expect(FakeSocket.instances).toEqual([]);
    expect(client.status().state).toBe('stopped');
    expect(thrown).toEqual([]);
  });

  it('reports a close that throws after the transition, so stopping in reaction is safe', async () => {
    const { clock, client, thrown, states } = link();
    client.start();
    await flush();
    const socket = FakeSocket.last();
    socket.welcome({ serverTime: clock.now(), tokenExp: Math.floor(clock.now() / 1000) + 900 });
    socket.close = () => {
      throw new Error('close failed');
    };
    const errors: string[] = [];
    client.on('error', ({ code }) => {
      errors.push(code);
      client.stop('gave up');
    });
    client.setNetworkOnline(false);
    expect(errors).toEqual([]);
    clock.advance(0);
    expect(errors).toEqual(['socket_close_failed']);
    expect(states).toEqual(['connecting', 'live', 'offline', 'stopped']);
    expect(thrown).toEqual([]);
  });
});
