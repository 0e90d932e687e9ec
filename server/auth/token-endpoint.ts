import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { fieldErrors } from '../../protocol/messages';
import { tokenRequestSchema, type TokenResponse } from '../../protocol/http-api';
import { readJsonBody, sendBodyError } from '../http/json-body';
import { sendError, sendJson } from '../http/http-reply';
import type { HubMetrics } from '../metrics/hub-metrics';
import type { CredentialVerifier } from './credential-verifier';
import type { TokenMinter } from './jwt';
import type { LoginRateLimit } from './login-rate-limit';

export interface TokenEndpointDeps {
  credentials: CredentialVerifier;
  minter: TokenMinter;
  tokenTtlMs: number;
  rateLimit: LoginRateLimit;
  metrics: HubMetrics;
  logger: Logger;
}

const MAX_TOKEN_BODY = 8 * 1024;
const INVALID = 'invalid credentials';

/**
 * `POST /v1/auth/token`: exchanges a username/password or an API key for an access
 * token. Unknown users and wrong passwords get the same 401; attempts are limited
 * per client IP and per username.
 */
export async function handleTokenRequest(
  req: IncomingMessage,
  res: ServerResponse,
  deps: TokenEndpointDeps,
): Promise<void> {
  const ip = req.socket.remoteAddress ?? 'unknown';
  if (!deps.rateLimit.allowIp(ip))
    return sendError(res, 429, 'rate_limited', 'too many token requests; retry later', {
      headers: { 'Retry-After': '60' },
    });
  const body = await readJsonBody(req, MAX_TOKEN_BODY);
  if (!body.ok) return sendBodyError(res, body);
  const parsed = tokenRequestSchema.safeParse(body.value);
  if (!parsed.success)
    return sendError(res, 400, 'bad_request', 'send {"username","password"} or {"apiKey"}', {
      fields: fieldErrors(parsed.error),
    });
  const request = parsed.data;
  if ('username' in request && !deps.rateLimit.allowUser(request.username)) {
    return sendError(res, 429, 'rate_limited', 'too many token requests; retry later', {
      headers: { 'Retry-After': '60' },
    });
  }
  const principal =
    'username' in request
      ? await deps.credentials.verifyPassword(request.username, request.password)
      : await deps.credentials.verifyApiKey(request.apiKey);
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
  const minted = await deps.minter.mint({ ...principal, ttlMs: deps.tokenTtlMs });
  const answer: TokenResponse = {
    access_token: minted.token,
    token_type: 'Bearer',
    expires_in: minted.expiresIn,
    tenants: principal.tenants,
    scope: principal.scope,
  };
  sendJson(res, 200, answer);
}
