import { describe, expect, it } from 'vitest';
import { SeqChecker } from './seq-checker';

function feed(checker: SeqChecker, seqs: number[]): void {
  for (const seq of seqs) checker.onEvent(seq);
}

describe('SeqChecker', () => {
  it('counts a contiguous stream after a snapshot as delivered with nothing lost', () => {
    const c = new SeqChecker();
    c.onSnapshot(10, 'e1');
    feed(c, [11, 12, 13]);
    expect(c.closeAt(13)).toMatchObject({ delivered: 3, lost: 0, duplicated: 0, outOfOrder: 0 });
  });

  it('counts a gap as lost, and a late arrival inside it as out of order rather than lost', () => {
    const c = new SeqChecker();
    c.onSnapshot(0, 'e1');
    feed(c, [1, 2, 5, 3]);
    expect(c.closeAt(5)).toMatchObject({ delivered: 4, lost: 1, outOfOrder: 1, duplicated: 0 });
  });

  it('counts a seq delivered twice as a duplicate', () => {
    const c = new SeqChecker();
    c.onSnapshot(0, 'e1');
    feed(c, [1, 2, 2, 1, 3]);
    expect(c.closeAt(3)).toMatchObject({ delivered: 3, duplicated: 2, lost: 0 });
  });

  it('counts the tail the client never received up to the head as lost', () => {
    const c = new SeqChecker();
    c.onSnapshot(0, 'e1');
    feed(c, [1, 2]);
    expect(c.closeAt(6).lost).toBe(4);
    expect(c.closeAt(null).lost).toBe(0);
  });

  it('continues without loss across a reconnect that resumes from its position', () => {
    const c = new SeqChecker();
    c.onSnapshot(100, 'e1');
    feed(c, [101, 102]);
    expect(c.position()).toEqual({ seq: 102, epoch: 'e1' });
    // reconnect: replay of 103..105, then resumed at 105, then live
    feed(c, [103, 104, 105]);
    c.onResumed(105, 'e1');
    feed(c, [106]);
    expect(c.closeAt(106)).toMatchObject({ delivered: 6, lost: 0, duplicated: 0 });
  });

  it('counts seqs a resumed frame jumps past as lost', () => {
    const c = new SeqChecker();
    c.onSnapshot(0, 'e1');
    feed(c, [1]);
    c.onResumed(4, 'e1');
    expect(c.closeAt(4).lost).toBe(3);
  });

  it('treats a same-epoch snapshot past the position as skipped (covered by state), not lost', () => {
    const c = new SeqChecker();
    c.onSnapshot(0, 'e1');
    feed(c, [1, 2]);
    c.onSnapshot(50, 'e1');
    feed(c, [51]);
    expect(c.closeAt(51)).toMatchObject({ skippedBySnapshot: 48, lost: 0, epochChanges: 0 });
  });

  it('restarts the count on a snapshot with a new epoch and counts the epoch change', () => {
    const c = new SeqChecker();
    c.onSnapshot(500, 'e1');
    feed(c, [501, 503]);
    c.onSnapshot(7, 'e2');
    feed(c, [8, 9]);
    const counts = c.closeAt(9);
    expect(counts).toMatchObject({ epochChanges: 1, delivered: 4, duplicated: 0 });
    // the open gap of the old epoch (502) can never be filled any more
    expect(counts.lost).toBe(1);
    expect(c.position()).toEqual({ seq: 9, epoch: 'e2' });
  });

  it('keeps a long outage as one range, so millions of missing seqs cost no memory', () => {
    const c = new SeqChecker();
    c.onSnapshot(0, 'e1');
    feed(c, [1, 5_000_000]);
    expect(c.closeAt(5_000_000).lost).toBe(4_999_998);
  });
});
