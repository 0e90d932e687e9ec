import type { Logger } from 'pino';
import type { SequencedEvent } from '../../protocol/events';
import type { Checkpoint, LogHead } from './backplane';
import type { JournalHeader, ParsedJournal } from './journal-format';
import type { TenantFile } from './tenant-head-file';

/** What a tenant starts with after a restart of the memory backplane. @internal */
export interface RestoredTenant {
  head: LogHead;
  /** Records to retain, contiguous and ending at `head.seq` (the caller trims them by retention). */
  records: SequencedEvent[];
  checkpoint: Checkpoint | null;
  /** The journal file is intact and belongs to `head`, so it can be appended to as it is. */
  journalIntact: boolean;
}

/**
 * Decides a tenant's head, retained records and checkpoint from its head file and journal.
 * The epoch is kept only when the journal holds every event up to the real head: then no
 * seq a client may have seen is lost. Otherwise a new epoch starts (clients resync from a
 * snapshot) at the highest seq known, still keeping the journal's records and the
 * checkpoint when they reach that head, so the board survives. Never throws; damage is logged.
 * @internal
 */
export function restoreTenant(input: {
  tenant: string;
  file: TenantFile | null;
  /** Null when the tenant has no journal file. */
  journal: ParsedJournal | null;
  newEpoch: () => string;
  logger: Logger;
}): RestoredTenant {
  const { tenant, file, journal, logger } = input;
  if (journal) logDamage(tenant, journal, logger);
  const header = journal?.header ?? null;
  const records = journal?.records ?? [];
  const journalHead = header ? header.baseSeq + records.length : null;

  if (header && journalHead !== null && journal?.damage.kind !== 'corrupt') {
    if (!file || agrees(file, header, journalHead)) {
      return {
        head: { seq: journalHead, epoch: header.epoch },
        records,
        checkpoint: file?.checkpoint ?? null,
        journalIntact: journal?.damage.kind === 'none',
      };
    }
  }
  if (!journal && !file)
    return {
      head: { seq: 0, epoch: input.newEpoch() },
      records: [],
      checkpoint: null,
      journalIntact: false,
    };
  if (!journal && file?.cleanShutdown)
    return {
      head: { seq: file.seq, epoch: file.epoch },
      records: [],
      checkpoint: file.checkpoint,
      journalIntact: false,
    };

  // Some accepted events may be gone: keep the history up to the highest seq still known,
  // under a new epoch, so no client trusts a seq that will now be given to another event.
  const seq = Math.max(file?.seq ?? 0, journalHead ?? 0);
  const keepRecords = header !== null && journalHead === seq;
  const lineEpoch = keepRecords ? header.epoch : file?.seq === seq ? file.epoch : null;
  const epoch = input.newEpoch();
  const checkpoint = file?.checkpoint ?? null;
  const carried =
    checkpoint && checkpoint.epoch === lineEpoch && checkpoint.seq <= seq
      ? { ...checkpoint, epoch }
      : checkpoint;
  logger.warn(
    {
      tenant,
      seq,
      keptRecords: keepRecords ? records.length : 0,
      checkpointKept: carried !== checkpoint,
    },
    'the journal does not hold every event up to the head (unclean shutdown without a journal, or a damaged journal); starting a new epoch, clients resync from a snapshot',
  );
  return {
    head: { seq, epoch },
    records: keepRecords ? records : [],
    checkpoint: carried,
    journalIntact: false,
  };
}

/** Whether the head file is no further along than the journal (a head file lags by design). */
function agrees(file: TenantFile, header: JournalHeader, journalHead: number): boolean {
  if (file.epoch === header.epoch) return file.seq <= journalHead;
  // The journal was started for a newer epoch before the head file was rewritten.
  return file.seq <= header.baseSeq;
}

function logDamage(tenant: string, journal: ParsedJournal, logger: Logger): void {
  const damage = journal.damage;
  if (damage.kind === 'torn-tail')
    logger.warn(
      { tenant, bytes: damage.bytes },
      'journal ends in a torn line (a crash mid-write, never acknowledged); discarding it',
    );
  if (damage.kind === 'corrupt')
    logger.error(
      { tenant, line: damage.line, reason: damage.reason, keptRecords: journal.records.length },
      `journal line ${damage.line} is corrupt (${damage.reason}); replay stopped there, keeping the records before it`,
    );
}
