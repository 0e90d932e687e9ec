import { z } from 'zod';
import { platformDataDir } from '../../node-shared/data-dir';
import { ConfigError } from './config-error';
import { parseDurationMs } from './duration';
import { loadRedisHaConfig, type RedisHaConfig } from './redis-config';

/**
 * The hub's configuration: environment variables, overridden by CLI flags.
 * Every value is checked at start; a bad one throws ConfigError naming the variable.
 */
export interface HubConfig {
  port: number;
  host: string;
  dataDir: string;
  /** Set to use the Redis backplane; unset means the embedded memory backplane. */
  redisUrl: string | undefined;
  /** Sentinel or cluster instead of REDIS_URL, and HUB_REDIS_MIN_REPLICAS (redis-config.ts). */
  redisHa: RedisHaConfig;
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
  /** Extra allowed browser origins; no-Origin and same-origin upgrades are always accepted. */
  allowedOrigins: string[];
  replayMaxEvents: number;
  replayMaxAgeMs: number;
  heartbeatMs: number;
  shutdownTimeoutMs: number;
  tls: { certFile: string; keyFile: string } | undefined;
  limits: HubLimits;
  /** How often a channel with new events writes its checkpoint, ms. */
  checkpointIntervalMs: number;
  logLevel: string;
  /** Folder with the built browser console served at /console. */
  consoleDir: string;
  /**
   * Extra Host header names the hub answers to (HUB_ALLOWED_HOSTS), lower case, without port;
   * local names and IP literals are always allowed. `['*']` turns the check off.
   */
  allowedHosts: string[];
  /** Bearer token for GET /metrics (HUB_METRICS_TOKEN); unset means /metrics answers loopback clients only. */
  metricsToken: string | undefined;
}

export interface HubLimits {
  /** Max WebSocket frame size, bytes; larger frames close the connection with 1009. */
  maxPayloadBytes: number;
  maxConnections: number;
  maxSubscriptionsPerConnection: number;
  /** New connections per second per client IP; 0 disables the limit. */
  ipConnectRate: number;
  /** Client frames per second per connection (burst 2×). */
  messageRate: number;
  /** Invalid frames tolerated within violationWindowMs before closing with 4400. */
  violationLimit: number;
  violationWindowMs: number;
  /** Bound of a connection's outgoing buffer, bytes; past it the connection is closed with 4008. */
  maxBufferedBytes: number;
  /** Ingest requests per second per token subject (burst 2×); 0 disables. */
  ingestRate: number;
  /** Failed token requests per minute per client IP, and per (username, IP). */
  loginRatePerMinute: number;
  /** Failed password logins per minute per username from all addresses together. */
  loginUserRatePerMinute: number;
  /** Password checks (scrypt) running at once; below the libuv thread pool size. */
  loginConcurrency: number;
  /** Password checks waiting for a slot; past it the token endpoint answers 503 at once. */
  loginQueue: number;
  /** Open TCP connections in all; the hub also stays `fdReserve` below RLIMIT_NOFILE. */
  maxSockets: number;
  /** Descriptors kept free below RLIMIT_NOFILE for journals, Redis and logs. */
  fdReserve: number;
  /** Open TCP connections per client address. */
  maxSocketsPerAddress: number;
  /** A connection with no complete request or upgrade this long after its accept is closed, ms. */
  idleSocketTimeoutMs: number;
  /** Open WebSocket connections per token subject. */
  maxConnectionsPerSubject: number;
  /** Tenants with their own metric label series; the rest share tenant="other". */
  metricsMaxTenants: number;
}

/** Environment variables the hub reads, with their defaults (as text, parsed like user input). */
export const HUB_ENV_DEFAULTS = {
  HUB_PORT: '8787',
  HUB_HOST: '127.0.0.1',
  HUB_TOKEN_TTL: '15m',
  HUB_REFRESH_TTL: '12h',
  HUB_REPLAY_MAX_EVENTS: '10000',
  HUB_REPLAY_MAX_AGE: '300',
  HUB_HEARTBEAT_MS: '30000',
  HUB_SHUTDOWN_TIMEOUT: '10',
  HUB_MAX_PAYLOAD: '65536',
  HUB_MAX_CONNECTIONS: '20000',
  HUB_MAX_SUBSCRIPTIONS: '50',
  HUB_IP_CONNECT_RATE: '2000',
  HUB_MESSAGE_RATE: '50',
  HUB_VIOLATION_LIMIT: '10',
  HUB_VIOLATION_WINDOW: '10s',
  HUB_MAX_BUFFERED_BYTES: '8388608',
  HUB_INGEST_RATE: '500',
  HUB_LOGIN_RATE: '60',
  HUB_LOGIN_USER_RATE: '600',
  HUB_LOGIN_CONCURRENCY: '1',
  HUB_LOGIN_QUEUE: '16',
  HUB_MAX_SOCKETS: '20000',
  HUB_FD_RESERVE: '128',
  HUB_MAX_SOCKETS_PER_ADDRESS: '1000',
  HUB_IDLE_SOCKET_TIMEOUT: '10s',
  HUB_MAX_CONNECTIONS_PER_SUBJECT: '1000',
  HUB_METRICS_MAX_TENANTS: '100',
  HUB_CHECKPOINT_INTERVAL: '2s',
  HUB_LOG_LEVEL: 'info',
} as const;

