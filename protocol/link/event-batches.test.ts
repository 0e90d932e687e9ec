import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBoardState } from '../board/board-state';
import { FakeClock } from './fake-clock';
import { FakeSocket } from './fake-socket';
import { LinkClient } from './link-client';
import type { LinkEventMap } from './link-events';

const flush = () => new Promise<void>((resolve) => setImmediate(resolve));
const board = (seq: number) => ({ ...createBoardState(), seq });
const event = (tenant: string, seq: number, extra: Record<string, unknown> = {}) => ({
  type: 'event',
  tenant,
  seq,
  ts: 1_700_000_000_000 + seq,
  event: { type: 'alert', id: `e${seq}`, data: { severity: 'info', message: 'x' } },
  ...extra,
});
const batch = (...frames: Array<Record<string, unknown>>) => ({ type: 'events', frames });

async function live() {
  const clock = new FakeClock();
  const client = new LinkClient({
    url: 'ws://hub.test/v1/ws',
    WebSocket: FakeSocket,
    clock,
    random: () => 0.5,
    getToken: async () => ({ ok: true, token: 'tok', expiresInSec: 900 }),
  });
  const events: LinkEventMap['event'][] = [];
  const resyncs: LinkEventMap['resync'][] = [];
  const errors: LinkEventMap['error'][] = [];
  client.on('event', (e) => events.push(e));
  client.on('resync', (r) => resyncs.push(r));
  client.on('error', (e) => errors.push(e));
  client.start();
  await flush();
  const socket = FakeSocket.last();
  socket.welcome({ serverTime: clock.now(), tokenExp: Math.floor(clock.now() / 1000) + 900 });
  return { client, socket, events, resyncs, errors };
}

beforeEach(() => FakeSocket.reset());
afterEach(() => FakeSocket.reset());

describe('link client: events frames (ops.v1.batch)', () => {
  it('offers ops.v1.batch before ops.v1 (after ops.v1.batch.heartbeat, which includes batches)', async () => {
    const { socket } = await live();
    expect(socket.protocols).toEqual(['ops.v1.batch.heartbeat', 'ops.v1.batch', 'ops.v1']);
  });

  it('emits each event of a batch in order, as if they had arrived one by one, across tenants', async () => {
    const h = await live();
    h.client.subscribe('t1');
    h.client.subscribe('t2');
    h.socket.deliver({ type: 'snapshot', tenant: 't1', seq: 10, epoch: 'e', state: board(10) });
    h.socket.deliver({ type: 'snapshot', tenant: 't2', seq: 50, epoch: 'f', state: board(50) });
    h.socket.deliver(batch(event('t1', 11), event('t2', 51), event('t1', 12)));
    h.socket.deliver(event('t1', 13));
    h.socket.deliver(batch(event('t2', 52)));
    expect(h.events.map((e) => `${e.tenant}#${e.seq}`)).toEqual([
      't1#11',
      't2#51',
      't1#12',
      't1#13',
      't2#52',
    ]);
    expect(h.events[0]).toEqual({
      type: 'event',
      tenant: 't1',
      seq: 11,
      ts: 1_700_000_000_011,
      event: event('t1', 11).event,
    });
    expect(h.resyncs).toEqual([]);
    expect(h.errors).toEqual([]);
  });

  it('detects a seq gap across a batch boundary and resyncs, dropping the rest until the snapshot', async () => {
    const h = await live();
    h.client.subscribe('t1');
    h.socket.deliver({ type: 'snapshot', tenant: 't1', seq: 10, epoch: 'e', state: board(10) });
    h.socket.deliver(batch(event('t1', 11), event('t1', 12)));
    h.socket.deliver(batch(event('t1', 14), event('t1', 15)));
    expect(h.resyncs).toEqual([{ tenant: 't1', reason: expect.stringMatching(/had 12, got 14/) }]);
    expect(h.socket.sent.slice(-2)).toEqual([
      { type: 'unsubscribe', tenant: 't1' },
      { type: 'subscribe', tenant: 't1' },
    ]);
    h.socket.deliver({ type: 'snapshot', tenant: 't1', seq: 20, epoch: 'e', state: board(20) });
    h.socket.deliver(batch(event('t1', 21)));
    expect(h.events.map((e) => e.seq)).toEqual([11, 12, 21]);
  });

  it('detects a gap inside one batch', async () => {
    const h = await live();
    h.client.subscribe('t1');
    h.socket.deliver({ type: 'snapshot', tenant: 't1', seq: 10, epoch: 'e', state: board(10) });
    h.socket.deliver(batch(event('t1', 11), event('t1', 13), event('t1', 14)));
    expect(h.events.map((e) => e.seq)).toEqual([11]);
    expect(h.resyncs.length).toBe(1);
  });

  it('keeps prev semantics of filtered subscriptions inside a batch', async () => {
    const h = await live();
    h.client.subscribe('t1', { filter: { types: ['alert'] } });
    h.socket.deliver({ type: 'snapshot', tenant: 't1', seq: 10, epoch: 'e', state: board(10) });
    h.socket.deliver(batch(event('t1', 15, { prev: 10 }), event('t1', 18, { prev: 15 })));
    expect(h.events.map((e) => [e.seq, e.prev])).toEqual([
      [15, 10],
      [18, 15],
    ]);
    expect(h.resyncs).toEqual([]);
  });

  it('an empty or malformed batch is an error and changes nothing', async () => {
    const h = await live();
    h.client.subscribe('t1');
    h.socket.deliver({ type: 'snapshot', tenant: 't1', seq: 10, epoch: 'e', state: board(10) });
    h.socket.deliver(batch());
    h.socket.deliver(batch(event('t1', 11), { type: 'event', tenant: 't1', seq: 'x' }));
    expect(h.errors.map((e) => e.code)).toEqual(['bad_request', 'bad_request']);
    expect(h.events).toEqual([]);
    h.socket.deliver(event('t1', 11));
    expect(h.events.map((e) => e.seq)).toEqual([11]);
  });
});
