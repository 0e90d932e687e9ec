import { describe, expect, it } from 'vitest';
import {
  coresBetween,
  cpuTicksOf,
  parseCpuTicks,
  parseRssBytes,
  rssOf,
  sampleCpu,
} from './proc-stats';

const STAT =
  '4242 (node ) (x) S 1 4242 4242 0 -1 4194304 5000 0 0 0 1234 567 0 0 20 0 11 0 100 1000000 20000 18446744073709551615';

describe('proc-stats', () => {
  it('reads utime + stime after the command name, even when the name holds spaces and parentheses', () => {
    expect(parseCpuTicks(STAT)).toBe(1234 + 567);
  });

  it('rejects text that is not a stat line', () => {
    expect(() => parseCpuTicks('garbage')).toThrow(/not a \/proc/);
    expect(() => parseCpuTicks('1 (x) S 1')).toThrow(/utime/);
  });

  it('reads VmRSS in bytes from a status file', () => {
    expect(parseRssBytes('Name:\tnode\nVmRSS:\t   81084 kB\nVmSwap:\t0 kB\n')).toBe(81084 * 1024);
    expect(() => parseRssBytes('Name:\tzombie\n')).toThrow(/VmRSS/);
  });

  it('turns ticks over wall time into cores, summing pids present in both samples', () => {
    const before = {
      atMs: 0,
      ticks: new Map([
        [1, 100],
        [2, 50],
        [3, 10],
      ]),
    };
    const after = {
      atMs: 2_000,
      ticks: new Map([
        [1, 300],
        [2, 150],
        [4, 999],
      ]),
    };
    // pid 1: 200 ticks, pid 2: 100 ticks → 3 s of CPU in 2 s = 1.5 cores; pid 3 died, 4 is new
    expect(coresBetween(before, after, 100)).toBeCloseTo(1.5);
    expect(coresBetween(after, after)).toBe(0);
  });

  it('reads this very process from /proc and reports a gone pid as null', () => {
    expect(cpuTicksOf(process.pid)).toBeGreaterThanOrEqual(0);
    expect(rssOf(process.pid)).toBeGreaterThan(10 * 1024 * 1024);
    expect(rssOf(2 ** 22 + 12345)).toBeNull();
    expect(sampleCpu([process.pid, 2 ** 22 + 12345]).ticks.size).toBe(1);
  });

  it('measures a busy loop as at most about one core, and more than none', () => {
    const before = sampleCpu([process.pid]);
    const startTicks = before.ticks.get(process.pid)!;
    const deadline = performance.now() + 10_000;
    // Spin until the kernel charged this process 50 ticks (500 ms of CPU); the box is shared,
    // so wall time for that varies, but one spinning thread cannot pass one core. Fifty ticks
    // keep the tick rounding at either end to a few percent (5 ticks could read as 1.25 cores),
    // and the margin covers V8's own helper threads, which are charged to the same process.
    while ((cpuTicksOf(process.pid) ?? 0) < startTicks + 50 && performance.now() < deadline);
    const cores = coresBetween(before, sampleCpu([process.pid]));
    expect(cores).toBeGreaterThan(0);
    expect(cores).toBeLessThan(1.5);
  });
});
