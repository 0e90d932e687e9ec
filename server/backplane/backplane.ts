import type { OpsEvent, SequencedEvent } from '../../protocol/events';
import { CodedError } from '../../protocol/codes';

/**
 * The backplane carries each tenant's event log across hub instances.
 * Two implementations sit behind this one interface and pass one contract suite:
 * `memory-backplane.ts` (embedded, single process, the default) and
 * `redis-backplane.ts` (streams + pub/sub, for scaling out).
 */

/** Where a tenant's log stands. `epoch` changes whenever the log's history was lost (Redis data loss, memory restart). */
export interface LogHead {
  seq: number;
  epoch: string;
}

export interface AppendResult {
  epoch: string;
  /** Newly accepted events with their seqs, in order. Duplicates are left out. */
  appended: SequencedEvent[];
  /** How many input events were dropped because their id was seen within the retention window. */
  duplicates: number;
  /**
   * The dropped events, in input order, each with the seq its id was first accepted under
   * (an earlier call, or an earlier event of the same batch). `duplicates === duplicateSeqs.length`.
   * The operator-action ack answers a repeated action id with this seq.
   */
  duplicateSeqs: DuplicateSeq[];
}

/** An input event dropped as a repeat: its id and the seq of the event first accepted with that id. */
export interface DuplicateSeq {
  id: string;
  seq: number;
}

/** Result of reading retained history after a seq. */
export type RangeResult =
  /** `events` are exactly the seqs `afterSeq + 1 .. head.seq`, in order (maybe empty). */
  | { complete: true; epoch: string; events: SequencedEvent[] }
  /** The log no longer holds `afterSeq + 1` (trimmed, or the epoch differs): the caller must resync from a snapshot. */
  | { complete: false; epoch: string };

export interface Checkpoint {
  seq: number;
  epoch: string;
  /** A serialized BoardState (JSON). Stored opaque so the backplane does not depend on the reducer. */
  state: string;
  savedAt: number;
}

/** Callbacks for a tenant's live log on this instance. */
export interface TenantListener {
  /** Events in strict seq order with no gap; a backplane backfills from retained history before calling this. */
  onEvents(events: SequencedEvent[], epoch: string): void;
  /** History could not be made continuous (epoch changed or backfill impossible). Subscribers must resync from a snapshot. */
  onReset(head: LogHead, reason: string): void;
}

export type BackplaneStatus = 'ready' | 'degraded';

export interface Backplane {
  readonly kind: 'memory' | 'redis';
  /**
   * Assigns consecutive seqs, appends to the tenant's retained log (trimmed by count and age),
   * and notifies every instance, atomically. Events whose `id` is already in the retained
   * window are counted as duplicates and not appended; each is reported with its first seq
   * (`duplicateSeqs`), and the call resolves only once that first event is acknowledged too.
   * @param acceptedAt hub acceptance time, epoch ms, stamped on every appended event.
   * @throws BackplaneUnavailableError when the store cannot be reached.
   */
  append(tenant: string, events: OpsEvent[], acceptedAt: number): Promise<AppendResult>;
  /** Current head of a tenant's log; `{seq: 0}` for a tenant that never had events. */
  head(tenant: string): Promise<LogHead>;
  /** Retained events with seq > afterSeq (at most `limit`, default all), checked against `epoch` when given. */
  readAfter(
    tenant: string,
    afterSeq: number,
    options?: { epoch?: string; limit?: number },
  ): Promise<RangeResult>;
  /**
   * Starts delivering a tenant's live events to this instance. An instance subscribes only to the
   * tenants its clients hold. Delivery starts after `fromSeq` (events after it are backfilled first).
   * When `options.epoch` is given and is not the tenant's current epoch, or `fromSeq + 1` is no longer
   * retained, the listener gets `onReset(head)` first and then the events after `head.seq`.
   * Returns a function that ends the subscription.
   */
  subscribe(
    tenant: string,
    fromSeq: number,
    listener: TenantListener,
    options?: { epoch?: string },
  ): Promise<() => Promise<void>>;
  /** Stores a checkpoint unless a newer one (higher seq, same epoch) is already stored. */
  saveCheckpoint(tenant: string, checkpoint: Checkpoint): Promise<void>;
  loadCheckpoint(tenant: string): Promise<Checkpoint | null>;
  status(): BackplaneStatus;
  /** Called with every status change ('degraded' while the store is unreachable). Returns an unsubscribe function. */
  onStatus(listener: (status: BackplaneStatus, detail: string) => void): () => void;
  close(): Promise<void>;
}

/** The store behind the backplane cannot be reached right now; retry later (HTTP 503, WebSocket `unavailable`). */
export class BackplaneUnavailableError extends CodedError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('unavailable', message, options);
    this.name = 'BackplaneUnavailableError';
  }
}

/** Retention of each tenant's log. */
export interface RetentionOptions {
  /** Max events kept per tenant (HUB_REPLAY_MAX_EVENTS, default 10,000). */
  maxEvents: number;
  /** Max age of kept events, ms (HUB_REPLAY_MAX_AGE, default 300 s). */
  maxAgeMs: number;
}

export const DEFAULT_RETENTION: RetentionOptions = { maxEvents: 10_000, maxAgeMs: 300_000 };
