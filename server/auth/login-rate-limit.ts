import { KeyedRateLimit } from '../hub/token-bucket';

/**
 * Limits token requests per client IP and per account, so password guessing is
 * slow from one address and against one account from many addresses. Refresh
 * grants count against the IP and against their own per-account bucket, so a
 * flood of wrong passwords for a name cannot lock that user's wall display out.
 */
export class LoginRateLimit {
  private readonly byIp: KeyedRateLimit;
  private readonly byUser: KeyedRateLimit;
  private readonly byRefreshSubject: KeyedRateLimit;

  /** @param perMinute attempts per minute per key, with a burst of the same size. */
  constructor(perMinute: number, now: () => number = Date.now) {
    this.byIp = new KeyedRateLimit(perMinute / 60, perMinute, now);
    this.byUser = new KeyedRateLimit(perMinute / 60, perMinute, now);
    this.byRefreshSubject = new KeyedRateLimit(perMinute / 60, perMinute, now);
  }

  allowIp(ip: string): boolean {
    return this.byIp.take(ip);
  }

  allowUser(username: string): boolean {
    return this.byUser.take(username.toLowerCase());
  }

  /** A refresh grant for this token subject (checked once the refresh token's signature holds). */
  allowRefresh(sub: string): boolean {
    return this.byRefreshSubject.take(sub.toLowerCase());
  }
}
