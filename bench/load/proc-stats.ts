/**
 * CPU and memory of processes from /proc, the way `top` gets them: utime+stime from
 * /proc/<pid>/stat (in clock ticks) and VmRSS from /proc/<pid>/status. CPU in cores is
 * ticks used ÷ ticks per second ÷ wall seconds, so 1.0 is one core busy the whole time.
 */
import { readFileSync } from 'node:fs';

/** USER_HZ: clock ticks per second in /proc/<pid>/stat; 100 on every Linux this runs on (`getconf CLK_TCK`). */
export const CLOCK_TICKS_PER_SECOND = 100;

/**
 * utime + stime of /proc/<pid>/stat, in ticks. The command name (field 2) is in parentheses
 * and may itself contain spaces or parentheses, so fields are counted after the last ')'.
 * @throws Error when the text is not a stat line.
 */
export function parseCpuTicks(statText: string): number {
  const close = statText.lastIndexOf(')');
  if (close < 0) throw new Error(`not a /proc/<pid>/stat line: ${statText.slice(0, 80)}`);
  // After ')': field 3 (state) is index 0, so utime (field 14) is index 11 and stime index 12.
  const fields = statText
    .slice(close + 2)
    .trim()
    .split(/\s+/);
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  if (!Number.isFinite(utime) || !Number.isFinite(stime))
    throw new Error(`no utime/stime in /proc/<pid>/stat line: ${statText.slice(0, 80)}`);
  return utime + stime;
}

/** VmRSS of /proc/<pid>/status, in bytes. @throws Error when the line is missing (e.g. a zombie). */
export function parseRssBytes(statusText: string): number {
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(statusText);
  if (!match) throw new Error('no VmRSS line in /proc/<pid>/status (has the process exited?)');
  return Number(match[1]) * 1024;
}

/** CPU ticks of a live process; null once it is gone. */
export function cpuTicksOf(pid: number): number | null {
  try {
    return parseCpuTicks(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** RSS of a live process in bytes; null once it is gone (or a zombie, which has no VmRSS). */
export function rssOf(pid: number): number | null {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  return /^VmRSS:/m.test(text) ? parseRssBytes(text) : null;
}

/** CPU ticks of a group of processes at one moment (pids that are gone count as absent). */
export interface CpuSample {
  atMs: number;
  ticks: Map<number, number>;
}

export function sampleCpu(pids: readonly number[], atMs: number = performance.now()): CpuSample {
  const ticks = new Map<number, number>();
  for (const pid of pids) {
    const value = cpuTicksOf(pid);
    if (value !== null) ticks.set(pid, value);
  }
  return { atMs, ticks };
}

/**
 * Cores used between two samples, summed over the pids present in both (a process that died
 * in between contributes nothing for the interval, rather than a negative or made-up figure).
 */
export function coresBetween(
  before: CpuSample,
  after: CpuSample,
  ticksPerSecond = CLOCK_TICKS_PER_SECOND,
): number {
  const seconds = (after.atMs - before.atMs) / 1000;
  if (!(seconds > 0)) return 0;
  let ticks = 0;
  for (const [pid, end] of after.ticks) {
    const start = before.ticks.get(pid);
    if (start !== undefined) ticks += end - start;
  }
  return ticks / ticksPerSecond / seconds;
}
