import { duration, integer, MAX_TIMER_MS, type HubEnv } from './hub-env';

/** The hub's resource limits and rate limits, each from its HUB_* variable (defaults in HUB_ENV_DEFAULTS). */
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

/**
 * Reads the limit variables.
 * @throws ConfigError naming the first bad variable.
 */
export function loadHubLimits(env: HubEnv): HubLimits {
  return {
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
  };
}

/** Password checks at once: at least 1, and below the libuv pool (UV_THREADPOOL_SIZE) so fsync keeps a thread. */
function loginConcurrency(env: HubEnv): number {
  const pool = Number(env.UV_THREADPOOL_SIZE ?? process.env.UV_THREADPOOL_SIZE ?? 4) || 4;
  return integer(env, 'HUB_LOGIN_CONCURRENCY', 1, Math.max(1, pool - 1));
}
