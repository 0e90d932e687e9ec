import type { TokenHow, TokenResult } from '../../../protocol/link';

/** Don't hand out a token with less than this left, ms. */
const MIN_REMAINING_MS = 2000;

/**
 * The one token of the browser host, in the link worker's memory only (never
 * IndexedDB, never a page). The browser keeps no password, so it cannot mint a
 * new token:
 * - a reconnect reuses the held token while it has time left;
 * - an in-band renewal answers `unavailable` (the link keeps the current token
 *   until the hub closes with 4001);
 * - once the token has expired, the answer is `unauthorized`, the link goes to
 *   `auth_required`, and the console shows "Sign-in needed".
 */
export class HeldToken {
  private value: string | null = null;
  private expiresAt = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** Holds a token that is valid for `expiresInSec` from `obtainedAt` (epoch ms). */
  set(value: string, expiresInSec: number, obtainedAt: number): void {
    this.value = value;
    this.expiresAt = obtainedAt + expiresInSec * 1000;
  }

  clear(): void {
    this.value = null;
    this.expiresAt = 0;
  }

  /** True while a token with time left is held. */
  present(): boolean {
    return this.value !== null && this.expiresAt - this.now() > MIN_REMAINING_MS;
  }

  /** The link client's token source (see `TokenSource` in protocol/link). Never throws. */
  readonly source = async (how: TokenHow): Promise<TokenResult> => {
    if (how === 'inband') {
      return { ok: false, code: 'unavailable', message: 'The browser console cannot renew its token without the password; sign in again when it expires.' };
    }
    if (this.value === null || !this.present()) {
      return { ok: false, code: 'unauthorized', message: 'Your session has expired. Sign in again.' };
    }
    return { ok: true, token: this.value, expiresInSec: Math.floor((this.expiresAt - this.now()) / 1000) };
  };
}
