import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { fieldErrors } from '../../protocol/messages';
import { tokenRequestSchema, type TokenResponse } from '../../protocol/http-api';
import { readJsonBody } from '../http/json-body';
import { sendError, sendJson } from '../http/http-reply';
import type { HubMetrics } from '../metrics/hub-metrics';
import { AuthError } from './auth-error';
import type { CredentialVerifier, Principal, UserPrincipal } from './credential-verifier';
import type { TokenMinter } from './jwt';
import type { LoginAttempt, LoginRateLimit } from './login-rate-limit';
import { PasswordCheckBusyError, type PasswordCheckQueue } from './password-check-queue';
import type { RefreshTokens } from './refresh-token';

export interface TokenEndpointDeps {
  credentials: CredentialVerifier;
  minter: TokenMinter;
  tokenTtlMs: number;
  refreshTokens: RefreshTokens;
  /** Lifetime of each refresh token (HUB_REFRESH_TTL), ms. */
  refreshTtlMs: number;
  rateLimit: LoginRateLimit;
  /** Bounds concurrent password checks (scrypt) so they cannot starve the hub's thread pool. */
  passwordChecks: PasswordCheckQueue;
  metrics: HubMetrics;
  logger: Logger;
}

const MAX_TOKEN_BODY = 8 * 1024;
const INVALID = 'invalid credentials';
const REFRESH_REFUSED =
  'the refresh token is not accepted (expired, invalid, or the user was removed); sign in again';
const RATE_LIMITED = 'too many token requests; retry later';

/**
 * `POST /v1/auth/token`: exchanges a username/password, an API key or a refresh
 * token for an access token. Unknown users and wrong passwords get the same 401;
 * failed attempts are limited per client IP, per (username, IP) and per username (see
 * `LoginRateLimit`; refreshes per token subject), and password checks wait in a bounded
 * queue: a full queue answers 503 at once.
 * Password and refresh grants also get a new refresh token; API key grants do not
 * (a service keeps its key and exchanges it again).
 */
export async function handleTokenRequest(
  req: IncomingMessage,
  res: ServerResponse,
  deps: TokenEndpointDeps,
): Promise<void> {
  const ip = req.socket.remoteAddress ?? 'unknown';
  const body = await readJsonBody(req, MAX_TOKEN_BODY);
  if (!body.ok) return sendError(res, body.status, body.code, body.message);
  const parsed = tokenRequestSchema.safeParse(body.value);
  if (!parsed.success)
    return sendError(
      res,
      400,
      'bad_request',
      'send {"username","password"}, {"apiKey"} or {"refreshToken"}',
      { fields: fieldErrors(parsed.error) },
    );
  const request = parsed.data;
  if ('refreshToken' in request) return refreshGrant(res, request.refreshToken, ip, deps);
  const attempt: LoginAttempt | null =
    'username' in request
      ? deps.rateLimit.beginPassword(ip, request.username)
      : deps.rateLimit.beginApiKey(ip);
  if (!attempt) return sendRateLimited(res);
  let user: UserPrincipal | null = null;
  let principal: Principal | null;
  try {
    // Only a person (password grant) gets a refresh token; an API key is exchanged again instead.
    if ('username' in request) {
      user = await deps.passwordChecks.run(() =>
        deps.credentials.verifyPassword(request.username, request.password),
      );
      principal = user;
    } else {
      principal = await deps.credentials.verifyApiKey(request.apiKey);
    }
  } catch (error) {
    if (!(error instanceof PasswordCheckBusyError)) throw error;
    attempt.succeeded(); // not checked, so not a failure
    deps.metrics.authFailures.inc({ reason: 'busy' });
    return sendError(res, 503, 'unavailable', 'too many sign-ins at once; retry in a second', {
      headers: { 'Retry-After': '1' },
    });
  }
  if (!principal) {
    deps.metrics.authFailures.inc({ reason: 'credentials' });
    deps.logger.info(
      { ip, kind: 'username' in request ? 'password' : 'apiKey' },
      'token request refused',
    );
    return sendError(res, 401, 'unauthorized', INVALID, {
      headers: { 'WWW-Authenticate': 'Bearer' },
    });
  }
  attempt.succeeded();
  sendJson(res, 200, await answer(principal, user, deps));
}

/** The refresh grant: a valid refresh token of a user that still exists gets a new access token and a rotated refresh token. */
async function refreshGrant(
  res: ServerResponse,
  refreshToken: string,
  ip: string,
  deps: TokenEndpointDeps,
): Promise<void> {
  let sub: string;
  let userCreatedAt: number;
  try {
    ({ sub, userCreatedAt } = await deps.refreshTokens.verify(refreshToken));
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    if (!deps.rateLimit.refreshRefused(ip)) return sendRateLimited(res);
    return refuseRefresh(res, ip, error.reason, deps);
  }
  if (!deps.rateLimit.allowRefresh(sub)) return sendRateLimited(res);
  const user = await deps.credentials.lookupUser(sub);
  if (!user) return refuseRefresh(res, ip, 'user_removed', deps);
  // Same name, new account (removed and added again, e.g. to reset the password): old sessions end.
  if (user.createdAt !== userCreatedAt) return refuseRefresh(res, ip, 'user_replaced', deps);
  sendJson(res, 200, await answer(user, user, deps));
}

function refuseRefresh(
  res: ServerResponse,
  ip: string,
  reason: string,
  deps: TokenEndpointDeps,
): void {
  deps.metrics.authFailures.inc({ reason: `refresh_${reason}` });
  deps.logger.info({ ip, kind: 'refresh', reason }, 'token request refused');
  sendError(res, 401, 'unauthorized', REFRESH_REFUSED, {
    headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' },
  });
}

async function answer(
  principal: Principal,
  user: UserPrincipal | null,
  deps: TokenEndpointDeps,
): Promise<TokenResponse> {
  const grant = { sub: principal.sub, tenants: principal.tenants, scope: principal.scope };
  const minted = await deps.minter.mint({ ...grant, ttlMs: deps.tokenTtlMs });
  const reply: TokenResponse = {
    access_token: minted.token,
    token_type: 'Bearer',
    expires_in: minted.expiresIn,
    tenants: principal.tenants,
    scope: principal.scope,
  };
  if (!user) return reply;
  const refresh = await deps.refreshTokens.mint({
    sub: user.sub,
    userCreatedAt: user.createdAt,
    ttlMs: deps.refreshTtlMs,
  });
  return { ...reply, refresh_token: refresh.token, refresh_expires_in: refresh.expiresIn };
}

function sendRateLimited(res: ServerResponse): void {
  sendError(res, 429, 'rate_limited', RATE_LIMITED, { headers: { 'Retry-After': '60' } });
}
