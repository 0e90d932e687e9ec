import { reduceAll } from '../board/board-reducer';
import type { BoardState } from '../board/board-state';
import type { BoardUpdate, Freshness } from '../bridge/board-feed';
import type { SequencedEvent } from '../events';
import type { Code } from '../codes';
import type { Clock, TimerHandle } from '../link/clock';
import { EventBatcher } from './event-batcher';
import type { CachedSnapshot, SnapshotStore } from './snapshot-store';

export interface TenantFeedOptions {
  tenant: string;
  clock: Clock;
  store: SnapshotStore;
  /** Cache writes are at most this often, ms. Default 2000. */
  saveIntervalMs?: number;
  flushMs?: number;
  maxBatch?: number;
  /** Called when a cache write fails; the feed carries on. */
  onError(error: { code: string; message: string; tenant: string }): void;
}

export type UpdateListener = (update: BoardUpdate) => void;

/**
 * One tenant's view model: cache and link merged into the `BoardUpdate` stream
 * windows consume. Keeps the reduced state itself, so a window that opens later
 * starts from a `reset` of the current board, and so it can save the cache.
 * @internal used by BoardSession
 */
export class TenantFeed {
  readonly tenant: string;
  private state: BoardState | undefined;
  /** Events received but not yet applied to `state`: applied as one batch when the board is next read. */
  private pending: SequencedEvent[] = [];
  private epoch: string | undefined;
  private freshness: Freshness = 'loading';
  private asOf = 0;
  private staleSince: number | null = null;
  private readonly listeners = new Set<UpdateListener>();
  private readonly batcher: EventBatcher;
  private dirty = false;
  private lastSavedAt = 0;
  private saveTimer: TimerHandle | undefined;
  private saving: Promise<void> = Promise.resolve();

  constructor(private readonly options: TenantFeedOptions) {
    this.tenant = options.tenant;
    this.batcher = new EventBatcher({
      clock: options.clock,
      flushMs: options.flushMs,
      maxBatch: options.maxBatch,
      deliver: (events) => this.broadcast({ kind: 'events', tenant: this.tenant, events }),
    });
  }

  /** The position to resume from, when the feed has one. */
  position(): { seq: number; epoch: string } | undefined {
    const state = this.board();
    return state && this.epoch !== undefined ? { seq: state.seq, epoch: this.epoch } : undefined;
  }

  /**
   * The board with every received event applied. Applying lazily, in batches, keeps
   * a burst from costing one full board copy per event in the main process.
   */
  private board(): BoardState | undefined {
    if (this.state && this.pending.length > 0) {
      this.state = reduceAll(this.state, this.pending);
      this.pending = [];
    }
    return this.state;
  }

  listenerCount(): number {
    return this.listeners.size;
  }

  /** Adds a window. It gets a `reset` of the current board at once, or `loading` when there is none. */
  addListener(listener: UpdateListener): () => void {
    // Earlier windows get their pending events first, so every window sees one order.
    this.batcher.flush();
    this.listeners.add(listener);
    const state = this.board();
    listener(
      state
        ? this.resetUpdate(state)
        : {
            kind: 'freshness',
            tenant: this.tenant,
            freshness: 'loading',
            staleSince: null,
            asOf: 0,
          },
    );
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** First paint from the cache, marked stale since it was saved. Ignored once live data arrived. */
  loadedFromCache(cached: CachedSnapshot): void {
    if (this.state) return;
    this.state = cached.state;
    this.epoch = cached.epoch;
    this.freshness = 'stale';
    this.asOf = cached.savedAt;
    this.staleSince = cached.savedAt;
    this.broadcast(this.resetUpdate(cached.state));
  }

  snapshot(seq: number, epoch: string, state: BoardState): void {
    this.batcher.discard();
    this.pending = [];
    this.state = state.seq === seq ? state : { ...state, seq };
    this.epoch = epoch;
    this.freshness = 'live';
    this.asOf = this.options.clock.now();
    this.staleSince = null;
    this.broadcast(this.resetUpdate(this.state));
    this.markDirty();
  }

  resumed(epoch: string): void {
    this.epoch = epoch;
    this.batcher.flush();
    this.setFreshness('live', null);
    this.markDirty();
  }

  event(record: SequencedEvent): void {
    if (!this.state) return;
    this.pending.push(record);
    this.batcher.push(record);
    if (this.freshness === 'live') this.asOf = this.options.clock.now();
    this.markDirty();
  }

  resyncing(): void {
    this.batcher.flush();
    this.setFreshness('resyncing', this.staleSince ?? this.options.clock.now());
  }

  /** The link is down: the data shown is stale from now (or from earlier, if it already was). */
  linkDown(): void {
    if (this.freshness === 'loading' || this.freshness === 'stale') return;
    this.batcher.flush();
    this.setFreshness('stale', this.staleSince ?? this.options.clock.now());
  }

  error(code: Code, message: string): void {
    this.broadcast({ kind: 'error', tenant: this.tenant, code, message });
  }

  /** Hands on pending events and writes the cache now if it changed (quit, sign-out). */
  async flush(): Promise<void> {
    this.batcher.flush();
    if (this.saveTimer !== undefined) this.options.clock.clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    if (this.dirty) this.save();
    await this.saving;
  }

  /**
   * Stops timers without saving; for sign-out, where the cache is deleted anyway.
   * Resolves once a write already under way has landed, so the caller's delete comes after it.
   */
  dispose(): Promise<void> {
    this.batcher.discard();
    if (this.saveTimer !== undefined) this.options.clock.clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    this.dirty = false;
    this.listeners.clear();
    return this.saving;
  }

  private setFreshness(freshness: Freshness, staleSince: number | null): void {
    this.freshness = freshness;
    this.staleSince = freshness === 'live' ? null : staleSince;
    if (freshness === 'live') this.asOf = this.options.clock.now();
    this.broadcast({
      kind: 'freshness',
      tenant: this.tenant,
      freshness,
      staleSince: this.staleSince,
      asOf: this.asOf,
    });
  }

  private resetUpdate(state: BoardState): BoardUpdate {
    return {
      kind: 'reset',
      tenant: this.tenant,
      state,
      seq: state.seq,
      epoch: this.epoch ?? '',
      freshness: this.freshness,
      asOf: this.asOf,
      staleSince: this.staleSince,
    };
  }

  private broadcast(update: BoardUpdate): void {
    for (const listener of [...this.listeners]) listener(update);
  }

  // Throttled: at most one write per interval, the last state wins.
  private markDirty(): void {
    this.dirty = true;
    if (this.saveTimer !== undefined) return;
    const interval = this.options.saveIntervalMs ?? 2000;
    const wait = Math.max(0, this.lastSavedAt + interval - this.options.clock.now());
    this.saveTimer = this.options.clock.setTimeout(() => {
      this.saveTimer = undefined;
      this.save();
    }, wait);
  }

  private save(): void {
    const position = this.position();
    if (!this.state || !position) return;
    this.dirty = false;
    this.lastSavedAt = this.options.clock.now();
    const snapshot: CachedSnapshot = {
      seq: position.seq,
      epoch: position.epoch,
      savedAt: this.lastSavedAt,
      state: this.state,
    };
    // Writes are chained so an older state can never land after a newer one.
    this.saving = this.saving.then(() =>
      this.options.store.save(this.tenant, snapshot).catch((error: unknown) => {
        this.options.onError({
          code: 'cache_write_failed',
          message: error instanceof Error ? error.message : String(error),
          tenant: this.tenant,
        });
      }),
    );
  }
}
