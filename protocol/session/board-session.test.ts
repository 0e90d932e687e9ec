import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBoardState, type BoardState } from '../board/board-state';
import type { BoardUpdate } from '../bridge/board-feed';
import { FakeClock } from '../link/fake-clock';
import { FakeSocket } from '../link/fake-socket';
import { LinkClient } from '../link/link-client';
import type { LinkStatus } from '../link/link-state';
import { BoardSession } from './board-session';
import { MemorySnapshotStore, type CachedSnapshot } from './snapshot-store';

const flush = () => new Promise<void>((resolve) => setImmediate(resolve));
const board = (seq: number): BoardState => ({ ...createBoardState(), seq });
const eventFrame = (seq: number, ts = 1_700_000_000_000) => ({
  type: 'event',
  tenant: 't1',
  seq,
  ts,
  event: {
    type: 'order.placed',
    id: `o${seq}`,
    location: 'x',
    data: { orderId: `o${seq}`, channel: 'dine_in', items: [], total: 100, currency: 'USD' },
  },
});

function setup(cached?: CachedSnapshot) {
  const clock = new FakeClock();
  const store = new MemorySnapshotStore();
  if (cached) store.entries.set('t1', cached);
  const link = new LinkClient({
    url: 'ws://hub/v1/ws',
    WebSocket: FakeSocket,
    clock,
    random: () => 0.5,
    getToken: async () => ({ ok: true, token: 'tok', expiresInSec: 900 }),
  });
  const errors: unknown[] = [];
  const session = new BoardSession({
    link,
    store,
    clock,
    flushMs: 50,
    maxBatch: 100,
    saveIntervalMs: 2000,
    onError: (e) => errors.push(e),
  });
  const updates: BoardUpdate[] = [];
  const connect = async () => {
    link.start();
    await flush();
    FakeSocket.last().welcome({
      serverTime: clock.now(),
      tokenExp: Math.floor(clock.now() / 1000) + 900,
    });
    return FakeSocket.last();
  };
  return { clock, store, link, session, updates, errors, connect };
}

beforeEach(() => FakeSocket.reset());
afterEach(() => FakeSocket.reset());

