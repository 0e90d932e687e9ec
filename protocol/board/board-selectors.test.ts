import { describe, expect, it } from 'vitest';
import type { SequencedEvent } from '../events';
import { reduce, reduceAll } from './board-reducer';
import {
  createOpenOrderLanesSelector,
  failedPaymentSeverity,
  lowStock,
  SEVERITY_THRESHOLDS,
  stockSeverity,
  stockShortfall,
  ticketSeverity,
  ticketUrgency,
  trendSeries,
  waitlistSeverity,
} from './board-selectors';
import { BOARD_LIMITS, createBoardState, TREND_BUCKET_MS, type TrendBucket } from './board-state';

const NOON = Date.UTC(2026, 10, 22, 10, 0, 0);

function placed(seq: number, orderId: string, location = 'hamra'): SequencedEvent {
  return {
    seq,
    ts: NOON + seq * 1000,
    event: {
      type: 'order.placed',
      id: `e-${seq}`,
      location,
      data: {
        orderId,
        channel: 'dine_in',
        items: [{ sku: 'k', name: 'Kibbeh', qty: 1, unitPrice: 100 }],
        total: 100,
        currency: 'LBP',
      },
    },
  };
}

function status(seq: number, orderId: string, next: 'accepted' | 'preparing'): SequencedEvent {
  return {
    seq,
    ts: NOON + seq * 1000,
    event: {
      type: 'order.status',
      id: `e-${seq}`,
      location: 'hamra',
      data: { orderId, status: next },
    },
  };
}

describe('createOpenOrderLanesSelector', () => {
  const base = reduceAll(createBoardState({ timeZone: 'Asia/Beirut' }), [
    placed(1, 'o-1'),
    placed(2, 'o-2'),
    placed(3, 'o-3'),
  ]);

  it('returns the same lanes object while state.openOrders is the same object', () => {
    const select = createOpenOrderLanesSelector();
    const first = select(base);
    expect(first.placed.map((order) => order.orderId)).toEqual(['o-1', 'o-2', 'o-3']);
    expect(select({ ...base, seq: base.seq + 1 })).toBe(first);
  });

  it('keeps an unchanged lane by reference when another lane changes', () => {
    const select = createOpenOrderLanesSelector();
    const first = select(base);
    const next = select(reduce(base, status(4, 'o-2', 'accepted')));
    expect(next).not.toBe(first);
    expect(next.placed.map((order) => order.orderId)).toEqual(['o-1', 'o-3']);
    expect(next.accepted.map((order) => order.orderId)).toEqual(['o-2']);
    expect(next.preparing).toBe(first.preparing);
    expect(next.ready).toBe(first.ready);
  });

  it('returns the previous result when a new openOrders object holds the same tickets', () => {
    const select = createOpenOrderLanesSelector();
    const first = select(base);
    expect(select({ ...base, openOrders: { ...base.openOrders } })).toBe(first);
  });

  it('recomputes for a different location', () => {
    const state = reduce(base, placed(4, 'o-4', 'byblos'));
    const select = createOpenOrderLanesSelector();
    expect(select(state).placed).toHaveLength(4);
    expect(select(state, 'byblos').placed.map((order) => order.orderId)).toEqual(['o-4']);
  });
});