export type HubEnv = Partial<Record<string, string | undefined>>;

function read(env: HubEnv, name: string): string | undefined {
  const value = env[name];
  if (value === undefined || value.trim() === '') return undefined;
  return value.trim();
}

function withDefault(env: HubEnv, name: keyof typeof HUB_ENV_DEFAULTS): string {
  return read(env, name) ?? HUB_ENV_DEFAULTS[name];
}

function integer(
  env: HubEnv,
  name: keyof typeof HUB_ENV_DEFAULTS,
  min: number,
  max: number,
): number {
  const text = withDefault(env, name);
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new ConfigError(
      name,
      `expected an integer from ${min} to ${max}, got ${JSON.stringify(text)}`,
    );
  }
  return value;
}

/** The longest delay setTimeout honours; longer ones fire at once (TimeoutOverflowWarning). */
const MAX_TIMER_MS = 2_147_483_647;

function duration(
  env: HubEnv,
  name: keyof typeof HUB_ENV_DEFAULTS,
  minMs: number,
  maxMs = Number.MAX_SAFE_INTEGER,
): number {
  const text = withDefault(env, name);
  const ms = parseDurationMs(text);
  if (ms === null)
    throw new ConfigError(
      name,
      `expected seconds (900) or a suffixed duration (15m, 3s, 250ms), got ${JSON.stringify(text)}`,
    );
  if (ms < minMs)
    throw new ConfigError(name, `must be at least ${minMs} ms, got ${JSON.stringify(text)}`);
  if (ms > maxMs)
    throw new ConfigError(
      name,
      `must be at most ${maxMs} ms (about 24 days), got ${JSON.stringify(text)}`,
    );
  return ms;
}

const urlSchema = z.url();

