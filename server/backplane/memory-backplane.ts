import type { Logger } from 'pino';
import { createLogger } from '../../node-shared/logger';
import type { OpsEvent, SequencedEvent } from '../../protocol/events';
import {
  BackplaneUnavailableError,
  DEFAULT_RETENTION,
  type AppendResult,
  type DuplicateSeq,
  type Backplane,
  type BackplaneStatus,
  type Checkpoint,
  type LogHead,
  type RangeResult,
  type RetentionOptions,
  type TenantListener,
} from './backplane';
import { assertAppendable, assertSeq, assertTenantId, normalizeLimit } from './backplane-input';
import { newEpoch } from './epoch-id';
import { MemoryTenantLog } from './memory-tenant-log';
import { MemoryTenantPersistence } from './memory-tenant-persistence';
import { isNewerCheckpoint, assertCheckpoint } from './checkpoint-rules';

export interface MemoryBackplaneOptions {
  /** Retention per tenant; defaults to 10,000 events and 300 s. */
  retention?: RetentionOptions;
  /** Clock in epoch ms, injected by tests; used for age trimming on read. Default `Date.now`. */
  now?: () => number;
  /**
   * When set, every accepted event is journaled in `<dataDir>/journal/<tenant>.jsonl` (fsynced
   * before `append` resolves) and each tenant's head and latest checkpoint are kept in
   * `<dataDir>/tenants/<tenant>.json`, so a restarted hub, even after a crash, keeps the
   * retained events, the epoch and the board. Without it everything stays in memory.
   */
  dataDir?: string;
  /** Minimum ms between two writes of one tenant's head file (default 1000). Close always flushes. */
  persistIntervalMs?: number;
  logger?: Logger;
  /** Epoch generator, injectable for tests. */
  newEpoch?: () => string;
}

interface ListenerEntry {
  listener: TenantListener;
  /** Last seq this listener received. */
  cursor: number;
}

/**
 * The embedded single-process backplane, the default when `REDIS_URL` is unset.
 * Seqs are assigned synchronously in call order. Without a data dir listeners are called
 * synchronously from `append`; with one, once the events are journaled, still in seq
 * order. Readers (head, readAfter, subscribe) only ever see acknowledged events.
 */
export class MemoryBackplane implements Backplane {
  readonly kind = 'memory' as const;
  private readonly retention: RetentionOptions;
  private readonly now: () => number;
  private readonly logger: Logger;
  private readonly makeEpoch: () => string;
  private readonly persistence: MemoryTenantPersistence | null;
  private readonly tenants = new Map<string, MemoryTenantLog>();
  private readonly listeners = new Map<string, Set<ListenerEntry>>();
  /** The latest journal write per tenant, awaited by repeats of events it carries. */
  private readonly commits = new Map<string, Promise<void>>();
  private closed = false;

  /** @throws TypeError for invalid retention; an Error when `dataDir` cannot be created. */
  constructor(options: MemoryBackplaneOptions = {}) {
    this.retention = options.retention ?? DEFAULT_RETENTION;
    if (!(this.retention.maxEvents >= 1) || !(this.retention.maxAgeMs >= 1)) {
      throw new TypeError('retention.maxEvents and retention.maxAgeMs must be >= 1');
    }
    this.now = options.now ?? Date.now;
    this.logger = options.logger ?? createLogger({ app: 'memory-backplane', level: 'warn' });
    this.makeEpoch = options.newEpoch ?? newEpoch;
    this.persistence = options.dataDir
      ? new MemoryTenantPersistence({
          dataDir: options.dataDir,
          retention: this.retention,
          now: this.now,
          logger: this.logger,
          newEpoch: this.makeEpoch,
          persistIntervalMs: options.persistIntervalMs ?? 1000,
        })
      : null;
  }

  async append(tenant: string, events: OpsEvent[], acceptedAt: number): Promise<AppendResult> {
    this.assertOpen();
    assertTenantId(tenant);
    assertAppendable(events, acceptedAt);
    const log = this.tenant(tenant);
    const seqBefore = log.seq;
    const { appended, duplicateSeqs } = log.append(events, acceptedAt, this.retention);
    const result = { epoch: log.epoch, appended, duplicates: duplicateSeqs.length, duplicateSeqs };
    const last = appended.at(-1);
    if (!last) {
      await this.untilDurable(tenant, log, duplicateSeqs);
      return result;
    }
    if (this.persistence) {
      const committed = this.commitOrRollBack(tenant, log, appended, seqBefore);
      this.commits.set(tenant, committed);
      await committed;
    }
    log.durableSeq = Math.max(log.durableSeq, last.seq);
    this.deliver(tenant, log, appended);
    await this.untilDurable(tenant, log, duplicateSeqs);
    return result;
  }

  /**
   * A repeat of an event still being journaled (a retry racing its first attempt) is
   * acknowledged only once that first event is durable, so its reported seq never names
   * an event a failed write gave back.
   * @throws BackplaneUnavailableError when that write failed: the retry may be sent again.
   */
  private async untilDurable(
    tenant: string,
    log: MemoryTenantLog,
    duplicateSeqs: DuplicateSeq[],
  ): Promise<void> {
    if (!duplicateSeqs.some((dup) => dup.seq > log.durableSeq)) return;
    try {
      // Journal writes complete in seq order, so the latest commit covers every earlier seq.
      await this.commits.get(tenant);
    } catch (error) {
      throw new BackplaneUnavailableError(
        `the first copy of a repeated event of ${tenant} could not be journaled; send it again`,
        { cause: error },
      );
    }
  }

