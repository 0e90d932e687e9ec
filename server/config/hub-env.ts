import { z } from 'zod';
import { ConfigError } from './config-error';
import { parseDurationMs } from './duration';

/**
 * Reading the hub's environment variables: their defaults, and the checked readers
 * (integer, duration, URL) every configuration area uses. A bad value throws
 * ConfigError naming the variable.
 */

/** Environment variables the hub reads, with their defaults (as text, parsed like user input). */
export const HUB_ENV_DEFAULTS = {
  HUB_PORT: '8787',
  HUB_HOST: '127.0.0.1',
  HUB_TOKEN_TTL: '15m',
  HUB_REFRESH_TTL: '12h',
  HUB_REPLAY_MAX_EVENTS: '10000',
  HUB_REPLAY_MAX_AGE: '300',
  HUB_HEARTBEAT_MS: '30000',
  HUB_APP_HEARTBEAT_MS: '5000',
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

/** The environment the configuration is read from (usually `process.env`). */
export type HubEnv = Partial<Record<string, string | undefined>>;

/** @internal The trimmed value of `name`; undefined when unset or blank. */
export function read(env: HubEnv, name: string): string | undefined {
  const value = env[name];
  if (value === undefined || value.trim() === '') return undefined;
  return value.trim();
}

/** @internal The value of `name`, or its default from HUB_ENV_DEFAULTS. */
export function withDefault(env: HubEnv, name: keyof typeof HUB_ENV_DEFAULTS): string {
  return read(env, name) ?? HUB_ENV_DEFAULTS[name];
}

/** @internal An integer variable (or its default) in [min, max]. @throws ConfigError naming it. */
export function integer(
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
export const MAX_TIMER_MS = 2_147_483_647;

/** @internal A duration variable (or its default) in ms, in [minMs, maxMs]. @throws ConfigError naming it. */
export function duration(
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

/** @internal An optional URL with one of `protocols`; the value is never echoed in the error. @throws ConfigError naming it. */
export function optionalUrl(env: HubEnv, name: string, protocols: string[]): string | undefined {
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
