import { KeyedRateLimit } from '../hub/token-bucket';

export interface LoginLimits {
  /** Failed token requests per minute per client address, and per (username, address); burst the same. */
  perAddressPerMinute: number;
  /** Failed password logins per minute per username from all addresses together; burst the same. */
  perUserPerMinute: number;
}

/** An attempt admitted by the limiter; `succeeded()` gives its budget back, since only failures count. */
export interface LoginAttempt {
  succeeded(): void;
}

/**
 * Limits credential guessing without letting anyone lock a user out:
 *
 * - only failures count: an attempt takes a token from its buckets and a success gives it back;
 * - password failures are counted per client address, per (username, address), and per username
 *   across all addresses with a much larger budget (a slowdown against distributed guessing);
 *   someone guessing from their own addresses never exhausts the owner's (username, address)
 *   bucket;
 * - a valid refresh token has already proven the password, so refresh grants never consult
 *   the password buckets: they have their own per-subject budget, which only the token
 *   holder spends. Invalid refresh tokens count as failures of their address.
 */
export class LoginRateLimit {
  private readonly byAddress: KeyedRateLimit;
  private readonly byUserAndAddress: KeyedRateLimit;
  private readonly byUser: KeyedRateLimit;
  private readonly byRefreshSubject: KeyedRateLimit;

  constructor(limits: LoginLimits, now: () => number = Date.now) {
    const perMinute = (count: number) => new KeyedRateLimit(count / 60, count, now);
    this.byAddress = perMinute(limits.perAddressPerMinute);
    this.byUserAndAddress = perMinute(limits.perAddressPerMinute);
    this.byUser = perMinute(limits.perUserPerMinute);
    this.byRefreshSubject = perMinute(limits.perAddressPerMinute);
  }

  /** A password attempt, or null (answer 429) when the address, the name at this address or the name overall is over budget. */
  beginPassword(ip: string, username: string): LoginAttempt | null {
    const name = username.toLowerCase();
    return this.begin([
      [this.byAddress, ip],
      [this.byUserAndAddress, `${name}\n${ip}`],
      [this.byUser, name],
    ]);
  }

  /** An API key attempt, or null when the address is over its failure budget. */
  beginApiKey(ip: string): LoginAttempt | null {
    return this.begin([[this.byAddress, ip]]);
  }

  /** Counts a refused refresh token against its address; false when the address is already over budget. */
  refreshRefused(ip: string): boolean {
    return this.byAddress.take(ip);
  }

  /** A refresh grant for this token subject (checked once the refresh token's signature holds). */
  allowRefresh(sub: string): boolean {
    return this.byRefreshSubject.take(sub.toLowerCase());
  }

  private begin(buckets: Array<[KeyedRateLimit, string]>): LoginAttempt | null {
    const taken: Array<[KeyedRateLimit, string]> = [];
    for (const [limit, key] of buckets) {
      if (!limit.take(key)) {
        for (const [held, heldKey] of taken) held.refund(heldKey);
        return null;
      }
      taken.push([limit, key]);
    }
    return { succeeded: () => taken.forEach(([limit, key]) => limit.refund(key)) };
  }
}
