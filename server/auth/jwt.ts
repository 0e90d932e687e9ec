import {
  SignJWT,
  createRemoteJWKSet,
  decodeProtectedHeader,
  errors,
  jwtVerify,
  type JWTVerifyGetKey,
} from 'jose';
import { tokenClaimsSchema, type TokenClaims } from '../../protocol/scopes';
import { AuthError } from './auth-error';

/**
 * `token_use` of access tokens the hub mints. The verifier accepts tokens without the
 * claim (issued by an identity provider) and refuses any other value, e.g. `refresh`.
 */
export const ACCESS_TOKEN_USE = 'access';

/** Verified claims of an access token. `exp` and `iat` are epoch seconds. */
export type VerifiedToken = TokenClaims;

export interface TokenVerifier {
  /**
   * Verifies signature, algorithm, expiry, issuer, audience and the hub's claims.
   * @throws AuthError with the reason; never includes the token in the message.
   */
  verify(token: string | undefined): Promise<VerifiedToken>;
}

export interface VerifierOptions {
  /** HS256 secret, UTF-8, at least 32 bytes. */
  secret?: string;
  /** JWKS endpoint for asymmetric keys (RS256, ES256, EdDSA...). */
  jwksUrl?: string;
  issuer?: string;
  audience?: string;
  /** Clock, epoch ms; injected by tests. */
  now?: () => number;
}

/** Algorithms accepted with a JWKS; `none` and HMAC are never accepted there. */
const JWKS_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
];

/**
 * Creates the hub's token verifier. Exactly one of `secret` or `jwksUrl` must be set.
 * @throws TypeError when neither or both are set, or the secret is shorter than 32 bytes.
 */
export function createTokenVerifier(options: VerifierOptions): TokenVerifier {
  if (Boolean(options.secret) === Boolean(options.jwksUrl)) {
    throw new TypeError(
      'createTokenVerifier needs exactly one of secret (HUB_JWT_SECRET) or jwksUrl (HUB_JWKS_URL)',
    );
  }
  const now = options.now ?? Date.now;
  let key: Uint8Array | JWTVerifyGetKey;
  let algorithms: string[];
  if (options.secret) {
    if (Buffer.byteLength(options.secret) < 32)
      throw new TypeError('the HS256 secret must be at least 32 bytes');
    key = new TextEncoder().encode(options.secret);
    algorithms = ['HS256'];
  } else {
    key = createRemoteJWKSet(new URL(options.jwksUrl as string));
    algorithms = JWKS_ALGORITHMS;
  }
  return {
    async verify(token) {
      if (!token)
        throw new AuthError(
          'missing',
          'no access token (send Authorization: Bearer <jwt> or access_token)',
        );
      if (token.length > 8192 || token.split('.').length !== 3)
        throw new AuthError('malformed', 'the access token is not a JWT');
      assertNoCriticalExtensions(token);
      let payload: unknown;
      try {
        const verifyOptions = {
          algorithms,
          issuer: options.issuer,
          audience: options.audience,
          currentDate: new Date(now()),
        };
        const result =
          typeof key === 'function'
            ? await jwtVerify(token, key, verifyOptions)
            : await jwtVerify(token, key, verifyOptions);
        payload = result.payload;
      } catch (error) {
        throw toAuthError(error, typeof key === 'function');
      }
      // A refresh token (or any other non-access token) is never an access token.
      const use = (payload as { token_use?: unknown }).token_use;
      if (use !== undefined && use !== ACCESS_TOKEN_USE)
        throw new AuthError(
          'bad_claims',
          'this is not an access token (a refresh token goes only to POST /v1/auth/token)',
        );
      const claims = tokenClaimsSchema.safeParse(payload);
      if (!claims.success)
        throw new AuthError(
          'bad_claims',
          'the token lacks valid sub, tenants, scope or exp claims',
        );
      return claims.data;
    },
  };
}

/**
 * The hub implements no JWS header extensions, so a token that marks any as critical
 * (`crit`) cannot be honoured: that is the token's fault (401), never a reason to retry.
 * @throws AuthError('malformed') for a `crit` header or an undecodable header.
 */
function assertNoCriticalExtensions(token: string): void {
  let header: Record<string, unknown>;
  try {
    header = decodeProtectedHeader(token);
  } catch (error) {
    if (!(error instanceof errors.JOSEError) && !(error instanceof TypeError)) throw error;
    throw new AuthError('malformed', 'the access token header is not valid');
  }
  if ('crit' in header)
    throw new AuthError(
      'malformed',
      'the token marks header extensions as critical (crit); this hub supports none',
    );
}

function toAuthError(error: unknown, remoteKeys: boolean): AuthError {
  if (error instanceof errors.JWTExpired)
    return new AuthError('expired', 'the access token has expired');
  if (error instanceof errors.JOSEAlgNotAllowed)
    return new AuthError('algorithm', 'the token algorithm is not accepted by this hub');
  if (error instanceof errors.JWSSignatureVerificationFailed)
    return new AuthError('bad_signature', 'the token signature is invalid');
  if (error instanceof errors.JWTClaimValidationFailed)
    return new AuthError('bad_claims', `the token claim ${error.claim} is not accepted`);
  if (error instanceof errors.JWKSNoMatchingKey)
    return new AuthError('bad_signature', 'no key in the JWKS matches the token');
  if (
    error instanceof errors.JWKSTimeout ||
    error instanceof errors.JWKSInvalid ||
    (remoteKeys && error instanceof errors.JOSENotSupported)
  )
    return new AuthError('unavailable', 'the token could not be checked now');
  // jose throws a bare JOSEError for a JWKS answer that is not 200 or not JSON, and passes
  // fetch's own TypeError through when the JWKS host cannot be reached: the key source is
  // down, which is the hub's problem (503), not a bad token (401).
  if (
    remoteKeys &&
    (!(error instanceof errors.JOSEError) || error.constructor === errors.JOSEError)
  )
    return new AuthError('unavailable', 'the token keys (HUB_JWKS_URL) cannot be fetched now');
  return new AuthError('malformed', 'the access token is not a valid JWT');
}

export interface MintRequest {
  sub: string;
  tenants: string[];
  /** Space-separated scopes, e.g. `read` or `publish`. */
  scope: string;
  ttlMs: number;
}

export interface TokenMinter {
  /** Signs an HS256 access token (`token_use: access`). `exp` is epoch seconds. */
  mint(request: MintRequest): Promise<{ token: string; exp: number; expiresIn: number }>;
}

/**
 * Mints HS256 tokens with the hub's secret (token endpoint, `ops-hub token`, the demo).
 * Lifetimes are rounded up to whole seconds, as `exp` is in seconds.
 */
export function createTokenMinter(options: {
  secret: string;
  issuer?: string;
  audience?: string;
  now?: () => number;
}): TokenMinter {
  const key = new TextEncoder().encode(options.secret);
  const now = options.now ?? Date.now;
  return {
    async mint(request) {
      const iat = Math.floor(now() / 1000);
      const expiresIn = Math.max(1, Math.ceil(request.ttlMs / 1000));
      const exp = iat + expiresIn;
      let jwt = new SignJWT({
        tenants: request.tenants,
        scope: request.scope,
        token_use: ACCESS_TOKEN_USE,
      })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(request.sub)
        .setIssuedAt(iat)
        .setExpirationTime(exp);
      if (options.issuer) jwt = jwt.setIssuer(options.issuer);
      if (options.audience) jwt = jwt.setAudience(options.audience);
      return { token: await jwt.sign(key), exp, expiresIn };
    },
  };
}
