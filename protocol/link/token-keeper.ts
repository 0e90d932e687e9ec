import type { Clock, TimerHandle } from './clock';
import type { TokenHow } from './link-events';
import { localExpiry, renewalDelay, tokenUsable } from './token-schedule';

/** What the host's token source answers. `unauthorized` stops the link (auth_required). */
export type TokenResult =
  | { ok: true; token: string; /** Seconds, as the token endpoint says. */ expiresInSec: number }
  | { ok: false; code: 'unauthorized' | 'unavailable'; message: string };

/** Fetches a token; the Node host POSTs /v1/auth/token with the stored credential. Must not throw. */
export type TokenSource = (how: TokenHow) => Promise<TokenResult>;

interface HeldToken {
  value: string;
  obtainedAtLocal: number;
  /** Epoch seconds by the hub's clock, once the hub stated it; else estimated. */
  expSeconds: number;
}

/**
 * Holds the current token and its renewal timer. The link client decides what
 * to do with failures; this only keeps times straight (clock skew included).
 * @internal used by LinkClient
 */
export class TokenKeeper {
  private current: HeldToken | undefined;
  private renewTimer: TimerHandle | undefined;
  private fetchedBefore = false;
  /** Durations of recent token fetches, ms; the slowest sets the renewal lead. */
  private readonly latencies: number[] = [];
  /** Hub time minus local time, ms. */
  skewMs = 0;

  constructor(
    private readonly clock: Clock,
    private readonly source: TokenSource,
  ) {}

  get value(): string | undefined {
    return this.current?.value;
  }

  /** True when the held token can still be presented to the hub. */
  usable(): boolean {
    return (
      this.current !== undefined &&
      tokenUsable(localExpiry(this.current.expSeconds, this.skewMs), this.clock.now())
    );
  }

  /** Forget the token, e.g. after 4001 or repeated failed upgrades. */
  discard(): void {
    this.current = undefined;
    this.cancelRenewal();
  }

  /** Fetches a token for a connection (`initial` the first time, `reconnect` after). */
  async fetchForConnect(): Promise<{ result: TokenResult; how: TokenHow }> {
    const how: TokenHow = this.fetchedBefore ? 'reconnect' : 'initial';
    const result = await this.fetch(how);
    if (result.ok) this.fetchedBefore = true;
    return { result, how };
  }

  /** Fetches a token for an in-band renewal; the caller sends it and calls `accepted` on auth_ok. */
  async fetch(how: TokenHow): Promise<TokenResult> {
    const obtainedAtLocal = this.clock.now();
    let result: TokenResult;
    try {
      result = await this.source(how);
    } catch (error) {
      // The contract says a source must not throw, but a keychain or fetch bug must
      // not become an unhandled rejection that kills the host: treat it as a retryable failure.
      result = {
        ok: false,
        code: 'unavailable',
        message: `the token source failed: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
    this.latencies.push(this.clock.now() - obtainedAtLocal);
    if (this.latencies.length > 5) this.latencies.shift();
    if (result.ok && how !== 'inband') {
      this.current = {
        value: result.token,
        obtainedAtLocal,
        expSeconds: this.estimateExp(obtainedAtLocal, result.expiresInSec),
      };
    }
    return result;
  }

  /** The hub accepted a renewal (`auth_ok`) with this expiry. */
  accepted(token: string, obtainedAtLocal: number, expSeconds: number): void {
    this.current = { value: token, obtainedAtLocal, expSeconds };
  }

  /** The hub stated the expiry of the token it accepted (welcome `tokenExp`). */
  confirmExp(expSeconds: number): number {
    if (this.current) this.current.expSeconds = expSeconds;
    return expSeconds;
  }

  /** Expiry of a token just fetched, epoch seconds, by the hub's clock as best known. */
  estimateExp(obtainedAtLocal: number, expiresInSec: number): number {
    return Math.floor((obtainedAtLocal + this.skewMs) / 1000 + expiresInSec);
  }

  /** Arms the renewal timer for the current token; `renew` runs at ~80% of its lifetime. */
  scheduleRenewal(renew: () => void): void {
    this.cancelRenewal();
    if (!this.current) return;
    const delay = renewalDelay({
      obtainedAtLocal: this.current.obtainedAtLocal,
      expSeconds: this.current.expSeconds,
      skewMs: this.skewMs,
      now: this.clock.now(),
      fetchLatencyMs: Math.max(0, ...this.latencies),
    });
    this.renewTimer = this.clock.setTimeout(renew, delay);
  }

  /**
   * Retries a failed renewal after at most `ms`, and within the first half of the
   * time the current token has left. False when less than a second is left.
   */
  retryRenewal(renew: () => void, ms: number): boolean {
    if (!this.current) return false;
    const left = localExpiry(this.current.expSeconds, this.skewMs) - this.clock.now();
    if (left < 1000) return false;
    this.cancelRenewal();
    this.renewTimer = this.clock.setTimeout(renew, Math.min(ms, Math.floor(left / 2)));
    return true;
  }

  cancelRenewal(): void {
    if (this.renewTimer !== undefined) this.clock.clearTimeout(this.renewTimer);
    this.renewTimer = undefined;
  }
}
