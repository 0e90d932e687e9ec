import type { Logger } from 'pino';

/**
 * Logs a recurring failure at most once per interval, saying how many repeats it
 * held back. During an outage every refused request fails the same way; one line
 * per request would bury the log (and the first line already has the cause).
 */
export class ThrottledWarning {
  private lastAt = Number.NEGATIVE_INFINITY;
  private suppressed = 0;

  /** @param intervalMs minimum time between two lines, ms (default 5 000). */
  constructor(
    private readonly logger: Pick<Logger, 'warn'>,
    private readonly message: string,
    private readonly intervalMs = 5_000,
    private readonly now: () => number = Date.now,
  ) {}

  warn(fields: Record<string, unknown>): void {
    const at = this.now();
    if (at - this.lastAt < this.intervalMs) {
      this.suppressed += 1;
      return;
    }
    this.logger.warn({ ...fields, repeatsSinceLastLine: this.suppressed }, this.message);
    this.lastAt = at;
    this.suppressed = 0;
  }
}