describe('trendSeries', () => {
  const B = TREND_BUCKET_MS;
  const T0 = Math.floor(NOON / B) * B;
  const bucket = (start: number, orders: number, waitlist = 0): TrendBucket => ({
    start,
    orders,
    revenue: orders * 10,
    failedPayments: 0,
    occupiedTables: 0,
    waitlist,
  });

  it('returns the bucket holding now apart as partial, so a rising count never ends in a falling line', () => {
    const trend = [bucket(T0, 12), bucket(T0 + B, 14), bucket(T0 + 2 * B, 2)];
    const series = trendSeries(trend, 'orders', T0 + 2 * B + 40_000);
    expect(series).toEqual({ complete: [12, 14], partial: 2 });
  });

  it('counts every bucket as complete once now has moved into a bucket with no events yet', () => {
    const trend = [bucket(T0, 12), bucket(T0 + B, 14)];
    expect(trendSeries(trend, 'orders', T0 + 2 * B + 1)).toEqual({
      complete: [12, 14],
      partial: 0,
    });
  });

  it('fills gaps with zero for counters and with the last level for gauges', () => {
    const trend = [bucket(T0, 5, 3), bucket(T0 + 3 * B, 7, 6)];
    const now = T0 + 3 * B + 1;
    expect(trendSeries(trend, 'orders', now)).toEqual({ complete: [5, 0, 0], partial: 7 });
    expect(trendSeries(trend, 'waitlist', now)).toEqual({ complete: [3, 3, 3], partial: 6 });
  });

  it('keeps only the last two hours of buckets, and the gauge level from before them', () => {
    const trend = [bucket(T0, 1, 4), bucket(T0 + 30 * B, 2, 4)];
    const series = trendSeries(trend, 'waitlist', T0 + 30 * B);
    expect(series.complete).toHaveLength(BOARD_LIMITS.trendBuckets - 1);
    expect(series.complete.every((value) => value === 4)).toBe(true);
    expect(trendSeries(trend, 'orders', T0 + 30 * B).complete.every((v) => v === 0)).toBe(true);
  });

  it('treats a bucket ahead of the local clock as the current one, and an empty trend as nothing', () => {
    expect(trendSeries([bucket(T0, 3), bucket(T0 + B, 4)], 'orders', T0 + 10)).toEqual({
      complete: [3],
      partial: 4,
    });
    expect(trendSeries([], 'orders', NOON)).toEqual({ complete: [], partial: null });
  });
});

describe('severity thresholds', () => {
  it('gives the same failed-payment severity for 4.4% and 4.7%: a warning, not a failure', () => {
    expect(failedPaymentSeverity(2, 0.044)).toBe('warning');
    expect(failedPaymentSeverity(3, 0.047)).toBe('warning');
    expect(failedPaymentSeverity(0, 0)).toBe('ok');
    expect(failedPaymentSeverity(1, SEVERITY_THRESHOLDS.failedPaymentRateBad)).toBe('bad');
  });

  it('marks a waitlist above the threshold as a warning', () => {
    expect(waitlistSeverity(SEVERITY_THRESHOLDS.waitlistWarning)).toBe('ok');
    expect(waitlistSeverity(SEVERITY_THRESHOLDS.waitlistWarning + 1)).toBe('warning');
  });

  it('marks stock out as bad, at or below threshold as a warning, and measures the shortfall relatively', () => {
    expect(stockSeverity({ qty: 0, threshold: 5 })).toBe('bad');
    expect(stockSeverity({ qty: 5, threshold: 5 })).toBe('warning');
    expect(stockSeverity({ qty: 6, threshold: 5 })).toBe('ok');
    expect(stockShortfall({ qty: 1, threshold: 4 })).toBe(0.75);
    expect(stockShortfall({ qty: 9, threshold: 4 })).toBe(0);
    expect(stockShortfall({ qty: 0, threshold: 0 })).toBe(1);
  });

  it('turns a ticket late at 10 minutes and overdue at 20', () => {
    expect(ticketUrgency(SEVERITY_THRESHOLDS.ticketLateMs - 1)).toBe('on_time');
    expect(ticketUrgency(SEVERITY_THRESHOLDS.ticketLateMs)).toBe('late');
    expect(ticketUrgency(SEVERITY_THRESHOLDS.ticketOverdueMs)).toBe('overdue');
    expect(ticketSeverity('overdue')).toBe('bad');
  });
});

describe('lowStock', () => {
  it('lists items at or below threshold, largest relative shortfall first', () => {
    const item = (sku: string, qty: number, threshold: number) => ({
      sku,
      name: sku,
      location: 'hamra',
      qty,
      threshold,
      at: NOON,
    });
    const state = {
      ...createBoardState({ timeZone: 'Asia/Beirut' }),
      inventory: {
        a: item('half', 5, 10),
        b: item('out', 0, 3),
        c: item('fine', 20, 10),
        d: item('quarter', 3, 4),
      },
    };
    expect(lowStock(state).map((entry) => entry.sku)).toEqual(['out', 'half', 'quarter']);
  });
});
