import { loadHubConfig, type HubConfig, type HubEnv } from '../config/hub-config';
import { loadOrCreateJwtSecret } from '../config/data-dir';

/** Common flags of every command, mapped onto the environment variables they override. */
export interface CommonFlags {
  dataDir?: string;
  redisUrl?: string;
}

/** Flags of `serve`, by the variable they override. */
export const SERVE_FLAG_VARIABLES = {
  port: 'HUB_PORT',
  host: 'HUB_HOST',
  dataDir: 'HUB_DATA_DIR',
  redisUrl: 'REDIS_URL',
  tokenTtl: 'HUB_TOKEN_TTL',
  heartbeatMs: 'HUB_HEARTBEAT_MS',
  shutdownTimeout: 'HUB_SHUTDOWN_TIMEOUT',
  allowedOrigins: 'HUB_ALLOWED_ORIGINS',
  logLevel: 'HUB_LOG_LEVEL',
} as const;

/** Merges flags over the environment (flags win) and parses the result. @throws ConfigError naming the variable. */
export function configFromFlags(env: HubEnv, flags: Record<string, unknown>): HubConfig {
  const merged: HubEnv = { ...env };
  for (const [flag, variable] of Object.entries(SERVE_FLAG_VARIABLES)) {
    const value = flags[flag];
    if (value !== undefined) merged[variable] = String(value);
  }
  return loadHubConfig(merged);
}

/**
 * Fills in the generated HS256 secret from the data dir when neither HUB_JWT_SECRET nor
 * HUB_JWKS_URL is set, so a zero-config hub and its CLI commands agree on one secret.
 */
export function withJwtSecret(config: HubConfig): { config: HubConfig; secretCreated: boolean } {
  if (config.jwt.secret || config.jwt.jwksUrl) return { config, secretCreated: false };
  const { secret, created } = loadOrCreateJwtSecret(config.dataDir);
  return { config: { ...config, jwt: { ...config.jwt, secret } }, secretCreated: created };
}
