import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../../protocol/link/fake-clock';
import { FakeSocket } from '../../protocol/link/fake-socket';
import type { TokenResult } from '../../protocol/link/token-keeper';
import { probeLink } from './link-probe';

const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

function probe(answer: TokenResult, timeoutMs = 5000) {
  const clock = new FakeClock();
  const result = probeLink({
    hubUrl: 'http://hub.test',
    getToken: async () => answer,
    WebSocket: FakeSocket,
    clock,
    timeoutMs,
  });
  return { clock, result };
}

const token: TokenResult = { ok: true, token: 'tok', expiresInSec: 900 };

beforeEach(() => FakeSocket.reset());
afterEach(() => FakeSocket.reset());

describe('probeLink', () => {
  it('reports live once the hub welcomes the link, then closes it and leaves no timer', async () => {
    const { clock, result } = probe(token);
    await flush();
    const socket = FakeSocket.last();
    expect(socket.url).toBe('ws://hub.test/v1/ws?access_token=tok');
    socket.welcome({ serverTime: clock.now(), tokenExp: Math.floor(clock.now() / 1000) + 900 });
    expect(await result).toEqual({ state: 'live', reason: 'welcome received' });
    expect(socket.closedByClient?.code).toBe(1000);
    expect(clock.pending()).toBe(0);
  });

  it('reports auth_required when the token endpoint refuses the credential, without opening a socket', async () => {
    const { result } = probe({
      ok: false,
      code: 'unauthorized',
      message: 'the hub refused the credential (HTTP 401)',
    });
    expect(await result).toEqual({
      state: 'auth_required',
      reason: expect.stringMatching(/HTTP 401/),
    });
    expect(FakeSocket.instances).toEqual([]);
  });

  it('reports unreachable with the reason when the hub cannot be reached', async () => {
    const { result } = probe({
      ok: false,
      code: 'unavailable',
      message: 'cannot reach http://hub.test: ECONNREFUSED',
    });
    expect(await result).toEqual({
      state: 'unreachable',
      reason: expect.stringMatching(/ECONNREFUSED/),
    });
  });

  it('reports unreachable when the WebSocket is refused or never welcomes', async () => {
    const refused = probe(token);
    await flush();
    FakeSocket.last().serverClose(4003, 'revoked');
    expect(await refused.result).toMatchObject({
      state: 'auth_required',
      reason: expect.stringMatching(/4003/),
    });

    const silent = probe(token, 3000);
    await flush();
    silent.clock.advance(3000);
    expect(await silent.result).toEqual({
      state: 'unreachable',
      reason: expect.stringMatching(/no welcome within 3000 ms/),
    });
  });
});
