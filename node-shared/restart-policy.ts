/**
 * When to restart a supervised process that exited on its own, and when to stop
 * trying. Pure: the caller passes the clock readings, and randomness is injected.
 *
 * - Delays grow 1 s, 2 s, 4 s … up to 30 s, with equal jitter (half fixed, half
 *   random) so a fleet of wall displays restarting together does not stampede.
 * - A process that stayed up for `stableAfterMs` counts as healthy again: the next
 *   crash starts from the first delay.
 * - `maxCrashes` exits inside `crashWindowMs` means the process cannot run here
 *   (a port taken, a broken data dir); restarting forever would only hide that.
 */
export interface RestartPolicyOptions {
  /** First restart delay in ms (default 1,000). */
  firstDelayMs?: number;
  /** Ceiling of the delay in ms (default 30,000). */
  maxDelayMs?: number;
  /** Exits inside the window that make the supervisor give up (default 5). */
  maxCrashes?: number;
  /** The window in ms (default 120,000). */
  crashWindowMs?: number;
  /** Uptime in ms after which the backoff starts again from the first delay (default 60,000). */
  stableAfterMs?: number;
  /** Returns a number in [0, 1); Math.random by default. */
  random?: () => number;
}

export type RestartDecision =
  | { kind: 'restart'; delayMs: number; crashesInWindow: number }
  | { kind: 'give_up'; crashesInWindow: number };

export class RestartPolicy {
  private readonly firstDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly maxCrashes: number;
  readonly crashWindowMs: number;
  private readonly stableAfterMs: number;
  private readonly random: () => number;
  private crashTimes: number[] = [];
  private consecutive = 0;

  constructor(options: RestartPolicyOptions = {}) {
    this.firstDelayMs = options.firstDelayMs ?? 1_000;
    this.maxDelayMs = options.maxDelayMs ?? 30_000;
    this.maxCrashes = options.maxCrashes ?? 5;
    this.crashWindowMs = options.crashWindowMs ?? 120_000;
    this.stableAfterMs = options.stableAfterMs ?? 60_000;
    this.random = options.random ?? Math.random;
    if (this.firstDelayMs <= 0 || this.maxDelayMs < this.firstDelayMs)
      throw new RangeError('RestartPolicy needs 0 < firstDelayMs <= maxDelayMs');
    if (!Number.isInteger(this.maxCrashes) || this.maxCrashes < 1)
      throw new RangeError('RestartPolicy needs maxCrashes to be a positive integer');
  }

  /**
   * Records an unexpected exit at `nowMs` of a process that had run for `ranForMs`,
   * and says what to do.
   */
  onUnexpectedExit(nowMs: number, ranForMs: number): RestartDecision {
    if (ranForMs >= this.stableAfterMs) this.consecutive = 0;
    this.crashTimes = this.crashTimes.filter((at) => nowMs - at < this.crashWindowMs);
    this.crashTimes.push(nowMs);
    const crashesInWindow = this.crashTimes.length;
    if (crashesInWindow >= this.maxCrashes) return { kind: 'give_up', crashesInWindow };
    const ceiling = Math.min(this.maxDelayMs, this.firstDelayMs * 2 ** this.consecutive);
    this.consecutive += 1;
    const delayMs = Math.round(ceiling / 2 + (this.random() * ceiling) / 2);
    return { kind: 'restart', delayMs, crashesInWindow };
  }
}
