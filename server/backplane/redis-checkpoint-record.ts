import type { Checkpoint } from './backplane';

/**
 * How a tenant's checkpoint is stored in its Redis string: `<seq> <epoch> <savedAt> <state>`,
 * the board state last so it may contain anything. The save script reads the seq and epoch
 * from the arguments, not from this text.
 */

/**
 * The stored text of a checkpoint that assertCheckpoint already accepted.
 * @throws TypeError when the epoch contains whitespace (it would split the header).
 */
export function encodeCheckpointRecord(checkpoint: Checkpoint): string {
  if (/\s/.test(checkpoint.epoch))
    throw new TypeError('checkpoint.epoch must not contain whitespace');
  return `${checkpoint.seq} ${checkpoint.epoch} ${checkpoint.savedAt} ${checkpoint.state}`;
}

/** The checkpoint in a stored text; null when the header is malformed (the caller logs it). */
export function decodeCheckpointRecord(stored: string): Checkpoint | null {
  const match = /^(\d+) (\S+) (\S+) /.exec(stored);
  if (!match) return null;
  const [header, seq, epoch, savedAt] = match as unknown as [string, string, string, string];
  return {
    seq: Number(seq),
    epoch,
    savedAt: Number(savedAt),
    state: stored.slice(header.length),
  };
}
