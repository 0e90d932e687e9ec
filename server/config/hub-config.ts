import { platformDataDir } from '../../node-shared/data-dir';
import { ConfigError } from './config-error';
import { loadRedisHaConfig, type RedisHaConfig } from './redis-config';
import { loadAuthConfig, type AuthConfig } from './auth-config';
import {
  duration,
  integer,
  MAX_TIMER_MS,
  optionalUrl,
  read,
  withDefault,
  type HubEnv,
} from './hub-env';
import { listenHost, loadHttpConfig, type HttpConfig } from './http-config';
import { loadHubLimits, type HubLimits } from './hub-limits';

export { HUB_ENV_DEFAULTS, type HubEnv } from './hub-env';
export type { HubLimits } from './hub-limits';

/**
 * The hub's configuration: environment variables, overridden by CLI flags.
 * Every value is checked at start; a bad one throws ConfigError naming the variable.
 * Each area reads its own variables: listen/HTTP (http-config.ts), tokens (auth-config.ts),
 * Redis (redis-config.ts), limits (hub-limits.ts); this file puts them together.
 */
export interface HubConfig extends HttpConfig, AuthConfig {
  dataDir: string;
  /** Set to use the Redis backplane; unset means the embedded memory backplane. */
  redisUrl: string | undefined;
  /** Sentinel or cluster instead of REDIS_URL, and HUB_REDIS_MIN_REPLICAS (redis-config.ts). */
  redisHa: RedisHaConfig;
  replayMaxEvents: number;
  replayMaxAgeMs: number;
  /** WebSocket ping interval, ms: dead-peer detection on the hub's side. */
  heartbeatMs: number;
  /** Application heartbeat, ms: a `heartbeat` frame after this long with nothing else sent (docs/protocol.md). */
  appHeartbeatMs: number;
  shutdownTimeoutMs: number;
  limits: HubLimits;
  /** How often a channel with new events writes its checkpoint, ms. */
  checkpointIntervalMs: number;
  logLevel: string;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/**
 * Builds the configuration from environment variables.
 * @param env usually `process.env`; CLI flags are merged in by the caller under the same names.
 * @throws ConfigError naming the first bad variable.
 */
export function loadHubConfig(
  env: HubEnv,
  platform: { platform: NodeJS.Platform; homeDir: string; env: HubEnv } = defaultPlatform(),
): HubConfig {
  const host = listenHost(env);
  const auth = loadAuthConfig(env);
  const logLevel = withDefault(env, 'HUB_LOG_LEVEL');
  if (!LOG_LEVELS.includes(logLevel))
    throw new ConfigError('HUB_LOG_LEVEL', `expected one of ${LOG_LEVELS.join(', ')}`);
  const redisUrl = optionalUrl(env, 'REDIS_URL', ['redis:', 'rediss:']);
  const dataDir = read(env, 'HUB_DATA_DIR') ?? platformDataDir('ops-hub', platform);
  const http = loadHttpConfig(env, host);
  return {
    port: http.port,
    host,
    dataDir,
    redisUrl,
    redisHa: loadRedisHaConfig(env, redisUrl),
    jwt: auth.jwt,
    tokenTtlMs: auth.tokenTtlMs,
    refreshTtlMs: auth.refreshTtlMs,
    allowedOrigins: http.allowedOrigins,
    replayMaxEvents: integer(env, 'HUB_REPLAY_MAX_EVENTS', 1, 10_000_000),
    replayMaxAgeMs: duration(env, 'HUB_REPLAY_MAX_AGE', 1000),
    heartbeatMs: integer(env, 'HUB_HEARTBEAT_MS', 100, 3_600_000),
    // Clients call a link stalled after 2 × this; past a minute a frozen hub goes unnoticed too long.
    appHeartbeatMs: integer(env, 'HUB_APP_HEARTBEAT_MS', 100, 60_000),
    shutdownTimeoutMs: duration(env, 'HUB_SHUTDOWN_TIMEOUT', 100, MAX_TIMER_MS),
    tls: http.tls,
    limits: loadHubLimits(env),
    checkpointIntervalMs: duration(env, 'HUB_CHECKPOINT_INTERVAL', 10, MAX_TIMER_MS),
    logLevel,
    consoleDir: http.consoleDir,
    allowedHosts: http.allowedHosts,
    metricsToken: http.metricsToken,
  };
}

function defaultPlatform(): { platform: NodeJS.Platform; homeDir: string; env: HubEnv } {
  return {
    platform: process.platform,
    homeDir: process.env.HOME ?? process.env.USERPROFILE ?? '.',
    env: process.env,
  };
}
