import { describe, expect, it } from 'vitest';
import { eventRate } from './run-scenario';
import { scenarios } from './scenarios';

describe('bench scenarios', () => {
  it('defines scenarios 1 to 7 in full and quick form, each bounded in clients and time', () => {
    for (const quick of [false, true]) {
      const list = scenarios(quick);
      expect(list.map((s) => s.id)).toEqual([1, 2, 3, 4, 5, 6, 7]);
      for (const s of list) {
        expect(s.clients).toBeGreaterThan(0);
        expect(s.warmupMs + s.slices * s.sliceMs).toBeLessThanOrEqual(60_000);
      }
    }
    expect(scenarios(false).find((s) => s.id === 1)!.clients).toBe(10_000);
    const steady = scenarios(false).find((s) => s.id === 2)!;
    expect(steady.clients * steady.eventsPerSecondPerTenant!).toBe(100_000);
  });

  it('keeps the quick run short enough for three minutes', () => {
    const measured = scenarios(true).reduce((sum, s) => sum + s.warmupMs + s.slices * s.sliceMs, 0);
    expect(measured).toBeLessThanOrEqual(90_000);
  });

  it('offers scenario 4 twice the deliveries scenario 2 sustained, spread over its clients', () => {
    const overload = scenarios(false).find((s) => s.id === 4)!;
    expect(eventRate(overload, { sustainedDeliveriesPerSec: 60_000 })).toBe(24);
    expect(eventRate(overload, { sustainedDeliveriesPerSec: null })).toBe(40);
    const steady = scenarios(false).find((s) => s.id === 2)!;
    expect(eventRate(steady, { sustainedDeliveriesPerSec: 1 })).toBe(20);
  });
});
