/**
 * Counts protocol violations of one connection in a sliding window; more than
 * `limit` within `windowMs` means the connection is closed with 4400.
 */
export class ViolationWindow {
  private readonly times: number[] = [];

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records one violation; true when the limit is now exceeded. */
  record(): boolean {
    const t = this.now();
    this.times.push(t);
    while (this.times.length > 0 && (this.times[0] as number) <= t - this.windowMs)
      this.times.shift();
    return this.times.length > this.limit;
  }
}
