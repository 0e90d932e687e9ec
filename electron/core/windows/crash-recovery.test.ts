import { describe, expect, it } from 'vitest';
import { CrashRecovery, describeRecovery } from './crash-recovery';

const crash = { kind: 'gone', reason: 'crashed', exitCode: 11 } as const;

describe('CrashRecovery', () => {
  it('reloads at once after a first crash', () => {
    const policy = new CrashRecovery();
    expect(policy.onTrouble(crash, 0)).toEqual({
      action: 'reload',
      delayMs: 0,
      recentCount: 1,
      totalCount: 1,
    });
  });

  it('backs off exponentially while crashes keep coming, capped at maxDelayMs', () => {
    const policy = new CrashRecovery({ maxDelayMs: 8000 });
    const delays = [0, 1, 2, 3, 4, 5, 6].map((i) => policy.onTrouble(crash, i * 100));
    expect(delays.map((d) => (d.action === 'reload' ? d.delayMs : -1))).toEqual([
      0, 1000, 2000, 4000, 8000, 8000, 8000,
    ]);
  });

  it('never gives up on a wall display', () => {
    const policy = new CrashRecovery();
    for (let i = 0; i < 500; i += 1) expect(policy.onTrouble(crash, i).action).toBe('reload');
    expect(policy.totalCount).toBe(500);
  });

  it('forgets crashes after a quiet period, so the next reload is immediate again, but keeps the total', () => {
    const policy = new CrashRecovery({ forgetAfterMs: 60_000 });
    policy.onTrouble(crash, 0);
    policy.onTrouble(crash, 1000);
    policy.onTrouble(crash, 2000);
    expect(policy.onTrouble(crash, 200_000)).toEqual({
      action: 'reload',
      delayMs: 0,
      recentCount: 1,
      totalCount: 4,
    });
  });

  it('gives a hung renderer a grace period before reloading', () => {
    const policy = new CrashRecovery({ unresponsiveGraceMs: 10_000 });
    expect(policy.onTrouble({ kind: 'unresponsive' }, 0)).toMatchObject({
      action: 'reload',
      delayMs: 10_000,
    });
  });

  it('does not reload or count a clean exit', () => {
    const policy = new CrashRecovery();
    expect(policy.onTrouble({ kind: 'gone', reason: 'clean-exit', exitCode: 0 }, 0).action).toBe(
      'none',
    );
    expect(policy.totalCount).toBe(0);
  });

  it('rejects a cap below the first delay', () => {
    expect(() => new CrashRecovery({ firstDelayMs: 5000, maxDelayMs: 1000 })).toThrow(/maxDelayMs/);
  });

  it('describes a decision in one readable log line', () => {
    const policy = new CrashRecovery();
    policy.onTrouble(crash, 0);
    const decision = policy.onTrouble({ kind: 'gone', reason: 'oom' }, 10);
    expect(describeRecovery({ kind: 'gone', reason: 'oom' }, decision)).toBe(
      'renderer gone (oom); reload #2 in 1 s (2 since start)',
    );
  });
});

describe('CrashRecovery hourly cap', () => {
  it('allows at most maxPerHour reloads in any rolling hour, then waits for the oldest to age out', () => {
    const policy = new CrashRecovery({ maxPerHour: 3, maxDelayMs: 1000 });
    const hour = 60 * 60_000;
    // A page that crashes right after every load: reload, crash again a second later, and so on.
    let now = 0;
    const due: number[] = [];
    for (let i = 0; i < 7; i += 1) {
      const decision = policy.onTrouble(crash, now);
      if (decision.action !== 'reload') throw new Error('expected a reload');
      due.push(now + decision.delayMs);
      now += decision.delayMs + 1000;
    }
    for (let i = 0; i < due.length; i += 1) {
      const inHour = due.filter((at) => at <= (due[i] as number) && at > (due[i] as number) - hour);
      expect(inHour.length, `reload ${i}`).toBeLessThanOrEqual(3);
    }
    expect(due[3]).toBe((due[0] as number) + hour);
    expect(due[6]).toBe((due[3] as number) + hour);
    const capped = policy.onTrouble(crash, now);
    expect(capped).toMatchObject({ action: 'reload', capped: true });
    expect(describeRecovery(crash, capped)).toMatch(/hourly reload limit/);
  });

  it('rejects a cap below one', () => {
    expect(() => new CrashRecovery({ maxPerHour: 0 })).toThrow(/maxPerHour/);
  });
});