function optionalUrl(env: HubEnv, name: string, protocols: string[]): string | undefined {
  const text = read(env, name);
  if (text === undefined) return undefined;
  if (!urlSchema.safeParse(text).success || !protocols.includes(new URL(text).protocol)) {
    // Never echo the value: a Redis URL may carry a password.
    throw new ConfigError(
      name,
      `expected a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`,
    );
  }
  return text;
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

function origins(env: HubEnv): string[] {
  const text = read(env, 'HUB_ALLOWED_ORIGINS');
  if (!text) return [];
  return text.split(',').map((entry) => {
    const origin = entry.trim();
    let parsed: URL;
    try {
      parsed = new URL(origin);
    } catch {
      throw new ConfigError(
        'HUB_ALLOWED_ORIGINS',
        `${JSON.stringify(origin)} is not an origin such as https://ops.example.com`,
      );
    }
    if (parsed.origin !== origin.replace(/\/$/, '')) {
      throw new ConfigError(
        'HUB_ALLOWED_ORIGINS',
        `${JSON.stringify(origin)} must be scheme://host[:port] without a path`,
      );
    }
    return parsed.origin;
  });
}

function tls(env: HubEnv): HubConfig['tls'] {
  const certFile = read(env, 'HUB_TLS_CERT');
  const keyFile = read(env, 'HUB_TLS_KEY');
  if (!certFile && !keyFile) return undefined;
  if (!certFile) throw new ConfigError('HUB_TLS_CERT', 'is required when HUB_TLS_KEY is set');
  if (!keyFile) throw new ConfigError('HUB_TLS_KEY', 'is required when HUB_TLS_CERT is set');
  return { certFile, keyFile };
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
  const host = withDefault(env, 'HUB_HOST');
  if (!/^[\w.:-]+$/.test(host))
    throw new ConfigError(
      'HUB_HOST',
      `expected a host name or IP address, got ${JSON.stringify(host)}`,
    );
  const jwksUrl = optionalUrl(env, 'HUB_JWKS_URL', ['https:', 'http:']);
  const secret = jwtSecret(env);
  if (secret && jwksUrl)
    throw new ConfigError('HUB_JWKS_URL', 'set either HUB_JWT_SECRET or HUB_JWKS_URL, not both');
  const logLevel = withDefault(env, 'HUB_LOG_LEVEL');
  if (!LOG_LEVELS.includes(logLevel))
    throw new ConfigError('HUB_LOG_LEVEL', `expected one of ${LOG_LEVELS.join(', ')}`);
  const tokenTtlMs = duration(env, 'HUB_TOKEN_TTL', 1000);
  const refreshTtlMs = duration(env, 'HUB_REFRESH_TTL', 1000);
  if (refreshTtlMs < tokenTtlMs)
    throw new ConfigError(
      'HUB_REFRESH_TTL',
      `must be at least HUB_TOKEN_TTL (${tokenTtlMs} ms), got ${JSON.stringify(withDefault(env, 'HUB_REFRESH_TTL'))}`,
    );
  const redisUrl = optionalUrl(env, 'REDIS_URL', ['redis:', 'rediss:']);
  const dataDir = read(env, 'HUB_DATA_DIR') ?? platformDataDir('ops-hub', platform);
  return {
    port: integer(env, 'HUB_PORT', 0, 65535),
    host,
    dataDir,
    redisUrl,
    redisHa: loadRedisHaConfig(env, redisUrl),
    jwt: {
      secret,
      jwksUrl,
      issuer: read(env, 'HUB_JWT_ISSUER'),
      audience: read(env, 'HUB_JWT_AUDIENCE'),
    },
    tokenTtlMs,
    refreshTtlMs,
    allowedOrigins: origins(env),
    replayMaxEvents: integer(env, 'HUB_REPLAY_MAX_EVENTS', 1, 10_000_000),
    replayMaxAgeMs: duration(env, 'HUB_REPLAY_MAX_AGE', 1000),
    heartbeatMs: integer(env, 'HUB_HEARTBEAT_MS', 100, 3_600_000),
    shutdownTimeoutMs: duration(env, 'HUB_SHUTDOWN_TIMEOUT', 100, MAX_TIMER_MS),
    tls: tls(env),
    limits: {
      maxPayloadBytes: integer(env, 'HUB_MAX_PAYLOAD', 1024, 16 * 1024 * 1024),
      maxConnections: integer(env, 'HUB_MAX_CONNECTIONS', 1, 10_000_000),
      maxSubscriptionsPerConnection: integer(env, 'HUB_MAX_SUBSCRIPTIONS', 1, 10_000),
      ipConnectRate: integer(env, 'HUB_IP_CONNECT_RATE', 0, 10_000_000),
      messageRate: integer(env, 'HUB_MESSAGE_RATE', 1, 1_000_000),
      violationLimit: integer(env, 'HUB_VIOLATION_LIMIT', 1, 1_000_000),
      violationWindowMs: duration(env, 'HUB_VIOLATION_WINDOW', 100),
      maxBufferedBytes: integer(env, 'HUB_MAX_BUFFERED_BYTES', 1024, 1024 * 1024 * 1024),
      ingestRate: integer(env, 'HUB_INGEST_RATE', 0, 10_000_000),
      loginRatePerMinute: integer(env, 'HUB_LOGIN_RATE', 1, 1_000_000),
      loginUserRatePerMinute: integer(env, 'HUB_LOGIN_USER_RATE', 1, 1_000_000),
      loginConcurrency: loginConcurrency(env),
      loginQueue: integer(env, 'HUB_LOGIN_QUEUE', 0, 10_000),
      maxSockets: integer(env, 'HUB_MAX_SOCKETS', 1, 10_000_000),
      fdReserve: integer(env, 'HUB_FD_RESERVE', 16, 1_000_000),
      maxSocketsPerAddress: integer(env, 'HUB_MAX_SOCKETS_PER_ADDRESS', 1, 10_000_000),
      idleSocketTimeoutMs: duration(env, 'HUB_IDLE_SOCKET_TIMEOUT', 100, MAX_TIMER_MS),
      maxConnectionsPerSubject: integer(env, 'HUB_MAX_CONNECTIONS_PER_SUBJECT', 1, 10_000_000),
      metricsMaxTenants: integer(env, 'HUB_METRICS_MAX_TENANTS', 0, 100_000),
    },
    checkpointIntervalMs: duration(env, 'HUB_CHECKPOINT_INTERVAL', 10, MAX_TIMER_MS),
    logLevel,
    consoleDir: read(env, 'HUB_CONSOLE_DIR') ?? 'out/renderer',
    allowedHosts: allowedHosts(env),
    metricsToken: metricsToken(env),
  };
}

/** Password checks at once: at least 1, and below the libuv pool (UV_THREADPOOL_SIZE) so fsync keeps a thread. */
function loginConcurrency(env: HubEnv): number {
  const pool = Number(env.UV_THREADPOOL_SIZE ?? process.env.UV_THREADPOOL_SIZE ?? 4) || 4;
  return integer(env, 'HUB_LOGIN_CONCURRENCY', 1, Math.max(1, pool - 1));
}

function allowedHosts(env: HubEnv): string[] {
  const text = read(env, 'HUB_ALLOWED_HOSTS');
  if (!text) return [];
  return text.split(',').map((entry) => {
    const host = entry.trim().toLowerCase();
    if (host !== '*' && !/^[a-z0-9.-]+$/.test(host))
      throw new ConfigError(
        'HUB_ALLOWED_HOSTS',
        `${JSON.stringify(host)} is not a host name such as ops.example.com (no scheme or port), or *`,
      );
    return host;
  });
}

function metricsToken(env: HubEnv): string | undefined {
  const token = read(env, 'HUB_METRICS_TOKEN');
  if (token !== undefined && token.length < 16)
    throw new ConfigError(
      'HUB_METRICS_TOKEN',
      'must be at least 16 characters (the value is not shown)',
    );
  return token;
}

function defaultPlatform(): { platform: NodeJS.Platform; homeDir: string; env: HubEnv } {
  return {
    platform: process.platform,
    homeDir: process.env.HOME ?? process.env.USERPROFILE ?? '.',
    env: process.env,
  };
}
