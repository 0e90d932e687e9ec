import { describe, expect, it } from 'vitest';
import { RestartPolicy } from './restart-policy';

const top = () => 0.999999;
const bottom = () => 0;

describe('RestartPolicy', () => {
  it('doubles the delay from 1 s and never waits longer than 30 s', () => {
    const policy = new RestartPolicy({ random: top, maxCrashes: 100, crashWindowMs: 1 });
    const delays = Array.from({ length: 8 }, (_, i) => {
      const decision = policy.onUnexpectedExit(i * 10, 100);
      return decision.kind === 'restart' ? Math.round(decision.delayMs / 1000) : -1;
    });
    expect(delays).toEqual([1, 2, 4, 8, 16, 30, 30, 30]);
  });

  it('keeps at least half of each delay so jitter never retries at once', () => {
    const policy = new RestartPolicy({ random: bottom });
    const first = policy.onUnexpectedExit(0, 100);
    expect(first).toEqual({ kind: 'restart', delayMs: 500, crashesInWindow: 1 });
  });

  it('gives up on the fifth crash inside two minutes', () => {
    const policy = new RestartPolicy({ random: bottom });
    const kinds = [0, 10_000, 20_000, 30_000, 40_000].map(
      (at) => policy.onUnexpectedExit(at, 1_000).kind,
    );
    expect(kinds).toEqual(['restart', 'restart', 'restart', 'restart', 'give_up']);
  });

  it('forgets crashes older than the window', () => {
    const policy = new RestartPolicy({ random: bottom });
    for (const at of [0, 10_000, 20_000, 30_000]) policy.onUnexpectedExit(at, 1_000);
    const later = policy.onUnexpectedExit(150_000, 1_000);
    expect(later.kind).toBe('restart');
    expect(later.crashesInWindow).toBe(1);
  });

  it('starts again from the first delay after the process ran for a minute', () => {
    const policy = new RestartPolicy({ random: top });
    policy.onUnexpectedExit(0, 100);
    policy.onUnexpectedExit(5_000, 100);
    const third = policy.onUnexpectedExit(10_000, 100);
    expect(third.kind === 'restart' && third.delayMs).toBeGreaterThan(3_900);
    const afterStableRun = policy.onUnexpectedExit(90_000, 75_000);
    expect(afterStableRun.kind === 'restart' && afterStableRun.delayMs).toBeLessThanOrEqual(1_000);
  });

  it('refuses settings that cannot work, naming them', () => {
    expect(() => new RestartPolicy({ firstDelayMs: 0 })).toThrow(/firstDelayMs/);
    expect(() => new RestartPolicy({ maxCrashes: 0 })).toThrow(/maxCrashes/);
  });
});
