import type { OpsEvent, SequencedEvent } from '../../protocol/events';
import type { Checkpoint, DuplicateSeq, RetentionOptions } from './backplane';

/**
 * One tenant's retained log inside the memory backplane: the seq counter, the
 * epoch, the retained events (contiguous seqs, oldest first) and the ids seen
 * within that window for dedup. `seq` is the last seq assigned; `durableSeq` the
 * last one acknowledged (journaled when there is a data dir), the head readers see.
 * @internal
 */
export class MemoryTenantLog {
  seq: number;
  durableSeq: number;
  epoch: string;
  checkpoint: Checkpoint | null;
  // A deque as array + start index: trimming the front is O(1) amortised.
  private events: SequencedEvent[] = [];
  private start = 0;
  private readonly ids = new Map<string, number>();

  constructor(head: { seq: number; epoch: string }, checkpoint: Checkpoint | null = null) {
    this.seq = head.seq;
    this.durableSeq = head.seq;
    this.epoch = head.epoch;
    this.checkpoint = checkpoint;
  }

  get retainedCount(): number {
    return this.events.length - this.start;
  }

  /**
   * Appends the events whose id is not in the retained window, then trims. A dropped
   * event is reported with the seq its id was first accepted under.
   */
  append(
    input: OpsEvent[],
    acceptedAt: number,
    retention: RetentionOptions,
  ): { appended: SequencedEvent[]; duplicateSeqs: DuplicateSeq[] } {
    const appended: SequencedEvent[] = [];
    const duplicateSeqs: DuplicateSeq[] = [];
    for (const event of input) {
      const firstSeq = this.ids.get(event.id);
      if (firstSeq !== undefined) {
        duplicateSeqs.push({ id: event.id, seq: firstSeq });
        continue;
      }
      this.seq += 1;
      const sequenced: SequencedEvent = { seq: this.seq, ts: acceptedAt, event };
      this.events.push(sequenced);
      this.ids.set(event.id, this.seq);
      appended.push(sequenced);
    }
    this.trim(acceptedAt - retention.maxAgeMs, retention.maxEvents);
    return { appended, duplicateSeqs };
  }

  /** Takes records from a journal as the retained window; they must be contiguous and end at `seq`. */
  restore(records: readonly SequencedEvent[]): void {
    const first = records[0];
    if (!first) return;
    if (this.retainedCount > 0 || first.seq + records.length - 1 !== this.seq)
      throw new Error('restore() needs an empty log and records that end at its seq');
    for (const record of records) {
      this.events.push(record);
      this.ids.set(record.event.id, record.seq);
    }
  }

  /** Gives back every seq after `seq` (events that could not be made durable); never below `durableSeq`. */
  rollbackTo(seq: number): void {
    const target = Math.max(seq, this.durableSeq);
    while (this.seq > target && this.events.length > this.start) {
      const newest = this.events.pop() as SequencedEvent;
      if (this.ids.get(newest.event.id) === newest.seq) this.ids.delete(newest.event.id);
      this.seq = newest.seq - 1;
    }
    this.seq = Math.min(this.seq, target);
  }

  /** Retained events with seq <= `upToSeq`, oldest first. */
  retainedUpTo(upToSeq: number): SequencedEvent[] {
    const oldest = this.events[this.start];
    if (!oldest || upToSeq < oldest.seq) return [];
    return this.events.slice(this.start, this.start + (upToSeq - oldest.seq + 1));
  }

  /** Drops events older than `cutoffTs` (epoch ms) and all but the newest `maxEvents`. */
  trim(cutoffTs: number, maxEvents: number): void {
    while (this.retainedCount > 0) {
      const oldest = this.events[this.start] as SequencedEvent;
      if (this.retainedCount <= maxEvents && oldest.ts >= cutoffTs) break;
      if (this.ids.get(oldest.event.id) === oldest.seq) this.ids.delete(oldest.event.id);
      this.start += 1;
    }
    if (this.start > 1024 && this.start * 2 > this.events.length) {
      this.events = this.events.slice(this.start);
      this.start = 0;
    }
  }

  /**
   * Events with seq > afterSeq and <= `upToSeq` (default `durableSeq`), at most `limit`;
   * null when the log no longer holds `afterSeq + 1` (trimmed or lost in a restart) or
   * `afterSeq` is beyond `upToSeq`.
   */
  readAfter(afterSeq: number, limit: number, upToSeq = this.durableSeq): SequencedEvent[] | null {
    if (afterSeq > upToSeq) return null;
    if (afterSeq === upToSeq) return [];
    const oldestSeq =
      this.retainedCount > 0 ? (this.events[this.start] as SequencedEvent).seq : this.seq + 1;
    if (afterSeq + 1 < oldestSeq) return null;
    const from = this.start + (afterSeq + 1 - oldestSeq);
    const to = this.start + (upToSeq - oldestSeq + 1);
    return this.events.slice(from, Math.min(to, from + Math.min(limit, to - from)));
  }
}
