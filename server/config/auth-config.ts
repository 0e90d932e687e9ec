import { ConfigError } from './config-error';
import { duration, optionalUrl, read, withDefault, type HubEnv } from './hub-env';

/** How the hub verifies and issues tokens: HUB_JWT_*, HUB_JWKS_URL, HUB_TOKEN_TTL, HUB_REFRESH_TTL. */
export interface AuthConfig {
  jwt: {
    /** HS256 secret (UTF-8, ≥ 32 bytes). Unset together with jwksUrl means: generate one in the data dir. */
    secret: string | undefined;
    jwksUrl: string | undefined;
    issuer: string | undefined;
    audience: string | undefined;
  };
  tokenTtlMs: number;
  /** Lifetime of each refresh token the token endpoint issues (HUB_REFRESH_TTL), ms; at least tokenTtlMs. */
  refreshTtlMs: number;
}

/**
 * Reads the token variables. The secret is never echoed in an error.
 * @throws ConfigError naming the first bad variable, or HUB_JWKS_URL when both key sources are set.
 */
export function loadAuthConfig(env: HubEnv): AuthConfig {
  const jwksUrl = optionalUrl(env, 'HUB_JWKS_URL', ['https:', 'http:']);
  const secret = jwtSecret(env);
  if (secret && jwksUrl)
    throw new ConfigError('HUB_JWKS_URL', 'set either HUB_JWT_SECRET or HUB_JWKS_URL, not both');
  const tokenTtlMs = duration(env, 'HUB_TOKEN_TTL', 1000);
  const refreshTtlMs = duration(env, 'HUB_REFRESH_TTL', 1000);
  if (refreshTtlMs < tokenTtlMs)
    throw new ConfigError(
      'HUB_REFRESH_TTL',
      `must be at least HUB_TOKEN_TTL (${tokenTtlMs} ms), got ${JSON.stringify(withDefault(env, 'HUB_REFRESH_TTL'))}`,
    );
  return {
    jwt: {
      secret,
      jwksUrl,
      issuer: read(env, 'HUB_JWT_ISSUER'),
      audience: read(env, 'HUB_JWT_AUDIENCE'),
    },
    tokenTtlMs,
    refreshTtlMs,
  };
}

function jwtSecret(env: HubEnv): string | undefined {
  const secret = env.HUB_JWT_SECRET;
  if (secret === undefined || secret === '') return undefined;
  if (Buffer.byteLength(secret, 'utf8') < 32) {
    throw new ConfigError(
      'HUB_JWT_SECRET',
      'must be at least 32 bytes of UTF-8 text (the value is not shown)',
    );
  }
  return secret;
}
