import { isActionEventType } from '../../protocol/actions';
import type { SequencedEvent } from '../../protocol/events';
import type { Backplane, RangeResult } from '../backplane/backplane';

/** How many action events a tenant's channel remembers for repeats (see RecentActions). */
export const RECENT_ACTIONS_LIMIT = 2000;

/** How many events before its checkpoint a channel opening reads back for RecentActions. */
export const ACTION_LOOKBACK_EVENTS = 2000;

/**
 * The action events a tenant's channel has folded lately, event id → seq, oldest first.
 *
 * Why it exists: a repeated `action` frame (the same id, after a lost ack) must get the
 * first event's seq even when that first action moved its target off the board (a clear,
 * a bump to served), where the target check alone would answer `not_found`. The backplane
 * dedup still decides for repeats that pass the target check. Bounded by count; forgotten
 * when the log starts a new epoch (its seqs name nothing any more).
 * @internal
 */
export class RecentActions {
  private readonly seqs = new Map<string, number>();

  constructor(private readonly limit = RECENT_ACTIONS_LIMIT) {
    if (!(limit >= 1)) throw new TypeError('limit must be at least 1');
  }

  /** Remembers `record` when it is an action event; other events are ignored. */
  fold(record: SequencedEvent): void {
    if (!isActionEventType(record.event.type)) return;
    if (this.seqs.has(record.event.id)) return;
    this.seqs.set(record.event.id, record.seq);
    if (this.seqs.size > this.limit) {
      const oldest = this.seqs.keys().next();
      if (!oldest.done) this.seqs.delete(oldest.value);
    }
  }

  /** The seq of the remembered action event with this id, or undefined. */
  seqOf(eventId: string): number | undefined {
    return this.seqs.get(eventId);
  }

  clear(): void {
    this.seqs.clear();
  }
}

/**
 * `readAfter(tenant, seq)` for a channel that opens from a checkpoint at `seq`, plus the
 * retained events just before it (up to ACTION_LOOKBACK_EVENTS), in one read when they are
 * still retained. Those `earlier` events are already in the checkpointed board and are only
 * for RecentActions: after a hub restart (whose final checkpoint covers every action), a
 * repeat of an action that took its target off the board is still recognised.
 * @throws BackplaneUnavailableError as readAfter does.
 */
export async function readAfterWithLookback(
  backplane: Backplane,
  tenant: string,
  seq: number,
  epoch: string,
): Promise<{ range: RangeResult; earlier: SequencedEvent[] }> {
  const from = Math.max(0, seq - ACTION_LOOKBACK_EVENTS);
  if (from < seq) {
    const wide = await backplane.readAfter(tenant, from, { epoch });
    if (wide.complete) {
      const split = wide.events.findIndex((record) => record.seq > seq);
      const at = split === -1 ? wide.events.length : split;
      return {
        range: { complete: true, epoch: wide.epoch, events: wide.events.slice(at) },
        earlier: wide.events.slice(0, at),
      };
    }
  }
  return { range: await backplane.readAfter(tenant, seq, { epoch }), earlier: [] };
}
