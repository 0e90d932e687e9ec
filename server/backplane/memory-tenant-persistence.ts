import { mkdirSync, readFileSync } from 'node:fs';
import type { Logger } from 'pino';
import type { SequencedEvent } from '../../protocol/events';
import type { RetentionOptions } from './backplane';
import { journalDir, journalPath, parseJournal, type ParsedJournal } from './journal-format';
import { restoreTenant } from './journal-replay';
import { MemoryTenantLog } from './memory-tenant-log';
import { TenantJournal } from './tenant-journal';
import { ensureTenantsDir, readTenantFile, writeTenantFile } from './tenant-head-file';

export interface MemoryTenantPersistenceOptions {
  dataDir: string;
  retention: RetentionOptions;
  now: () => number;
  logger: Logger;
  newEpoch: () => string;
  /** Minimum ms between two writes of one tenant's head file. */
  persistIntervalMs: number;
}

/**
 * The memory backplane's durability in `dataDir`: per tenant, a journal of every accepted
 * event (`journal/<tenant>.jsonl`, fsynced before an append is acknowledged) and a head
 * file with the latest checkpoint (`tenants/<tenant>.json`, written at most every
 * `persistIntervalMs`). On load the two rebuild the retained window, the dedup set and
 * the head; see `journal-replay.ts` for when the epoch survives.
 * @internal
 */
export class MemoryTenantPersistence {
  private readonly logs = new Map<string, MemoryTenantLog>();
  private readonly journals = new Map<string, TenantJournal>();
  private readonly dirty = new Set<string>();
  /** Tenants with no files that have not received an event or checkpoint: nothing is written for them. */
  private readonly unwritten = new Set<string>();
  private flushTimer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();
  private closed = false;

  /** @throws an Error when the data dir's folders cannot be created. */
  constructor(private readonly options: MemoryTenantPersistenceOptions) {
    ensureTenantsDir(options.dataDir);
    mkdirSync(journalDir(options.dataDir), { recursive: true, mode: 0o700 });
  }

  /** Rebuilds a tenant from its head file and journal (never throws on damaged files). */
  load(tenant: string): MemoryTenantLog {
    const { dataDir, retention, logger } = this.options;
    const parsed = this.readJournal(tenant);
    const file = readTenantFile(dataDir, tenant, logger);
    const restored = restoreTenant({
      tenant,
      file,
      journal: parsed,
      newEpoch: this.options.newEpoch,
      logger,
    });
    const log = new MemoryTenantLog(restored.head, restored.checkpoint);
    log.restore(restored.records);
    log.trim(this.options.now() - retention.maxAgeMs, retention.maxEvents);
    const journal = new TenantJournal({
      path: journalPath(dataDir, tenant),
      epoch: restored.head.epoch,
      lastSeq: restored.head.seq,
      existing: restored.journalIntact
        ? { records: restored.records.length, oldestTs: restored.records[0]?.ts ?? null }
        : null,
      retained: (upToSeq) => {
        log.trim(this.options.now() - retention.maxAgeMs, retention.maxEvents);
        return log.retainedUpTo(upToSeq);
      },
      onWriteFailed: (durableSeq) => log.rollbackTo(durableSeq),
      logger,
    });
    this.logs.set(tenant, log);
    this.journals.set(tenant, journal);
    // A tenant nobody ever wrote to (a read-only subscribe to an unknown name) costs no file:
    // its first append writes the journal (a new file starts with a rewrite) and its head.
    if (parsed === null && file === null) {
      this.unwritten.add(tenant);
      return log;
    }
    // A missing or damaged journal, or a new epoch, is written at once: the journal, not the
    // throttled head file, is the record of the epoch.
    if (!this.closed) journal.repairNow();
    this.markDirty(tenant);
    return log;
  }

  /**
   * Resolves once `appended` (the events just given seqs in `tenant`'s log) is durable.
   * @throws (synchronously) when a record cannot be encoded; nothing was queued, the caller rolls back.
   * @throws BackplaneUnavailableError (rejection) when the journal cannot be written; the log was rolled back.
   */
  commit(tenant: string, appended: readonly SequencedEvent[]): Promise<void> {
    const journal = this.journals.get(tenant);
    if (!journal) throw new Error(`commit(${tenant}) before load(${tenant})`);
    this.unwritten.delete(tenant);
    return journal.append(appended).then(() => {
      const { maxEvents, maxAgeMs } = this.options.retention;
      const { records, oldestTs } = journal.stats;
      // Compact when the file holds far more than the retained window: twice the count, or twice the age.
      if (
        records > 2 * maxEvents ||
        (oldestTs !== null && oldestTs < this.options.now() - 2 * maxAgeMs)
      )
        journal.compact();
      this.markDirty(tenant);
    });
  }

  /** A checkpoint or head changed: the head file is written within `persistIntervalMs`. */
  markDirty(tenant: string): void {
    if (this.closed) return;
    this.unwritten.delete(tenant);
    this.dirty.add(tenant);
    if (this.flushTimer) return;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = null;
      this.flushing = this.flushing.then(() => this.flush(false));
    }, this.options.persistIntervalMs);
    this.flushTimer.unref();
  }

  /** Waits for every journal write, closes the journals and writes every head file with `cleanShutdown: true`. */
  async close(): Promise<void> {
    if (this.closed) return this.flushing;
    this.closed = true;
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    await Promise.all([...this.journals.values()].map((journal) => journal.close()));
    for (const tenant of this.logs.keys()) if (!this.unwritten.has(tenant)) this.dirty.add(tenant);
    this.flushing = this.flushing.then(() => this.flush(true));
    await this.flushing;
  }

  private readJournal(tenant: string): ParsedJournal | null {
    const path = journalPath(this.options.dataDir, tenant);
    try {
      return parseJournal(readFileSync(path, 'utf8'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      this.options.logger.error(
        { err: error, path },
        'cannot read the tenant journal; treating it as damaged (new epoch)',
      );
      return {
        header: null,
        records: [],
        damage: { kind: 'corrupt', line: 0, reason: 'unreadable' },
      };
    }
  }

  private async flush(cleanShutdown: boolean): Promise<void> {
    const tenants = [...this.dirty];
    this.dirty.clear();
    for (const tenant of tenants) {
      const log = this.logs.get(tenant);
      if (!log) continue;
      try {
        await writeTenantFile(this.options.dataDir, tenant, {
          version: 1,
          seq: log.durableSeq,
          epoch: log.epoch,
          cleanShutdown,
          checkpoint: log.checkpoint,
        });
      } catch (error) {
        this.options.logger.error(
          { err: error, tenant },
          'cannot persist tenant head; will retry on the next change',
        );
        if (!cleanShutdown) this.markDirty(tenant);
      }
    }
  }
}
