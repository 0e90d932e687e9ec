import { open, type FileHandle } from 'node:fs/promises';
import type { Logger } from 'pino';
import type { SequencedEvent } from '../../protocol/events';
import { BackplaneUnavailableError } from './backplane';
import { encodeHeader, encodeRecords } from './journal-format';
import { writeFileAtomically } from '../../node-shared/atomic-file';

export interface TenantJournalOptions {
  path: string;
  epoch: string;
  /** Seq of the last record already in the file (its `baseSeq` when it holds none). */
  lastSeq: number;
  /** Records in the file and the `ts` of the oldest one, when the file is kept as it is. */
  existing: { records: number; oldestTs: number | null } | null;
  /**
   * The retained records with seq <= `upToSeq`, oldest first, ending at `upToSeq` (or empty):
   * what a rewrite (compaction, recovery after a failed write) keeps.
   */
  retained: (upToSeq: number) => SequencedEvent[];
  /**
   * Called synchronously when a write or fsync failed, before the waiting appends reject:
   * every seq after `durableSeq` was not written and must be given back.
   */
  onWriteFailed: (durableSeq: number) => void;
  logger: Logger;
}

interface Batch {
  text: string;
  records: number;
  oldestTs: number | null;
  lastSeq: number;
  waiters: Array<{ resolve: () => void; reject: (error: Error) => void }>;
}

/**
 * One tenant's append-only journal with group commit: appends that arrive while a write
 * is in flight are collected into one batch, written with one write and one fdatasync,
 * and all resolve together once it is durable. Writes happen strictly in append order.
 * A rewrite (temp file, fsync, rename, directory fsync) replaces the file when it was
 * missing or damaged at start, when `compact()` asks, or after a failed write.
 * @internal
 */
export class TenantJournal {
  private handle: FileHandle | null = null;
  private pending: Batch | null = null;
  private rewriteNeeded: boolean;
  private draining: Promise<void> | null = null;
  private writtenSeq: number;
  private records: number;
  private oldestTs: number | null;
  private closed = false;

  constructor(private readonly options: TenantJournalOptions) {
    this.writtenSeq = options.lastSeq;
    this.rewriteNeeded = options.existing === null;
    this.records = options.existing?.records ?? 0;
    this.oldestTs = options.existing?.oldestTs ?? null;
  }

  /** Records in the file and the `ts` of the oldest, for the compaction rule. */
  get stats(): { records: number; oldestTs: number | null } {
    return { records: this.records, oldestTs: this.oldestTs };
  }

  /**
   * Queues records (contiguous, after every record queued before) and resolves once they
   * are durably written.
   * @throws BackplaneUnavailableError when the write or fsync fails; nothing of the batch counts as written.
   * @throws (synchronously) whatever `JSON.stringify` throws for a record it cannot encode; nothing is queued.
   */
  append(records: readonly SequencedEvent[]): Promise<void> {
    if (this.closed) throw new Error('TenantJournal is closed; create a new one');
    const last = records.at(-1);
    if (!last) return Promise.resolve();
    // Encode before touching the batch: a record that cannot be serialized throws here, synchronously, and leaves the queue as it was.
    const text = encodeRecords(records);
    this.pending ??= { text: '', records: 0, oldestTs: null, lastSeq: 0, waiters: [] };
    const batch = this.pending;
    batch.text += text;
    batch.records += records.length;
    batch.oldestTs ??= (records[0] as SequencedEvent).ts;
    batch.lastSeq = last.seq;
    const done = new Promise<void>((resolve, reject) => batch.waiters.push({ resolve, reject }));
    this.schedule();
    return done;
  }

  /** Asks for the file to be rewritten with only the retained records, before the next batch. */
  compact(): void {
    if (this.closed) return;
    this.rewriteNeeded = true;
    this.schedule();
  }

  /** Writes the file now if it must be repaired or started, without waiting for an append. */
  repairNow(): void {
    if (this.rewriteNeeded) this.schedule();
  }

  /** Waits for queued writes, then closes the file. Idempotent. */
  async close(): Promise<void> {
    this.closed = true;
    while (this.draining) await this.draining;
    const handle = this.handle;
    this.handle = null;
    await handle?.close();
  }

  private schedule(): void {
    if (this.draining) return;
    this.draining = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.drain())
      .then((failed) => {
        this.draining = null;
        // Work queued by the callbacks of the last batch, after the loop looked.
        if (this.pending || (!failed && this.rewriteNeeded)) this.schedule();
      });
  }

  /** Writes batches until none is queued; true when it stopped at a failed write. */
  private async drain(): Promise<boolean> {
    while (this.pending || this.rewriteNeeded) {
      const batch = this.pending;
      this.pending = null;
      try {
        if (this.rewriteNeeded) await this.rewrite();
        if (batch) await this.write(batch);
      } catch (error) {
        this.fail(batch, error);
        return true;
      }
      for (const waiter of batch?.waiters ?? []) waiter.resolve();
    }
    return false;
  }

  private async write(batch: Batch): Promise<void> {
    this.handle ??= await open(this.options.path, 'a', 0o600);
    await this.handle.appendFile(batch.text);
    await this.handle.datasync();
    this.writtenSeq = batch.lastSeq;
    this.records += batch.records;
    this.oldestTs ??= batch.oldestTs;
  }

  private async rewrite(): Promise<void> {
    const records = this.options.retained(this.writtenSeq);
    const baseSeq = records.length > 0 ? (records[0] as SequencedEvent).seq - 1 : this.writtenSeq;
    const text = encodeHeader({ epoch: this.options.epoch, baseSeq }) + encodeRecords(records);
    const path = this.options.path;
    const old = this.handle;
    this.handle = null;
    await old?.close();
    await writeFileAtomically(path, text);
    this.rewriteNeeded = false;
    this.records = records.length;
    this.oldestTs = records[0]?.ts ?? null;
  }

  /** A failed write leaves the file's end unknown: everything queued fails, and the next write starts with a rewrite. */
  private fail(batch: Batch | null, error: unknown): void {
    const queued = this.pending;
    this.pending = null;
    this.rewriteNeeded = true;
    const waiters = [...(batch?.waiters ?? []), ...(queued?.waiters ?? [])];
    this.options.logger.error(
      { err: error, path: this.options.path, failedAppends: waiters.length },
      'journal write failed; the events were not accepted and the journal will be rewritten before the next append',
    );
    this.options.onWriteFailed(this.writtenSeq);
    const unavailable = new BackplaneUnavailableError(
      'cannot write the event journal (disk full or failing?); the events were not accepted, retry later',
      { cause: error },
    );
    for (const waiter of waiters) waiter.reject(unavailable);
  }
}
