import { createHmac, randomBytes } from 'node:crypto';
import { SignJWT, errors, jwtVerify } from 'jose';
import { z } from 'zod';
import { AuthError } from './auth-error';

/** `aud` of every refresh token; an access token never carries it. */
export const REFRESH_AUDIENCE = 'ops-hub:refresh';
/** `token_use` of a refresh token. Access tokens minted by the hub carry `access`. */
export const REFRESH_TOKEN_USE = 'refresh';

/** What a verified refresh token says: whose it is, and which account it was issued for. */
export interface RefreshClaims {
  sub: string;
  /** `createdAt` (epoch ms) of the user account at sign-in; a removed and re-added user has a new one. */
  userCreatedAt: number;
  /** Epoch seconds. */
  exp: number;
}

export interface RefreshTokens {
  /** Signs a refresh token for a user account. `expiresIn` is seconds. */
  mint(request: { sub: string; userCreatedAt: number; ttlMs: number }): Promise<{
    token: string;
    expiresIn: number;
  }>;
  /**
   * Verifies a refresh token: signature with the refresh key, HS256 only, `aud`,
   * `token_use`, issuer when configured, and expiry.
   * @throws AuthError with the reason; never includes the token in the message.
   */
  verify(token: string): Promise<RefreshClaims>;
}

const refreshClaimsSchema = z.object({
  sub: z.string().min(1).max(256),
  token_use: z.literal(REFRESH_TOKEN_USE),
  user_created_at: z.number().int().nonnegative(),
  exp: z.number().int().positive(),
});

/**
 * Stateless refresh tokens for the token endpoint's `{"refreshToken"}` grant.
 * They are HS256 JWTs signed with a key derived from the hub secret (HMAC-SHA256
 * of the secret over a fixed label), so a refresh token does not even verify as
 * an access token with the plain secret, and they carry `aud: ops-hub:refresh`
 * and `token_use: refresh` besides. They carry no tenants or scope: the grant
 * re-reads the user. Each has a random `jti`, so a rotated token always differs.
 * @throws TypeError when the secret is shorter than 32 bytes.
 */
export function createRefreshTokens(options: {
  secret: string;
  issuer?: string;
  now?: () => number;
}): RefreshTokens {
  if (Buffer.byteLength(options.secret) < 32)
    throw new TypeError('the HS256 secret (HUB_JWT_SECRET) must be at least 32 bytes');
  const key = createHmac('sha256', options.secret).update('ops-hub refresh token v1').digest();
  const now = options.now ?? Date.now;
  return {
    async mint(request) {
      const iat = Math.floor(now() / 1000);
      const expiresIn = Math.max(1, Math.ceil(request.ttlMs / 1000));
      let jwt = new SignJWT({
        token_use: REFRESH_TOKEN_USE,
        user_created_at: request.userCreatedAt,
      })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(request.sub)
        .setAudience(REFRESH_AUDIENCE)
        .setJti(randomBytes(16).toString('base64url'))
        .setIssuedAt(iat)
        .setExpirationTime(iat + expiresIn);
      if (options.issuer) jwt = jwt.setIssuer(options.issuer);
      return { token: await jwt.sign(key), expiresIn };
    },
    async verify(token) {
      if (token.length > 8192 || token.split('.').length !== 3)
        throw new AuthError('malformed', 'the refresh token is not a JWT');
      let payload: unknown;
      try {
        payload = (
          await jwtVerify(token, key, {
            algorithms: ['HS256'],
            audience: REFRESH_AUDIENCE,
            issuer: options.issuer,
            currentDate: new Date(now()),
          })
        ).payload;
      } catch (error) {
        throw refreshError(error);
      }
      const claims = refreshClaimsSchema.safeParse(payload);
      if (!claims.success)
        throw new AuthError('bad_claims', 'the token is not a refresh token of this hub');
      return {
        sub: claims.data.sub,
        userCreatedAt: claims.data.user_created_at,
        exp: claims.data.exp,
      };
    },
  };
}

function refreshError(error: unknown): AuthError {
  if (error instanceof errors.JWTExpired)
    return new AuthError('expired', 'the refresh token has expired');
  if (error instanceof errors.JOSEAlgNotAllowed)
    return new AuthError('algorithm', 'the refresh token algorithm is not accepted');
  if (error instanceof errors.JWSSignatureVerificationFailed)
    return new AuthError('bad_signature', 'the token is not a refresh token of this hub');
  if (error instanceof errors.JWTClaimValidationFailed)
    return new AuthError('bad_claims', `the refresh token claim ${error.claim} is not accepted`);
  return new AuthError('malformed', 'the refresh token is not a valid JWT');
}
