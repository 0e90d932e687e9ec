import { httpErrorBodySchema, tokenResponseSchema, TOKEN_PATH, ErrorCode } from '../../../protocol';
import type { TokenRequest, TokenResponse, WireError } from '../../../protocol';

/** Result of a token request: the token, or a `{code, message}` a person can read. */
export type TokenResult =
  | { ok: true; token: TokenResponse; obtainedAt: number }
  | { ok: false; status: number; error: WireError };

/**
 * Exchanges a username and password for a JWT (and a refresh token) at
 * `POST /v1/auth/token` on `hubUrl` (the page's own origin in the browser host).
 * The caller drops the password as soon as this resolves; it is never stored.
 * Never throws: network failures and bad answers become `{ok: false}`.
 */
export function requestToken(
  hubUrl: string,
  username: string,
  password: string,
  fetchImpl: typeof fetch = fetch,
): Promise<TokenResult> {
  return postTokenRequest(hubUrl, { username, password }, 'Wrong username or password.', fetchImpl);
}

/**
 * Exchanges a refresh token for a new access token and a rotated refresh token.
 * A 401 (`status: 401`) means the refresh token was refused for good: sign in again.
 * Never throws.
 */
export function refreshAccessToken(
  hubUrl: string,
  refreshToken: string,
  fetchImpl: typeof fetch = fetch,
): Promise<TokenResult> {
  return postTokenRequest(
    hubUrl,
    { refreshToken },
    'Your session has ended. Sign in again.',
    fetchImpl,
  );
}

async function postTokenRequest(
  hubUrl: string,
  body: TokenRequest,
  unauthorizedMessage: string,
  fetchImpl: typeof fetch,
): Promise<TokenResult> {
  let response: Response;
  try {
    response = await fetchImpl(new URL(TOKEN_PATH, hubUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch (error) {
    return {
      ok: false,
      status: 0,
      error: {
        code: 'network',
        message: `The hub at ${hubUrl} could not be reached (${describe(error)}). Check the connection and try again.`,
      },
    };
  }
  const answer: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const parsed = httpErrorBodySchema.safeParse(answer);
    if (response.status === 401) {
      return {
        ok: false,
        status: 401,
        error: {
          code: ErrorCode.UNAUTHORIZED,
          message: parsed.success ? parsed.data.error.message : unauthorizedMessage,
        },
      };
    }
    return {
      ok: false,
      status: response.status,
      error: parsed.success
        ? { code: parsed.data.error.code, message: parsed.data.error.message }
        : {
            code: 'http_status',
            message: `The hub answered ${response.status} to sign-in.`,
          },
    };
  }
  const parsed = tokenResponseSchema.safeParse(answer);
  if (!parsed.success)
    return {
      ok: false,
      status: response.status,
      error: {
        code: ErrorCode.INTERNAL,
        message: 'The hub sent a token answer this console does not understand.',
      },
    };
  return { ok: true, token: parsed.data, obtainedAt: Date.now() };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
