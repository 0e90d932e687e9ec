import type { BoardUpdate } from '../bridge/board-feed';
import { systemClock, type Clock } from '../link/clock';
import type { LinkClient } from '../link/link-client';
import type { LinkStatus } from '../link/link-state';
import { TenantFeed } from './tenant-feed';
import { assertTenantKey, type SnapshotStore } from './snapshot-store';

export interface BoardSessionOptions {
  /** The profile's link; the session subscribes tenants on it and listens to it. */
  link: LinkClient;
  /** The profile's cache. */
  store: SnapshotStore;
  clock?: Clock;
  /** Cache writes per tenant at most this often, ms. Default 2000. */
  saveIntervalMs?: number;
  /** Longest a live event waits to be batched, ms. Default 50. */
  flushMs?: number;
  /** Batch size that is handed on at once. Default 250. */
  maxBatch?: number;
  /** Status updates caused only by events (lastEventAt, lag) at most this often, ms. Default 1000. */
  statusIntervalMs?: number;
  /** Problems worth a log line: cache failures, hub errors. */
  onError?(error: { code: string; message: string; tenant?: string }): void;
}

/**
 * The environment-agnostic half of a host's session for one hub profile: it
 * merges the snapshot cache and the link into per-tenant `BoardUpdate` streams,
 * reference-counted across windows, plus the link status. Electron core and the
 * browser host's SharedWorker each wrap one per profile.
 */
export class BoardSession {
  private readonly feeds = new Map<
    string,
    { feed: TenantFeed; refs: number; release?: () => void; ready: Promise<void> }
  >();
  private readonly statusListeners = new Set<(status: LinkStatus) => void>();
  private readonly unlisten: Array<() => void> = [];
  private readonly clock: Clock;
  private lastStatusAt = 0;

  constructor(private readonly options: BoardSessionOptions) {
    this.clock = options.clock ?? systemClock();
    const { link } = options;
    this.unlisten.push(
      link.on('state', ({ to, status }) => {
        if (to !== 'live') for (const { feed } of this.feeds.values()) feed.linkDown();
        this.emitStatus(status);
      }),
      link.on('snapshot', ({ tenant, seq, epoch, state }) =>
        this.feeds.get(tenant)?.feed.snapshot(seq, epoch, state),
      ),
      link.on('resumed', ({ tenant, epoch }) => this.feeds.get(tenant)?.feed.resumed(epoch)),
      link.on('event', ({ tenant, seq, ts, event }) => {
        this.feeds.get(tenant)?.feed.event({ seq, ts, event });
        if (this.clock.now() - this.lastStatusAt >= (options.statusIntervalMs ?? 1000))
          this.emitStatus(link.status());
      }),
      link.on('resync', ({ tenant }) => this.feeds.get(tenant)?.feed.resyncing()),
      link.on('error', (error) => {
        if (error.tenant) this.feeds.get(error.tenant)?.feed.error(error.code, error.message);
        options.onError?.(error);
      }),
    );
  }

  /**
   * Starts (or shares) a tenant's feed. `onUpdate` gets a `reset` (or `loading`)
   * at once, then coalesced `events` batches and freshness changes. The cache is
   * read before the tenant is subscribed on the link, so first paint comes from
   * it and the hub can resume from its seq. Returns an unsubscribe function.
   * @throws TypeError when `tenant` is not a tenant id.
   */
  subscribe(tenant: string, onUpdate: (update: BoardUpdate) => void): () => void {
    assertTenantKey(tenant);
    let slot = this.feeds.get(tenant);
    if (!slot) {
      const feed = new TenantFeed({
        tenant,
        clock: this.clock,
        store: this.options.store,
        saveIntervalMs: this.options.saveIntervalMs,
        flushMs: this.options.flushMs,
        maxBatch: this.options.maxBatch,
        onError: (error) => this.options.onError?.(error),
      });
      const created: {
        feed: TenantFeed;
        refs: number;
        release?: () => void;
        ready: Promise<void>;
      } = { feed, refs: 0, ready: Promise.resolve() };
      created.ready = this.openFeed(tenant, created);
      slot = created;
      this.feeds.set(tenant, slot);
    }
    slot.refs += 1;
    const removeListener = slot.feed.addListener(onUpdate);
    const owned = slot;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      removeListener();
      owned.refs -= 1;
      if (owned.refs > 0 || this.feeds.get(tenant) !== owned) return;
      this.feeds.delete(tenant);
      owned.release?.();
      void owned.feed.flush();
    };
  }

  /** Resolves once a tenant's cache was read and its link subscription made. */
  async ready(tenant: string): Promise<void> {
    await this.feeds.get(tenant)?.ready;
  }

  /** Tenants with at least one subscriber. */
  tenants(): string[] {
    return [...this.feeds.keys()];
  }

  status(): LinkStatus {
    return this.options.link.status();
  }

  /** Called on every link state change, and at most once a second as events arrive. Returns an unsubscribe function. */
  onStatus(listener: (status: LinkStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => {
      this.statusListeners.delete(listener);
    };
  }

  /** Hands on pending events and writes every changed cache entry now (on quit). */
  async flush(): Promise<void> {
    await Promise.all([...this.feeds.values()].map(({ feed }) => feed.flush()));
  }

  /** Flushes, then detaches from the link. The link itself is the caller's to stop. */
  async close(): Promise<void> {
    await this.flush();
    for (const slot of this.feeds.values()) slot.release?.();
    this.feeds.clear();
    for (const off of this.unlisten.splice(0)) off();
    this.statusListeners.clear();
  }

  /** Sign-out: drops every feed without saving and deletes the profile's cache. */
  async discard(): Promise<void> {
    const writes: Array<Promise<void>> = [];
    for (const slot of this.feeds.values()) {
      slot.release?.();
      writes.push(slot.feed.dispose());
    }
    this.feeds.clear();
    for (const off of this.unlisten.splice(0)) off();
    // A write still in flight would otherwise land after the delete and leave a cache behind.
    await Promise.all(writes);
    await this.options.store.clear();
  }

  private async openFeed(
    tenant: string,
    slot: { feed: TenantFeed; refs: number; release?: () => void },
  ): Promise<void> {
    try {
      const cached = await this.options.store.load(tenant);
      if (cached) slot.feed.loadedFromCache(cached);
    } catch (error) {
      this.options.onError?.({
        code: 'cache_read_failed',
        message: error instanceof Error ? error.message : String(error),
        tenant,
      });
    }
    // The window may have closed while the cache was read.
    if (this.feeds.get(tenant) !== slot) return;
    const position = slot.feed.position();
    slot.release = this.options.link.subscribe(tenant, position ? { resumeFrom: position } : {});
  }

  private emitStatus(status: LinkStatus): void {
    this.lastStatusAt = this.clock.now();
    for (const listener of [...this.statusListeners]) listener(status);
  }
}
