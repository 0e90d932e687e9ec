import type { SequencedEvent } from '../../protocol/events';
import type { LogHead, TenantListener } from './backplane';

/**
 * Test listener that records deliveries and resets in order and checks the
 * backplane's promise: within an epoch every seq arrives once, in order, with no
 * gap, and a reset names the head that the next delivery continues from.
 * @internal
 */
export class TimelineListener implements TenantListener {
  readonly entries: Array<
    | { kind: 'events'; epoch: string; seqs: number[]; ids: string[] }
    | { kind: 'reset'; head: LogHead; reason: string }
  > = [];
  private cursor: number;
  private epoch: string | null;
  readonly violations: string[] = [];

  constructor(start: { seq: number; epoch: string | null }) {
    this.cursor = start.seq;
    this.epoch = start.epoch;
  }

  onEvents(events: SequencedEvent[], epoch: string): void {
    const seqs = events.map((e) => e.seq);
    this.entries.push({ kind: 'events', epoch, seqs, ids: events.map((e) => e.event.id) });
    if (this.epoch !== null && epoch !== this.epoch)
      this.violations.push(`events of epoch ${epoch} without a reset from ${this.epoch}`);
    this.epoch = epoch;
    for (const seq of seqs) {
      if (seq !== this.cursor + 1)
        this.violations.push(`expected seq ${this.cursor + 1}, got ${seq}`);
      this.cursor = seq;
    }
  }

  onReset(head: LogHead, reason: string): void {
    this.entries.push({ kind: 'reset', head, reason });
    this.cursor = head.seq;
    this.epoch = head.epoch;
  }

  get resets(): LogHead[] {
    return this.entries.flatMap((e) => (e.kind === 'reset' ? [e.head] : []));
  }

  get lastSeq(): number {
    return this.cursor;
  }

  get currentEpoch(): string | null {
    return this.epoch;
  }

  /** Ids of every delivered event, in delivery order. */
  deliveredIds(): string[] {
    return this.entries.flatMap((e) => (e.kind === 'events' ? e.ids : []));
  }
}
