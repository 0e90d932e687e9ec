import { describe, expect, it } from 'vitest';
import { reduce, reduceAll } from './board-reducer';
import { BEIRUT_NOON, beirutBoard, placed, sequence } from '../../test-support/board-events';

describe('the event feed', () => {
  it('puts unknown event types into the feed without touching the aggregates', () => {
    const before = reduceAll(beirutBoard(), sequence([placed('o-1', 'downtown', 1000)]));
    const after = reduce(before, {
      seq: 2,
      ts: BEIRUT_NOON + 5000,
      event: { id: 'x', type: 'pos.shift_closed', location: 'downtown', data: { cashier: 'Rami' } },
    });
    expect(after.feed.at(-1)).toMatchObject({
      seq: 2,
      type: 'pos.shift_closed',
      fields: { cashier: 'Rami' },
    });
    expect(after.totals).toEqual(before.totals);
    expect(after.openOrders).toEqual(before.openOrders);
  });
});
