import { reduce, WS_PATH } from '../../../protocol';
import type { BoardState, BoardUpdate, Freshness, LinkStatus, SequencedEvent } from '../../../protocol';
import { LinkClient } from '../../../protocol/link';
import type { SocketConstructor } from '../../../protocol/link';
import type { HeldToken } from './held-token';
import { IndexedDbSnapshotStore } from './indexeddb-snapshot-store';

/** Events are batched this long before they go to the tabs, ms: a burst becomes a few messages, not hundreds. */
const COALESCE_MS = 30;
/** A tenant's board is written to IndexedDB at most this often while live, ms (and at once when the link drops). */
const SAVE_EVERY_MS = 2000;

export interface BoardSession {
  /** Starts (or shares) a tenant's feed; `send` gets a `reset` as soon as there is anything to show. */
  subscribe(tenant: string, send: (update: BoardUpdate) => void): () => void;
  /** Starts the link again after a new sign-in. */
  restart(): void;
  close(options: { clearCache: boolean }): Promise<void>;
}

export interface BoardSessionOptions {
  hubUrl: string;
  profileId: string;
  token: HeldToken;
  onStatus(status: LinkStatus): void;
}

interface TenantFeed {
  tenant: string;
  state: BoardState | null;
  epoch: string;
  asOf: number;
  freshness: Freshness;
  staleSince: number | null;
  listeners: Set<(update: BoardUpdate) => void>;
  pending: SequencedEvent[];
  flushTimer: ReturnType<typeof setTimeout> | null;
  lastSavedAt: number;
  releaseLink: (() => void) | null;
}

/**
 * One profile's session in the link worker: merges the IndexedDB cache and the
 * protocol/ link client into per-tenant `BoardUpdate` streams, shared by every
 * tab that watches the tenant. The cached board is shown first (stale, with its
 * age); the link resumes from the cached seq and epoch.
 */