  async head(tenant: string): Promise<LogHead> {
    assertTenantId(tenant);
    const log = this.tenant(tenant);
    return { seq: log.durableSeq, epoch: log.epoch };
  }

  async readAfter(
    tenant: string,
    afterSeq: number,
    options: { epoch?: string; limit?: number } = {},
  ): Promise<RangeResult> {
    assertTenantId(tenant);
    assertSeq(afterSeq, 'afterSeq');
    const limit = normalizeLimit(options.limit);
    const log = this.tenant(tenant);
    if (options.epoch !== undefined && options.epoch !== log.epoch)
      return { complete: false, epoch: log.epoch };
    log.trim(this.now() - this.retention.maxAgeMs, this.retention.maxEvents);
    const events = log.readAfter(afterSeq, limit);
    return events
      ? { complete: true, epoch: log.epoch, events }
      : { complete: false, epoch: log.epoch };
  }

  async subscribe(
    tenant: string,
    fromSeq: number,
    listener: TenantListener,
    options: { epoch?: string } = {},
  ): Promise<() => Promise<void>> {
    this.assertOpen();
    assertTenantId(tenant);
    assertSeq(fromSeq, 'fromSeq');
    const log = this.tenant(tenant);
    const entry: ListenerEntry = { listener, cursor: fromSeq };
    log.trim(this.now() - this.retention.maxAgeMs, this.retention.maxEvents);
    const epochChanged = options.epoch !== undefined && options.epoch !== log.epoch;
    const backlog = epochChanged ? null : log.readAfter(fromSeq, Number.POSITIVE_INFINITY);
    if (backlog === null) {
      entry.cursor = log.durableSeq;
      const reason = epochChanged
        ? 'the epoch changed'
        : `seq ${fromSeq + 1} is no longer retained`;
      this.safeCall(tenant, () =>
        listener.onReset({ seq: log.durableSeq, epoch: log.epoch }, reason),
      );
    } else if (backlog.length > 0) {
      entry.cursor = log.durableSeq;
      this.safeCall(tenant, () => listener.onEvents(backlog, log.epoch));
    }
    let set = this.listeners.get(tenant);
    if (!set) {
      set = new Set();
      this.listeners.set(tenant, set);
    }
    set.add(entry);
    return async () => {
      const current = this.listeners.get(tenant);
      current?.delete(entry);
      if (current?.size === 0) this.listeners.delete(tenant);
    };
  }

  async saveCheckpoint(tenant: string, checkpoint: Checkpoint): Promise<void> {
    assertTenantId(tenant);
    assertCheckpoint(checkpoint);
    const log = this.tenant(tenant);
    if (!isNewerCheckpoint(checkpoint, log.checkpoint, log.epoch)) return;
    log.checkpoint = { ...checkpoint };
    this.persistence?.markDirty(tenant);
  }

  async loadCheckpoint(tenant: string): Promise<Checkpoint | null> {
    assertTenantId(tenant);
    const checkpoint = this.tenant(tenant).checkpoint;
    return checkpoint ? { ...checkpoint } : null;
  }

  status(): BackplaneStatus {
    return 'ready';
  }

  /** The memory backplane is always ready, so the listener is never called. */
  onStatus(_listener: (status: BackplaneStatus, detail: string) => void): () => void {
    return () => undefined;
  }

  /** Stops delivery, waits for journal writes and writes every head file with `cleanShutdown: true`. Idempotent. */
  async close(): Promise<void> {
    this.closed = true;
    this.listeners.clear();
    await this.persistence?.close();
  }

  private tenant(tenant: string): MemoryTenantLog {
    let log = this.tenants.get(tenant);
    if (log) return log;
    log = this.load(tenant);
    this.tenants.set(tenant, log);
    return log;
  }

  private load(tenant: string): MemoryTenantLog {
    if (this.persistence) return this.persistence.load(tenant);
    return new MemoryTenantLog({ seq: 0, epoch: this.makeEpoch() });
  }

  /**
   * Journals `appended`; when a record cannot even be encoded (the journal throws before
   * anything is queued, so no later append has interleaved) its seqs are given back at once:
   * the event never reaches readers, the live feed or the file.
   */
  private commitOrRollBack(
    tenant: string,
    log: MemoryTenantLog,
    appended: SequencedEvent[],
    seqBefore: number,
  ): Promise<void> {
    const persistence = this.persistence as MemoryTenantPersistence;
    try {
      return persistence.commit(tenant, appended);
    } catch (error) {
      log.rollbackTo(seqBefore);
      throw new TypeError(
        `an event of ${tenant} cannot be encoded for the journal (${(error as Error).message}); nothing was appended`,
        { cause: error },
      );
    }
  }

  private deliver(tenant: string, log: MemoryTenantLog, appended: SequencedEvent[]): void {
    const set = this.listeners.get(tenant);
    if (!set) return;
    for (const entry of set) {
      const fresh = appended.filter((e) => e.seq > entry.cursor);
      if (fresh.length === 0) continue;
      entry.cursor = (fresh[fresh.length - 1] as SequencedEvent).seq;
      this.safeCall(tenant, () => entry.listener.onEvents(fresh, log.epoch));
    }
  }

  private safeCall(tenant: string, call: () => void): void {
    try {
      call();
    } catch (error) {
      this.logger.error(
        { err: error, tenant },
        'backplane listener threw; other listeners still receive events',
      );
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('MemoryBackplane is closed; create a new one');
  }
}
