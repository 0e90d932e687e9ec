import type { TokenRequest } from '../../protocol/http-api';
import type { TokenHow } from '../../protocol/link/link-events';
import type { TokenResult } from '../../protocol/link/token-keeper';
import type { CoreLogger } from './core-logger';
import type { CredentialStore } from './credential-store';
import type { HubTokenResult } from './hub-client-http';
import { decodeStoredCredential, encodeRefreshCredential } from './stored-credential';

/** Don't hand out a held access token with less than this left, ms. */
const MIN_REMAINING_MS = 2000;

export interface RefreshingTokenSourceOptions {
  hubUrl: string;
  username: string;
  /** Where the newest refresh token of this profile lives: the keychain, or a session-only store. */
  credentials: CredentialStore;
  /** POSTs one token request to the hub (`requestToken` bound to the hub URL). Never throws. */
  request: (body: TokenRequest) => Promise<HubTokenResult>;
  log: Pick<CoreLogger, 'warn'>;
  /** Told after every granted token, e.g. to pick up changed tenants. */
  onGranted?: (answer: HubTokenResult & { ok: true }) => void;
  /** Clock, epoch ms. */
  now?: () => number;
}

interface HeldAccess {
  value: string;
  /** Epoch ms, local clock. */
  expiresAt: number;
  handedOut: boolean;
}

/**
 * The token source of one desktop or CLI profile (the link client's `getToken`).
 * The password is sent once, by `signIn`; every renewal after it (in-band,
 * reconnect, next start of the app) is a refresh grant with the newest rotated
 * refresh token, which is kept in the credential store (the OS keychain) and
 * nowhere else. So failed logins against the user's name cannot lock a signed-in
 * wall display out, and the keychain never holds a reusable password.
 *
 * - `initial` / `reconnect` get the access token from sign-in while it has time
 *   left and no link has had it yet; otherwise a refreshed one. `inband` always refreshes.
 * - A refused refresh token (401/400) answers `unauthorized` from then on, without
 *   asking the hub again: the link goes to `auth_required` ("Sign-in needed").
 * - An unreachable hub (or 429/5xx) answers `unavailable` and keeps the token; a
 *   connect may still use a held access token with time left.
 * - An entry written by an older console (a stored password) is used once for a
 *   password grant and replaced by the refresh token it returns.
 * One renewal runs at a time; concurrent asks share it.
 */
export class RefreshingTokenSource {
  private access: HeldAccess | null = null;
  /** The newest refresh token, also in the store; null until loaded or granted. */
  private refreshToken: string | null = null;
  private inflight: Promise<TokenResult> | null = null;
  /** Bumped by `signIn`, so a renewal that was running then does not store its answer. */
  private generation = 0;
  /** Set when the hub refused the stored credential; only a new `signIn` clears it. */
  private refused = false;
  private readonly now: () => number;

  constructor(private readonly options: RefreshingTokenSourceOptions) {
    this.now = options.now ?? Date.now;
  }

  /**
   * The password grant of a sign-in. On success the access token is held for the
   * first connect and the refresh token stored; the password is not kept.
   */
  async signIn(password: string): Promise<HubTokenResult> {
    this.generation += 1;
    this.inflight = null;
    this.refused = false;
    const answer = await this.options.request({ username: this.options.username, password });
    if (answer.ok) await this.hold(answer, false);
    return answer;
  }

  /** The link client's token source. Never throws. */
  readonly source = async (how: TokenHow): Promise<TokenResult> => {
    const access = this.access;
    if (how !== 'inband' && access && this.usable(access) && !access.handedOut)
      return this.handOut(access);
    const result = await this.renewOnce();
    if (!result.ok && result.code === 'unavailable' && how !== 'inband') {
      const held = this.access;
      if (held && this.usable(held)) return this.handOut(held);
    }
    return result;
  };

  private handOut(access: HeldAccess): TokenResult {
    access.handedOut = true;
    return {
      ok: true,
      token: access.value,
      expiresInSec: Math.floor((access.expiresAt - this.now()) / 1000),
    };
  }

  private renewOnce(): Promise<TokenResult> {
    this.inflight ??= this.renew().finally(() => {
      this.inflight = null;
    });
    return this.inflight;
  }

  private async renew(): Promise<TokenResult> {
    const generation = this.generation;
    const { credentials, hubUrl, username } = this.options;
    if (this.refused)
      return {
        ok: false,
        code: 'unauthorized',
        message: 'the hub refused this session; sign in again',
      };
    let body: TokenRequest;
    if (this.refreshToken) {
      body = { refreshToken: this.refreshToken };
    } else {
      let secret: string | null;
      try {
        secret = await credentials.get(hubUrl, username);
      } catch (error) {
        return {
          ok: false,
          code: 'unavailable',
          message: `the keychain could not be read (${error instanceof Error ? error.message : String(error)})`,
        };
      }
      if (secret === null)
        return { ok: false, code: 'unauthorized', message: 'no stored session; sign in again' };
      const stored = decodeStoredCredential(secret);
      body =
        stored.kind === 'refresh'
          ? { refreshToken: stored.refreshToken }
          : { username, password: stored.password };
    }
    const answer = await this.options.request(body);
    if (generation !== this.generation)
      return {
        ok: false,
        code: 'unavailable',
        message: 'the session was signed in again while its token was being renewed',
      };
    if (!answer.ok) {
      if (answer.code === 'unauthorized') this.forget();
      return { ok: false, code: answer.code, message: answer.message };
    }
    await this.hold(answer, true);
    return { ok: true, token: answer.token, expiresInSec: answer.expiresInSec };
  }

  private async hold(answer: HubTokenResult & { ok: true }, handedOut: boolean): Promise<void> {
    this.access = {
      value: answer.token,
      expiresAt: this.now() + answer.expiresInSec * 1000,
      handedOut,
    };
    this.options.onGranted?.(answer);
    // A hub without refresh tokens (older than the refresh grant) leaves the store as it is.
    if (!answer.refreshToken) return;
    this.refreshToken = answer.refreshToken;
    const { credentials, hubUrl, username } = this.options;
    try {
      await credentials.set(hubUrl, username, encodeRefreshCredential(answer.refreshToken));
    } catch (error) {
      // Rotated-out refresh tokens stay valid until their own expiry, so the one in
      // memory carries this run and the older stored one still works at the next start.
      this.options.log.warn(
        { hub: hubUrl, reason: error instanceof Error ? error.message : String(error) },
        'could not store the renewed refresh token in the keychain; keeping it in memory',
      );
    }
  }

  /**
   * The hub refused the credential for good: drop it from memory so the link goes to
   * "Sign-in needed". The keychain entry is left for sign-in or sign-out to replace or
   * delete: a diagnostic such as `ops-console status` must not erase anything.
   */
  private forget(): void {
    this.access = null;
    this.refreshToken = null;
    this.refused = true;
  }

  private usable(access: HeldAccess): boolean {
    return access.expiresAt - this.now() > MIN_REMAINING_MS;
  }
}
