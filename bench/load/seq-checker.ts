/**
 * Seq continuity of one client's subscription to one tenant, as docs/protocol.md defines it:
 * within an epoch seqs rise by exactly 1; a `resumed` continues where the client was; a snapshot
 * (first subscribe, a resume the hub could not serve, or a resync with a new epoch) restarts the
 * count at its seq. Counts what a client would see go wrong: lost seqs (gaps never filled),
 * duplicates (a seq delivered twice) and out-of-order deliveries (a gap filled late).
 */
export interface SeqCounts {
  /** Events delivered in order or late (not duplicates). */
  delivered: number;
  duplicated: number;
  outOfOrder: number;
  /** Seqs still missing: open gaps plus, after `closeAt`, the tail up to the head. */
  lost: number;
  /** Seqs a same-epoch snapshot jumped over (covered by the snapshot's state, not delivered). */
  skippedBySnapshot: number;
  /** Snapshots that carried an epoch different from the one the client held. */
  epochChanges: number;
}

export function emptySeqCounts(): SeqCounts {
  return {
    delivered: 0,
    duplicated: 0,
    outOfOrder: 0,
    lost: 0,
    skippedBySnapshot: 0,
    epochChanges: 0,
  };
}

/** Adds `from` into `into`. */
export function addSeqCounts(into: SeqCounts, from: SeqCounts): void {
  for (const key of Object.keys(into) as (keyof SeqCounts)[]) into[key] += from[key];
}

/** Gaps are kept as closed ranges [from, to]; a long outage is one range, not millions of seqs. */
type Gap = [number, number];

export class SeqChecker {
  private epoch: string | null = null;
  private last = 0;
  private gaps: Gap[] = [];
  private readonly counts = emptySeqCounts();

  /** The last seq received and its epoch, what a reconnecting client resumes from; null before the first snapshot. */
  position(): { seq: number; epoch: string } | null {
    return this.epoch === null ? null : { seq: this.last, epoch: this.epoch };
  }

  /** A `snapshot` frame: the client is now at `seq` in `epoch`. */
  onSnapshot(seq: number, epoch: string): void {
    if (this.epoch !== null && epoch !== this.epoch) {
      this.counts.epochChanges += 1;
      // History of the old epoch is gone; its gaps are no longer recoverable nor comparable.
      this.counts.lost += this.openGapSize();
      this.gaps = [];
    } else if (this.epoch !== null && seq > this.last) {
      this.counts.skippedBySnapshot += seq - this.last;
      this.gaps = this.gaps.filter(([, to]) => to > seq);
    }
    this.epoch = epoch;
    this.last = seq;
  }

  /** A `resumed` frame: the replay is complete at `seq`. A seq past the last one received is a gap. */
  onResumed(seq: number, epoch: string): void {
    if (this.epoch !== null && epoch !== this.epoch) return this.onSnapshot(seq, epoch);
    this.epoch = epoch;
    if (seq > this.last) {
      this.gaps.push([this.last + 1, seq]);
      this.last = seq;
    }
  }

  /** One delivered event (alone or as an element of an `events` batch). */
  onEvent(seq: number): void {
    if (seq === this.last + 1) {
      this.last = seq;
      this.counts.delivered += 1;
      return;
    }
    if (seq > this.last) {
      this.gaps.push([this.last + 1, seq - 1]);
      this.last = seq;
      this.counts.delivered += 1;
      return;
    }
    if (this.fillGap(seq)) {
      this.counts.outOfOrder += 1;
      this.counts.delivered += 1;
    } else {
      this.counts.duplicated += 1;
    }
  }

  /**
   * The run is over and `head` is the tenant's last published seq (in the current epoch):
   * every seq after the last one received counts as lost too. Returns the final counts.
   */
  closeAt(head: number | null): SeqCounts {
    const tail = head !== null && head > this.last ? head - this.last : 0;
    return { ...this.counts, lost: this.counts.lost + this.openGapSize() + tail };
  }

  private openGapSize(): number {
    return this.gaps.reduce((sum, [from, to]) => sum + (to - from + 1), 0);
  }

  private fillGap(seq: number): boolean {
    const index = this.gaps.findIndex(([from, to]) => seq >= from && seq <= to);
    if (index < 0) return false;
    const [from, to] = this.gaps[index]!;
    const rest: Gap[] = [];
    if (from < seq) rest.push([from, seq - 1]);
    if (seq < to) rest.push([seq + 1, to]);
    this.gaps.splice(index, 1, ...rest);
    return true;
  }
}
