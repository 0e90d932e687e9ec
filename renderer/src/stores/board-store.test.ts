import { describe, expect, it } from 'vitest';
import { createBoardState } from '../../../protocol/board';
import type { BoardUpdate } from '../../../protocol/bridge/board-feed';
import { receiveBoardUpdate } from '../../../protocol/bridge/board-update-schema';
import type { SequencedEvent } from '../../../protocol/events';
import { createFixtureHost, FIXTURE_NOW } from '../fixtures/fixture-host';
import { createBoardFeed, createBoardStoreRegistry } from './board-store';
import { createManualFrameScheduler } from './frame-scheduler';

const TENANT = 'cedar-group';

function reset(overrides: Partial<Extract<BoardUpdate, { kind: 'reset' }>> = {}): BoardUpdate {
  return {
    kind: 'reset',
    tenant: TENANT,
    state: createBoardState({ currency: 'LBP' }),
    seq: 0,
    epoch: 'e1',
    freshness: 'live',
    asOf: 1000,
    staleSince: null,
    ...overrides,
  };
}

function placed(seq: number, orderId: string, total = 450_000): SequencedEvent {
  return {
    seq,
    ts: FIXTURE_NOW + seq,
    event: {
      type: 'order.placed',
      id: `ev-${seq}`,
      location: 'beirut-downtown',
      data: {
        orderId,
        channel: 'dine_in',
        items: [{ sku: 'S', name: 'Shawarma', qty: 1, unitPrice: total }],
        total,
        currency: 'LBP',
      },
    },
  };
}

describe('board feed', () => {
  it('replaces the state on reset and applies events with the shared reducer', () => {
    const frames = createManualFrameScheduler();
    const feed = createBoardFeed(TENANT, { scheduler: frames, now: () => 5 });
    feed.push(reset());
    feed.push({
      kind: 'events',
      tenant: TENANT,
      events: [placed(1, '#1'), placed(2, '#2', 300_000)],
    });
    frames.runFrame();
    const view = feed.store.getState();
    expect(view.freshness).toBe('live');
    expect(view.state?.totals.orders).toBe(2);
    expect(view.state?.totals.revenue.LBP).toBe(750_000);
    expect(Object.keys(view.state?.openOrders ?? {})).toEqual(['#1', '#2']);

    feed.push(reset({ state: createBoardState({ currency: 'LBP' }), epoch: 'e2' }));
    frames.runFrame();
    expect(feed.store.getState().state?.totals.orders).toBe(0);
    expect(feed.store.getState().epoch).toBe('e2');
  });

  it('updates freshness, stale time and asOf without touching the state', () => {
    const frames = createManualFrameScheduler();
    const feed = createBoardFeed(TENANT, { scheduler: frames });
    feed.push(reset());
    feed.push({ kind: 'events', tenant: TENANT, events: [placed(1, '#1')] });
    frames.runFrame();
    const before = feed.store.getState().state;
    feed.push({
      kind: 'freshness',
      tenant: TENANT,
      freshness: 'stale',
      staleSince: 2000,
      asOf: 1500,
    });
    frames.runFrame();
    const view = feed.store.getState();
    expect(view).toMatchObject({ freshness: 'stale', staleSince: 2000, asOf: 1500 });
    expect(view.state).toBe(before);
  });

  it('coalesces a burst of updates into one store change per animation frame', () => {
    const frames = createManualFrameScheduler();
    const feed = createBoardFeed(TENANT, { scheduler: frames });
    let changes = 0;
    feed.store.subscribe(() => {
      changes += 1;
    });
    feed.push(reset());
    for (let seq = 1; seq <= 300; seq += 1)
      feed.push({ kind: 'events', tenant: TENANT, events: [placed(seq, `#${seq}`)] });
    expect(frames.pending()).toBe(1);
    expect(changes).toBe(0);
    frames.runFrame();
    expect(changes).toBe(1);
    expect(feed.store.getState().state?.totals.orders).toBe(300);
    frames.runFrame();
    expect(changes).toBe(1);
  });

  it('keeps the last good board when a reset fails validation where it enters the window, and reports it', () => {
    const frames = createManualFrameScheduler();
    const feed = createBoardFeed(TENANT, { scheduler: frames });
    feed.push(reset());
    feed.push({ kind: 'events', tenant: TENANT, events: [placed(1, '#1')] });
    frames.runFrame();
    const good = feed.store.getState().state;
    feed.push(receiveBoardUpdate(TENANT, { ...reset(), state: { version: 1, seq: 3 } }));
    frames.runFrame();
    expect(feed.store.getState().state).toBe(good);
    expect(feed.store.getState().error?.code).toBe('bad_state');
  });

  it('drops malformed events where they enter the window, and events for another tenant, without crashing', () => {
    const frames = createManualFrameScheduler();
    const feed = createBoardFeed(TENANT, { scheduler: frames });
    feed.push(reset());
    feed.push(
      receiveBoardUpdate(TENANT, {
        kind: 'events',
        tenant: TENANT,
        events: [{ seq: 1 }, placed(2, '#2')],
      }),
    );
    feed.push({ kind: 'events', tenant: 'someone-else', events: [placed(3, '#3')] });
    frames.runFrame();
    expect(Object.keys(feed.store.getState().state?.openOrders ?? {})).toEqual(['#2']);
  });

  it('ignores events that arrive before the first reset', () => {
    const frames = createManualFrameScheduler();
    const feed = createBoardFeed(TENANT, { scheduler: frames });
    feed.push({ kind: 'events', tenant: TENANT, events: [placed(1, '#1')] });
    frames.runFrame();
    expect(feed.store.getState().state).toBeNull();
    expect(feed.store.getState().freshness).toBe('loading');
  });
});

describe('board store registry', () => {
  it('shares one host subscription per tenant and drops it after the last release', async () => {
    const host = createFixtureHost({ now: () => FIXTURE_NOW });
    const frames = createManualFrameScheduler();
    const registry = createBoardStoreRegistry(host, { scheduler: frames });
    const releaseA = registry.retain(TENANT);
    const releaseB = registry.retain(TENANT);
    expect(host.control.subscriberCount(TENANT)).toBe(1);
    await Promise.resolve();
    frames.runFrame();
    expect(registry.storeFor(TENANT).getState().state?.seq).toBeGreaterThan(100);
    releaseA();
    expect(host.control.subscriberCount(TENANT)).toBe(1);
    releaseB();
    expect(host.control.subscriberCount(TENANT)).toBe(0);
    expect(registry.storeFor(TENANT).getState().state).toBeNull();
  });
});
