import type { Checkpoint } from './backplane';
import { assertSeq } from './backplane-input';

/** @throws TypeError when the checkpoint is malformed. */
export function assertCheckpoint(checkpoint: unknown): asserts checkpoint is Checkpoint {
  const c = checkpoint as Partial<Checkpoint> | null;
  if (typeof c !== 'object' || c === null) throw new TypeError('checkpoint must be an object');
  assertSeq(c.seq, 'checkpoint.seq');
  if (typeof c.epoch !== 'string' || c.epoch.length === 0)
    throw new TypeError('checkpoint.epoch must be a non-empty string');
  if (typeof c.state !== 'string')
    throw new TypeError('checkpoint.state must be a string (serialized BoardState)');
  if (typeof c.savedAt !== 'number' || !Number.isFinite(c.savedAt))
    throw new TypeError('checkpoint.savedAt must be epoch ms');
}

/**
 * Whether `next` should replace `stored`: it must belong to the tenant's current
 * epoch (a stale instance must not overwrite newer history), and be newer than
 * the stored one or replace one from an older epoch. The Redis Lua script applies the same rule.
 * @internal
 */
export function isNewerCheckpoint(
  next: Checkpoint,
  stored: Checkpoint | null,
  currentEpoch: string,
): boolean {
  if (next.epoch !== currentEpoch) return false;
  if (!stored || stored.epoch !== currentEpoch) return true;
  return next.seq > stored.seq;
}
