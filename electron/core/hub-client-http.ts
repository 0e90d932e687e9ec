import { TOKEN_PATH, tokenResponseSchema, type TokenRequest } from '../../protocol/http-api';
import { describeIssues } from '../../protocol/messages';
import type { TokenResult } from '../../protocol/link/token-keeper';

/**
 * A token answer plus the tenants it grants (the profile's tenant list) and, for
 * password and refresh grants, the rotated refresh token.
 */
export type HubTokenResult =
  | (TokenResult & { ok: false })
  | (TokenResult & {
      ok: true;
      tenants: string[];
      scope: string;
      refreshToken?: string;
      /** Seconds (`HUB_REFRESH_TTL`). */
      refreshExpiresInSec?: number;
    });

export interface TokenRequestOptions {
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/**
 * POSTs the credential (password, API key or refresh token) to `/v1/auth/token`.
 * Never throws: 400, 401 and 403 become `unauthorized` (the hub will never take
 * this credential: stop retrying), anything else that fails becomes `unavailable`
 * (retry with backoff; 429 included). The credential is never part of an error message.
 */
export async function requestToken(
  hubUrl: string,
  credential: TokenRequest,
  options: TokenRequestOptions = {},
): Promise<HubTokenResult> {
  const doFetch = options.fetch ?? fetch;
  let response: Response;
  try {
    response = await doFetch(`${hubUrl}${TOKEN_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(credential),
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return {
      ok: false,
      code: 'unavailable',
      message: `cannot reach ${hubUrl}: ${cause ?? (error instanceof Error ? error.message : String(error))}`,
    };
  }
  const text = await response
    .text()
    .catch((error: unknown) => `(${error instanceof Error ? error.message : 'unreadable body'})`);
  if (response.status === 400) {
    return {
      ok: false,
      code: 'unauthorized',
      message: 'the hub refused the credential as malformed (HTTP 400); sign in again',
    };
  }
  if (response.status === 401 || response.status === 403) {
    return {
      ok: false,
      code: 'unauthorized',
      message: `the hub refused the credential (HTTP ${response.status}); sign in again`,
    };
  }
  if (!response.ok) {
    return {
      ok: false,
      code: 'unavailable',
      message: `token endpoint answered HTTP ${response.status}`,
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, code: 'unavailable', message: 'token endpoint answered with invalid JSON' };
  }
  const parsed = tokenResponseSchema.safeParse(json);
  if (!parsed.success)
    return {
      ok: false,
      code: 'unavailable',
      message: `unexpected token response: ${describeIssues(parsed.error)}`,
    };
  return {
    ok: true,
    token: parsed.data.access_token,
    expiresInSec: parsed.data.expires_in,
    tenants: parsed.data.tenants,
    scope: parsed.data.scope,
    ...(parsed.data.refresh_token
      ? {
          refreshToken: parsed.data.refresh_token,
          refreshExpiresInSec: parsed.data.refresh_expires_in,
        }
      : {}),
  };
}
