import type { TokenResponse } from '../../../protocol';
import type { TokenHow, TokenResult } from '../../../protocol/link';
import type { TokenResult as EndpointResult } from './token-client';

/** Don't hand out a token with less than this left, ms. */
const MIN_REMAINING_MS = 2000;

/** Asks the hub for a new access token with a refresh token (see `refreshAccessToken`). Never throws. */
export type RefreshRequest = (refreshToken: string) => Promise<EndpointResult>;

export interface HeldTokenOptions {
  /** How to use the refresh token; without it (tests) the held access token is all there is. */
  refresh?: RefreshRequest;
  /** Told after each successful refresh, e.g. to pick up changed tenants. */
  onRefreshed?: (token: TokenResponse) => void;
  /** Clock, epoch ms. */
  now?: () => number;
}

interface Held {
  value: string;
  /** Epoch ms, local clock. */
  expiresAt: number;
}

/**
 * The tokens of the browser host, in the link worker's memory only (never
 * IndexedDB, never localStorage, never a page): the access token and the refresh
 * token from sign-in. The browser keeps no password; the refresh token stands in
 * for it, so a wall display stays signed in across access token lifetimes.
 *
 * As the link client's token source (`TokenSource` in protocol/link):
 * - `initial` / `reconnect` get the held access token while it has time left and
 *   the link has not had it yet; otherwise a refreshed one;
 * - `inband` always gets a refreshed one;
 * - when the hub refuses the refresh token (401), both tokens are dropped and the
 *   answer is `unauthorized`: the link goes to `auth_required` ("Sign-in needed");
 * - when the hub cannot be reached (or answers 429/5xx), the answer is `unavailable`
 *   (the link retries), unless a connect can still use the held access token.
 * One refresh runs at a time; concurrent asks share it. Each refresh rotates the
 * refresh token, and only the newest is kept.
 */
export class HeldToken {
  private access: (Held & { handedOut: boolean }) | null = null;
  private refreshToken: Held | null = null;
  private inflight: Promise<TokenResult> | null = null;
  /** Bumped by `set` and `clear`, so a refresh that was running then does not store its answer. */
  private generation = 0;
  private readonly now: () => number;

  constructor(private readonly options: HeldTokenOptions = {}) {
    this.now = options.now ?? Date.now;
  }

  /** Holds the tokens of a token endpoint answer obtained at `obtainedAt` (epoch ms). */
  set(token: TokenResponse, obtainedAt: number): void {
    this.generation += 1;
    this.inflight = null;
    this.hold(token, obtainedAt);
  }

  /** Drops both tokens (sign-out). */
  clear(): void {
    this.generation += 1;
    this.inflight = null;
    this.access = null;
    this.refreshToken = null;
  }

  /** True while the host can still get the link a token: an access token with time left, or a refresh token. */
  present(): boolean {
    return this.accessUsable() || this.refreshUsable();
  }

  /** The link client's token source (see `TokenSource` in protocol/link). Never throws. */
  readonly source = async (how: TokenHow): Promise<TokenResult> => {
    const access = this.access;
    const canRefresh = this.refreshUsable() && this.options.refresh !== undefined;
    if (how !== 'inband' && access && this.accessUsable() && !(access.handedOut && canRefresh))
      return this.handOut(access);
    if (!canRefresh) {
      if (how === 'inband' && this.accessUsable()) {
        return {
          ok: false,
          code: 'unavailable',
          message:
            'The browser console cannot renew its token without the password; sign in again when it expires.',
        };
      }
      return {
        ok: false,
        code: 'unauthorized',
        message: 'Your session has expired. Sign in again.',
      };
    }
    const result = await this.refreshOnce();
    if (
      !result.ok &&
      result.code === 'unavailable' &&
      how !== 'inband' &&
      this.access &&
      this.accessUsable()
    )
      return this.handOut(this.access);
    return result;
  };

  private handOut(access: Held & { handedOut: boolean }): TokenResult {
    access.handedOut = true;
    return {
      ok: true,
      token: access.value,
      expiresInSec: Math.floor((access.expiresAt - this.now()) / 1000),
    };
  }

  private refreshOnce(): Promise<TokenResult> {
    this.inflight ??= this.runRefresh().finally(() => {
      this.inflight = null;
    });
    return this.inflight;
  }

  private async runRefresh(): Promise<TokenResult> {
    const generation = this.generation;
    const refresh = this.options.refresh as RefreshRequest;
    const answer = await refresh((this.refreshToken as Held).value);
    if (generation !== this.generation) {
      return {
        ok: false,
        code: 'unavailable',
        message: 'The session changed while its token was being renewed.',
      };
    }
    if (answer.ok) {
      this.hold(answer.token, answer.obtainedAt);
      (this.access as Held & { handedOut: boolean }).handedOut = true;
      this.options.onRefreshed?.(answer.token);
      return { ok: true, token: answer.token.access_token, expiresInSec: answer.token.expires_in };
    }
    // 401: the hub refused the refresh token (expired, user removed). 400: it will never take it.
    if (answer.status === 401 || answer.status === 400) {
      this.access = null;
      this.refreshToken = null;
      return { ok: false, code: 'unauthorized', message: answer.error.message };
    }
    return { ok: false, code: 'unavailable', message: answer.error.message };
  }

  private hold(token: TokenResponse, obtainedAt: number): void {
    this.access = {
      value: token.access_token,
      expiresAt: obtainedAt + token.expires_in * 1000,
      handedOut: false,
    };
    // An answer without a refresh token (an older hub) leaves the session to end with the access token.
    this.refreshToken =
      token.refresh_token && token.refresh_expires_in
        ? { value: token.refresh_token, expiresAt: obtainedAt + token.refresh_expires_in * 1000 }
        : null;
  }

  private accessUsable(): boolean {
    return this.access !== null && this.access.expiresAt - this.now() > MIN_REMAINING_MS;
  }

  private refreshUsable(): boolean {
    return this.refreshToken !== null && this.refreshToken.expiresAt - this.now() > 0;
  }
}
