import { KeyedRateLimit } from '../hub/token-bucket';

/**
 * Limits token requests per client IP and per username, so password guessing is
 * slow from one address and against one account from many addresses.
 */
export class LoginRateLimit {
  private readonly byIp: KeyedRateLimit;
  private readonly byUser: KeyedRateLimit;

  /** @param perMinute attempts per minute per key, with a burst of the same size. */
  constructor(perMinute: number, now: () => number = Date.now) {
    this.byIp = new KeyedRateLimit(perMinute / 60, perMinute, now);
    this.byUser = new KeyedRateLimit(perMinute / 60, perMinute, now);
  }

  allowIp(ip: string): boolean {
    return this.byIp.take(ip);
  }

  allowUser(username: string): boolean {
    return this.byUser.take(username.toLowerCase());
  }
}
