import { describe, expect, it } from 'vitest';
import { SubscriptionBook } from './subscription-book';

describe('subscription book', () => {
  it('counts references: the first add creates, the last release removes', () => {
    const book = new SubscriptionBook();
    expect(book.add('t1').created).toBe(true);
    expect(book.add('t1').created).toBe(false);
    expect(book.release('t1')).toBe(false);
    expect(book.get('t1')?.refs).toBe(1);
    expect(book.release('t1')).toBe(true);
    expect(book.get('t1')).toBeUndefined();
    expect(book.release('t1')).toBe(false);
  });

  it('builds subscribe frames with the resume point once it has one', () => {
    const book = new SubscriptionBook();
    const { entry } = book.add('t1', { types: ['payment.*'] });
    expect(book.subscribeFrame(entry)).toEqual({
      type: 'subscribe',
      tenant: 't1',
      filter: { types: ['payment.*'] },
    });
    entry.phase = 'syncing';
    book.snapshot('t1', 40, 'e1');
    expect(book.subscribeFrame(entry)).toEqual({
      type: 'subscribe',
      tenant: 't1',
      resumeFrom: 40,
      epoch: 'e1',
      filter: { types: ['payment.*'] },
    });
    expect(book.subscribeFrame(entry, true)).toEqual({
      type: 'subscribe',
      tenant: 't1',
      filter: { types: ['payment.*'] },
    });
  });

  it('seeds the resume point from a cache', () => {
    const book = new SubscriptionBook();
    const { entry } = book.add('t1', undefined, { seq: 7, epoch: 'e' });
    expect(book.subscribeFrame(entry)).toEqual({
      type: 'subscribe',
      tenant: 't1',
      resumeFrom: 7,
      epoch: 'e',
    });
  });

  it('an empty filter is unfiltered, as the hub sees it: a replay must end exactly where events did', () => {
    const book = new SubscriptionBook();
    const { entry } = book.add('t1', {}, { seq: 10, epoch: 'e' });
    entry.phase = 'syncing';
    expect(book.resumed('t1', 12, 'e')).toBe('gap');
    const strict = new SubscriptionBook();
    const other = strict.add('t1', {}, { seq: 10, epoch: 'e' }).entry;
    other.phase = 'syncing';
    expect(strict.resumed('t1', 10, 'e')).toBe('ok');
  });

  it('unfiltered: accepts seq+1, drops duplicates, flags gaps', () => {
    const book = new SubscriptionBook();
    book.add('t1');
    book.snapshot('t1', 10, 'e');
    expect(book.checkEvent('t1', 11, undefined)).toBe('accept');
    expect(book.checkEvent('t1', 11, undefined)).toBe('duplicate');
    expect(book.checkEvent('t1', 9, undefined)).toBe('duplicate');
    expect(book.checkEvent('t1', 13, undefined)).toBe('gap');
    expect(book.get('t1')?.lastSeq).toBe(11);
  });

  it('filtered: trusts skipped seqs only when prev says nothing was sent in between', () => {
    const book = new SubscriptionBook();
    book.add('t1', { types: ['payment.*'] });
    book.snapshot('t1', 10, 'e');
    expect(book.checkEvent('t1', 15, 10)).toBe('accept');
    expect(book.checkEvent('t1', 20, 15)).toBe('accept');
    // prev 22 means the hub sent seq 22 to us, and we never got it.
    expect(book.checkEvent('t1', 25, 22)).toBe('gap');
    // A filtered frame without prev must still be contiguous.
    expect(book.checkEvent('t1', 22, undefined)).toBe('gap');
    expect(book.checkEvent('t1', 21, undefined)).toBe('accept');
  });

  it('ignores events before any baseline and while resyncing', () => {
    const book = new SubscriptionBook();
    book.add('t1');
    expect(book.checkEvent('t1', 1, undefined)).toBe('ignore');
    book.snapshot('t1', 5, 'e');
    book.startResync('t1');
    expect(book.checkEvent('t1', 6, undefined)).toBe('ignore');
    expect(book.checkEvent('nope', 6, undefined)).toBe('ignore');
  });

  it('a resume must end where the replay left us, in the same epoch', () => {
    const book = new SubscriptionBook();
    const { entry } = book.add('t1', undefined, { seq: 5, epoch: 'e' });
    entry.phase = 'syncing';
    expect(book.checkEvent('t1', 6, undefined)).toBe('accept');
    expect(book.resumed('t1', 6, 'e')).toBe('ok');
    expect(entry.phase).toBe('active');

    const other = book.add('t2', undefined, { seq: 5, epoch: 'e' }).entry;
    other.phase = 'syncing';
    expect(book.resumed('t2', 8, 'e')).toBe('gap');
    other.phase = 'syncing';
    expect(book.resumed('t2', 5, 'other-epoch')).toBe('gap');
  });

  it('filtered resume may end past the last replayed seq', () => {
    const book = new SubscriptionBook();
    const { entry } = book.add('t1', { types: ['alert'] }, { seq: 5, epoch: 'e' });
    entry.phase = 'syncing';
    expect(book.resumed('t1', 9, 'e')).toBe('ok');
    expect(entry.lastSeq).toBe(9);
  });

  it('socket loss sends every subscription back to pending, except forbidden ones', () => {
    const book = new SubscriptionBook();
    book.add('t1').entry.phase = 'active';
    book.add('t2').entry.phase = 'forbidden';
    book.socketLost();
    expect(book.get('t1')?.phase).toBe('pending');
    expect(book.get('t2')?.phase).toBe('forbidden');
    book.clearForbidden();
    expect(book.get('t2')?.phase).toBe('pending');
  });
});
