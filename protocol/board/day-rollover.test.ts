import { describe, expect, it } from 'vitest';
import { createBoardState } from './board-state';
import { reduceAll } from './board-reducer';
import { revenueToday } from './board-selectors';
import { beirutBoard, placed, sequence } from '../../test-support/board-events';

describe('the tenant-local day', () => {
  it('resets the day totals at midnight in the tenant time zone, not in UTC', () => {
    const lateEvening = Date.UTC(2026, 10, 22, 21, 30); // 23:30 Beirut
    const afterMidnight = Date.UTC(2026, 10, 22, 22, 30); // 00:30 Beirut next day, still Nov 22 in UTC
    const state = reduceAll(
      beirutBoard(),
      sequence([
        placed('o-1', 'downtown', 1000, lateEvening),
        placed('o-2', 'downtown', 2000, afterMidnight),
      ]),
    );
    expect(state.dayKey).toBe('2026-11-23');
    expect(state.totals.orders).toBe(1);
    expect(revenueToday(state).amount).toBe(2000);
  });

  it('falls back to UTC for an unknown time zone instead of failing later', () => {
    expect(createBoardState({ timeZone: 'Mars/Olympus' }).timeZone).toBe('UTC');
  });
});
