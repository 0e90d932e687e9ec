import type { OpsEvent, SequencedEvent } from '../../protocol/events';
import type { Checkpoint, RetentionOptions } from './backplane';

/**
 * One tenant's retained log inside the memory backplane: the seq counter, the
 * epoch, the retained events (contiguous seqs, oldest first) and the ids seen
 * within that window for dedup.
 * @internal
 */
export class MemoryTenantLog {
  seq: number;
  epoch: string;
  checkpoint: Checkpoint | null;
  // A deque as array + start index: trimming the front is O(1) amortised.
  private events: SequencedEvent[] = [];
  private start = 0;
  private readonly ids = new Map<string, number>();

  constructor(head: { seq: number; epoch: string }, checkpoint: Checkpoint | null = null) {
    this.seq = head.seq;
    this.epoch = head.epoch;
    this.checkpoint = checkpoint;
  }

  get retainedCount(): number {
    return this.events.length - this.start;
  }

  /** Appends the events whose id is not in the retained window, then trims. */
  append(
    input: OpsEvent[],
    acceptedAt: number,
    retention: RetentionOptions,
  ): { appended: SequencedEvent[]; duplicates: number } {
    const appended: SequencedEvent[] = [];
    let duplicates = 0;
    for (const event of input) {
      if (this.ids.has(event.id)) {
        duplicates += 1;
        continue;
      }
      this.seq += 1;
      const sequenced: SequencedEvent = { seq: this.seq, ts: acceptedAt, event };
      this.events.push(sequenced);
      this.ids.set(event.id, this.seq);
      appended.push(sequenced);
    }
    this.trim(acceptedAt - retention.maxAgeMs, retention.maxEvents);
    return { appended, duplicates };
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
   * Events with seq > afterSeq, at most `limit`; null when the log no longer holds
   * `afterSeq + 1` (trimmed or lost in a restart) or `afterSeq` is beyond the head.
   */
  readAfter(afterSeq: number, limit: number): SequencedEvent[] | null {
    if (afterSeq > this.seq) return null;
    if (afterSeq === this.seq) return [];
    const oldestSeq =
      this.retainedCount > 0 ? (this.events[this.start] as SequencedEvent).seq : this.seq + 1;
    if (afterSeq + 1 < oldestSeq) return null;
    const from = this.start + (afterSeq + 1 - oldestSeq);
    const to = Math.min(this.events.length, from + Math.min(limit, this.events.length));
    return this.events.slice(from, to);
  }
}