describe('board session', () => {
  it('first paint comes from the cache, marked stale as of its save time, before the network', async () => {
    const h = setup({ seq: 7, epoch: 'e', savedAt: 1234, state: board(7) });
    h.session.subscribe('t1', (u) => h.updates.push(u));
    await h.session.ready('t1');
    expect(h.updates[0]).toMatchObject({ kind: 'freshness', freshness: 'loading' });
    expect(h.updates[1]).toMatchObject({
      kind: 'reset',
      seq: 7,
      epoch: 'e',
      freshness: 'stale',
      asOf: 1234,
      staleSince: 1234,
    });
    expect(FakeSocket.instances.length).toBe(0);
    const socket = await h.connect();
    // The hub is asked to resume from the cached position.
    expect(socket.sentOfType('subscribe')).toEqual([
      { type: 'subscribe', tenant: 't1', resumeFrom: 7, epoch: 'e' },
    ]);
    socket.deliver(eventFrame(8));
    socket.deliver({ type: 'resumed', tenant: 't1', seq: 8, epoch: 'e' });
    expect(h.updates.slice(2)).toEqual([
      { kind: 'events', tenant: 't1', events: [expect.objectContaining({ seq: 8 })] },
      { kind: 'freshness', tenant: 't1', freshness: 'live', staleSince: null, asOf: h.clock.now() },
    ]);
  });

  it('a snapshot becomes a live reset; a burst of 500 events becomes a handful of batches, in order', async () => {
    const h = setup();
    h.session.subscribe('t1', (u) => h.updates.push(u));
    await h.session.ready('t1');
    const socket = await h.connect();
    socket.deliver({ type: 'snapshot', tenant: 't1', seq: 0, epoch: 'e', state: board(0) });
    expect(h.updates.at(-1)).toMatchObject({
      kind: 'reset',
      freshness: 'live',
      staleSince: null,
      seq: 0,
    });
    for (let seq = 1; seq <= 500; seq += 1) socket.deliver(eventFrame(seq));
    h.clock.advance(50);
    const batches = h.updates.filter(
      (u): u is Extract<BoardUpdate, { kind: 'events' }> => u.kind === 'events',
    );
    expect(batches.length).toBe(5);
    expect(batches.flatMap((b) => b.events.map((e) => e.seq))).toEqual(
      Array.from({ length: 500 }, (_, i) => i + 1),
    );
  });

  it('an events frame from a batching hub reaches the board as its events, in order', async () => {
    const h = setup();
    h.session.subscribe('t1', (u) => h.updates.push(u));
    await h.session.ready('t1');
    const socket = await h.connect();
    socket.deliver({ type: 'snapshot', tenant: 't1', seq: 0, epoch: 'e', state: board(0) });
    socket.deliver({ type: 'events', frames: [eventFrame(1), eventFrame(2), eventFrame(3)] });
    socket.deliver(eventFrame(4));
    h.clock.advance(50);
    const events = h.updates.flatMap((u) => (u.kind === 'events' ? u.events : []));
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
  });

  it('a few events wait at most flushMs', async () => {
    const h = setup();
    h.session.subscribe('t1', (u) => h.updates.push(u));
    await h.session.ready('t1');
    const socket = await h.connect();
    socket.deliver({ type: 'snapshot', tenant: 't1', seq: 0, epoch: 'e', state: board(0) });
    socket.deliver(eventFrame(1));
    socket.deliver(eventFrame(2));
    h.clock.advance(49);
    expect(h.updates.filter((u) => u.kind === 'events')).toEqual([]);
    h.clock.advance(1);
    expect(h.updates.filter((u) => u.kind === 'events').length).toBe(1);
  });

  it('freshness follows the link: stale when it drops, resyncing on a gap, live on resume', async () => {
    const h = setup();
    h.session.subscribe('t1', (u) => h.updates.push(u));
    await h.session.ready('t1');
    let socket = await h.connect();
    socket.deliver({ type: 'snapshot', tenant: 't1', seq: 0, epoch: 'e', state: board(0) });
    socket.deliver(eventFrame(1));
    const droppedAt = h.clock.now();
    socket.serverClose(1006);
    expect(h.updates.at(-1)).toEqual({
      kind: 'freshness',
      tenant: 't1',
      freshness: 'stale',
      staleSince: droppedAt,
      asOf: droppedAt,
    });
    h.clock.advance(250);
    await flush();
    socket = FakeSocket.last();
    socket.welcome({ serverTime: h.clock.now(), tokenExp: Math.floor(h.clock.now() / 1000) + 900 });
    socket.deliver(eventFrame(5));
    expect(h.updates.at(-1)).toMatchObject({
      kind: 'freshness',
      freshness: 'resyncing',
      staleSince: droppedAt,
    });
    socket.deliver({ type: 'snapshot', tenant: 't1', seq: 9, epoch: 'e', state: board(9) });
    expect(h.updates.at(-1)).toMatchObject({ kind: 'reset', seq: 9, freshness: 'live' });
  });

  it('windows share one hub subscription; a late window starts from the current board', async () => {
    const h = setup();
    const first: BoardUpdate[] = [];
    const second: BoardUpdate[] = [];
    const offA = h.session.subscribe('t1', (u) => first.push(u));
    await h.session.ready('t1');
    const socket = await h.connect();
    socket.deliver({ type: 'snapshot', tenant: 't1', seq: 0, epoch: 'e', state: board(0) });
    socket.deliver(eventFrame(1));
    const offB = h.session.subscribe('t1', (u) => second.push(u));
    expect(second[0]).toMatchObject({ kind: 'reset', seq: 1 });
    expect(first.at(-1)).toMatchObject({ kind: 'events' });
    expect(socket.sentOfType('subscribe').length).toBe(1);
    offA();
    expect(socket.sentOfType('unsubscribe').length).toBe(0);
    offB();
    expect(socket.sentOfType('unsubscribe')).toEqual([{ type: 'unsubscribe', tenant: 't1' }]);
  });

  it('writes the cache at most every 2 s, and on flush', async () => {
    const h = setup();
    const saves: number[] = [];
    const save = h.store.save.bind(h.store);
    h.store.save = async (tenant, snap) => {
      saves.push(snap.seq);
      await save(tenant, snap);
    };
    h.session.subscribe('t1', () => undefined);
    await h.session.ready('t1');
    const socket = await h.connect();
    socket.deliver({ type: 'snapshot', tenant: 't1', seq: 0, epoch: 'e', state: board(0) });
    h.clock.advance(0);
    for (let seq = 1; seq <= 30; seq += 1) {
      socket.deliver(eventFrame(seq));
      h.clock.advance(100);
    }
    await flush();
    expect(saves).toEqual([0, 20]);
    socket.deliver(eventFrame(31));
    await h.session.flush();
    expect(saves).toEqual([0, 20, 31]);
    expect((await h.store.load('t1'))?.state.seq).toBe(31);
  });

  it('discard() deletes the cache and stops the feeds', async () => {
    const h = setup({ seq: 1, epoch: 'e', savedAt: 1, state: board(1) });
    h.session.subscribe('t1', () => undefined);
    await h.session.ready('t1');
    await h.session.discard();
    expect(await h.store.load('t1')).toBeNull();
  });

  it('discard() waits for a cache write already under way, so no cache survives sign-out', async () => {
    const h = setup();
    let landWrite: () => void = () => undefined;
    const save = h.store.save.bind(h.store);
    h.store.save = (tenant, snap) =>
      new Promise<void>((resolve) => {
        landWrite = () => void save(tenant, snap).then(resolve);
      });
    h.session.subscribe('t1', () => undefined);
    await h.session.ready('t1');
    const socket = await h.connect();
    socket.deliver({ type: 'snapshot', tenant: 't1', seq: 3, epoch: 'e', state: board(3) });
    h.clock.advance(0);
    await flush();
    const discarded = h.session.discard();
    await flush();
    landWrite();
    await discarded;
    expect(await h.store.load('t1')).toBeNull();
  });

  it('status listeners see every link transition', async () => {
    const h = setup();
    const seen: LinkStatus[] = [];
    h.session.onStatus((s) => seen.push(s));
    await h.connect();
    expect(seen.map((s) => s.state)).toEqual(['connecting', 'live']);
  });

  it('rejects a bad tenant id', () => {
    const h = setup();
    expect(() => h.session.subscribe('../etc', () => undefined)).toThrow(/not a tenant id/);
  });
});