export function startBoardSession(options: BoardSessionOptions): BoardSession {
  const store = new IndexedDbSnapshotStore(options.profileId);
  const feeds = new Map<string, TenantFeed>();
  const link = new LinkClient({ url: wsUrl(options.hubUrl), WebSocket: WebSocket as unknown as SocketConstructor, getToken: options.token.source });

  const broadcast = (feed: TenantFeed, update: BoardUpdate) => feed.listeners.forEach((send) => send(update));
  const resetOf = (feed: TenantFeed, state: BoardState): BoardUpdate => ({
    kind: 'reset',
    tenant: feed.tenant,
    state,
    seq: state.seq,
    epoch: feed.epoch,
    freshness: feed.freshness,
    asOf: feed.asOf,
    staleSince: feed.staleSince,
  });

  function save(feed: TenantFeed): void {
    if (!feed.state || !feed.epoch) return;
    feed.lastSavedAt = Date.now();
    void store.save({ tenant: feed.tenant, seq: feed.state.seq, epoch: feed.epoch, savedAt: feed.asOf, state: feed.state });
  }

  function flush(feed: TenantFeed): void {
    if (feed.flushTimer !== null) clearTimeout(feed.flushTimer);
    feed.flushTimer = null;
    if (feed.pending.length === 0) return;
    const events = feed.pending;
    feed.pending = [];
    broadcast(feed, { kind: 'events', tenant: feed.tenant, events });
    options.onStatus(link.status());
    if (Date.now() - feed.lastSavedAt >= SAVE_EVERY_MS) save(feed);
  }

  function setFreshness(feed: TenantFeed, freshness: Freshness, staleSince: number | null): void {
    if (feed.freshness === freshness) return;
    flush(feed);
    feed.freshness = freshness;
    feed.staleSince = staleSince;
    broadcast(feed, { kind: 'freshness', tenant: feed.tenant, freshness, staleSince, asOf: feed.asOf });
  }

  link.on('state', ({ status }) => {
    options.onStatus(status);
    if (status.state === 'live') return;
    const now = Date.now();
    for (const feed of feeds.values()) {
      if (feed.freshness !== 'live') continue;
      feed.asOf = now;
      setFreshness(feed, 'stale', now);
      save(feed);
    }
  });
  link.on('snapshot', ({ tenant, epoch, state }) => {
    const feed = feeds.get(tenant);
    if (!feed) return;
    if (feed.flushTimer !== null) clearTimeout(feed.flushTimer);
    feed.flushTimer = null;
    feed.pending = [];
    feed.state = state;
    feed.epoch = epoch;
    feed.asOf = Date.now();
    feed.freshness = 'live';
    feed.staleSince = null;
    broadcast(feed, resetOf(feed, state));
    save(feed);
  });
  link.on('resumed', ({ tenant, epoch }) => {
    const feed = feeds.get(tenant);
    if (!feed) return;
    feed.epoch = epoch;
    feed.asOf = Date.now();
    setFreshness(feed, 'live', null);
  });
  link.on('event', ({ tenant, seq, ts, event }) => {
    const feed = feeds.get(tenant);
    if (!feed?.state) return;
    const record: SequencedEvent = { seq, ts, event };
    feed.state = reduce(feed.state, record);
    if (feed.freshness === 'live') feed.asOf = Date.now();
    feed.pending.push(record);
    if (feed.flushTimer === null) feed.flushTimer = setTimeout(() => flush(feed), COALESCE_MS);
  });
  link.on('resync', ({ tenant }) => {
    const feed = feeds.get(tenant);
    if (feed) setFreshness(feed, 'resyncing', feed.staleSince ?? Date.now());
  });
  link.on('error', ({ tenant, code, message }) => {
    const feed = tenant ? feeds.get(tenant) : undefined;
    if (feed) broadcast(feed, { kind: 'error', tenant: feed.tenant, code, message });
    else console.warn(`[ops-console] link: ${code}: ${message}`);
  });

  const onOnline = () => link.setNetworkOnline(true);
  const onOffline = () => link.setNetworkOnline(false);
  globalThis.addEventListener('online', onOnline);
  globalThis.addEventListener('offline', onOffline);

  async function openFeed(feed: TenantFeed): Promise<void> {
    const cached = await store.load(feed.tenant);
    if (!feeds.has(feed.tenant) || feeds.get(feed.tenant) !== feed) return;
    if (cached && !feed.state) {
      feed.state = cached.state;
      feed.epoch = cached.epoch;
      feed.asOf = cached.savedAt;
      feed.freshness = 'stale';
      feed.staleSince = cached.savedAt;
      broadcast(feed, resetOf(feed, cached.state));
    }
    feed.releaseLink = link.subscribe(feed.tenant, cached ? { resumeFrom: { seq: cached.seq, epoch: cached.epoch } } : {});
  }

  if (options.token.present()) link.start();

  return {
    subscribe(tenant, send) {
      let feed = feeds.get(tenant);
      if (!feed) {
        feed = { tenant, state: null, epoch: '', asOf: 0, freshness: 'loading', staleSince: null, listeners: new Set(), pending: [], flushTimer: null, lastSavedAt: 0, releaseLink: null };
        feeds.set(tenant, feed);
        void openFeed(feed);
      } else if (feed.state) {
        flush(feed);
        send(resetOf(feed, feed.state));
      }
      const current = feed;
      current.listeners.add(send);
      return () => {
        if (!current.listeners.delete(send) || current.listeners.size > 0) return;
        flush(current);
        save(current);
        current.releaseLink?.();
        feeds.delete(tenant);
      };
    },
    restart() {
      link.start();
    },
    async close({ clearCache }) {
      globalThis.removeEventListener('online', onOnline);
      globalThis.removeEventListener('offline', onOffline);
      link.stop('signed out');
      for (const feed of feeds.values()) {
        if (feed.flushTimer !== null) clearTimeout(feed.flushTimer);
        if (!clearCache) save(feed);
      }
      feeds.clear();
      if (clearCache) await store.clear();
    },
  };
}

function wsUrl(hubUrl: string): string {
  const url = new URL(WS_PATH, hubUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}
