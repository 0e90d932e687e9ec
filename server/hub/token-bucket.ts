/**
 * A token bucket: `ratePerSec` tokens refill continuously up to `burst`.
 * The clock is injected so tests need no sleeping.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly ratePerSec: number,
    private readonly burst: number,
    private readonly now: () => number = Date.now,
  ) {
    if (!(ratePerSec > 0) || !(burst >= 1))
      throw new TypeError('TokenBucket needs ratePerSec > 0 and burst >= 1');
    this.tokens = burst;
    this.last = now();
  }

  /** Takes one token; false when the bucket is empty. */
  take(): boolean {
    const t = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((t - this.last) / 1000) * this.ratePerSec);
    this.last = t;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Gives back one token taken by `take` (an attempt that turned out not to count), up to `burst`. */
  refund(): void {
    this.tokens = Math.min(this.burst, this.tokens + 1);
  }

  /** True when the bucket is full again, so a keyed limiter may forget it. */
  isIdle(): boolean {
    return this.tokens + ((this.now() - this.last) / 1000) * this.ratePerSec >= this.burst;
  }
}

/**
 * One token bucket per key (client IP, username, token subject). Idle buckets are
 * swept so the map stays bounded by the number of active keys.
 */
export class KeyedRateLimit {
  private readonly buckets = new Map<string, TokenBucket>();
  private takes = 0;

  /** @param ratePerSec 0 disables the limit. */
  constructor(
    private readonly ratePerSec: number,
    private readonly burst: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one token for `key`; false when that key is over its rate. */
  take(key: string): boolean {
    if (this.ratePerSec <= 0) return true;
    if (++this.takes % 1000 === 0) this.sweep();
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = new TokenBucket(this.ratePerSec, this.burst, this.now);
      this.buckets.set(key, bucket);
    }
    return bucket.take();
  }

  /** Gives back a token taken for `key` by `take`. */
  refund(key: string): void {
    this.buckets.get(key)?.refund();
  }

  private sweep(): void {
    for (const [key, bucket] of this.buckets) if (bucket.isIdle()) this.buckets.delete(key);
  }
}
