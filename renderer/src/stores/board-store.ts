import { createStore, type StoreApi } from 'zustand/vanilla';
import type { BoardUpdate } from '../../../protocol/bridge/board-feed';
import type { HostBridge } from '../../../protocol/bridge/host-bridge';
import { applyBoardUpdates, emptyBoardView, type BoardView } from './board-view';
import { browserFrameScheduler, type FrameScheduler } from './frame-scheduler';

/**
 * Per-tenant board stores fed by `bridge.boards.subscribe`. Incoming updates are
 * buffered and applied once per animation frame, so a burst of hundreds of
 * events costs one store change and at most one React render per frame.
 */

export type BoardStore = StoreApi<BoardView>;

export interface BoardFeed {
  store: BoardStore;
  /** Buffers an update and schedules a flush on the next frame. */
  push(update: BoardUpdate): void;
  /** Applies everything buffered now (called by the frame; exposed for tests and teardown). */
  flush(): void;
  dispose(): void;
}

export interface BoardFeedOptions {
  scheduler?: FrameScheduler;
  now?: () => number;
}

/** Creates one tenant's store with its frame-coalescing buffer. Not yet connected to a host. */
export function createBoardFeed(tenant: string, options: BoardFeedOptions = {}): BoardFeed {
  const scheduler = options.scheduler ?? browserFrameScheduler;
  const now = options.now ?? Date.now;
  const store = createStore<BoardView>(() => emptyBoardView(tenant));
  let buffer: BoardUpdate[] = [];
  let frame: number | null = null;

  function flush(): void {
    frame = null;
    if (buffer.length === 0) return;
    const batch = buffer;
    buffer = [];
    const current = store.getState();
    const next = applyBoardUpdates(current, batch, now());
    if (next !== current) store.setState(next, true);
  }

  return {
    store,
    push(update) {
      buffer.push(update);
      if (frame === null) frame = scheduler.request(flush);
    },
    flush,
    dispose() {
      if (frame !== null) scheduler.cancel(frame);
      frame = null;
      buffer = [];
    },
  };
}

export interface BoardStoreRegistry {
  /** The tenant's store, created on first call. Pure lookup: does not subscribe to the host. */
  storeFor(tenant: string): BoardStore;
  /**
   * Subscribes the tenant's store to the host while held. Returns the release
   * function; the last release unsubscribes and clears the view, so a later
   * holder never sees old data labelled live.
   */
  retain(tenant: string): () => void;
  /** How many holders a tenant has; for tests and diagnostics. */
  holders(tenant: string): number;
}

/**
 * Shares one store and one host subscription per tenant among all components of
 * a window.
 */
export function createBoardStoreRegistry(
  bridge: HostBridge,
  options: BoardFeedOptions = {},
): BoardStoreRegistry {
  const feeds = new Map<string, BoardFeed>();
  const subscriptions = new Map<string, { holders: number; unsubscribe: () => void }>();
  const feedFor = (tenant: string): BoardFeed => {
    let feed = feeds.get(tenant);
    if (!feed) {
      feed = createBoardFeed(tenant, options);
      feeds.set(tenant, feed);
    }
    return feed;
  };
  return {
    storeFor: (tenant) => feedFor(tenant).store,
    retain(tenant) {
      const feed = feedFor(tenant);
      let entry = subscriptions.get(tenant);
      if (!entry) {
        entry = {
          holders: 0,
          unsubscribe: bridge.boards.subscribe(tenant, (update) => feed.push(update)),
        };
        subscriptions.set(tenant, entry);
      }
      entry.holders += 1;
      const held = entry;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        held.holders -= 1;
        if (held.holders > 0) return;
        held.unsubscribe();
        subscriptions.delete(tenant);
        feed.dispose();
        feed.store.setState(emptyBoardView(tenant), true);
      };
    },
    holders: (tenant) => subscriptions.get(tenant)?.holders ?? 0,
  };
}
