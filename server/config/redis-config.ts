import type { RedisNodeAddress, RedisTarget } from '../backplane/redis-connections';
import type { MinReplicas } from '../backplane/replica-ack';
import { ConfigError } from './config-error';
import { parseDurationMs } from './duration';

/** Where the Redis backplane runs (besides `REDIS_URL`), and how acks wait for replicas. */
export interface RedisHaConfig {
  /** From `REDIS_SENTINELS` or `REDIS_CLUSTER_NODES`; undefined when neither is set. */
  target: RedisTarget | undefined;
  /** From `HUB_REDIS_MIN_REPLICAS` (and `HUB_REDIS_MIN_REPLICAS_TIMEOUT`, default 1 s). */
  minReplicas: MinReplicas | undefined;
}

type Env = Partial<Record<string, string | undefined>>;

function read(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function nodeList(env: Env, name: string): RedisNodeAddress[] | undefined {
  const text = read(env, name);
  if (text === undefined) return undefined;
  return text.split(',').map((entry) => {
    const match = /^([\w.-]+|\[[\d:a-fA-F]+\]):(\d{1,5})$/.exec(entry.trim());
    const port = Number(match?.[2]);
    if (!match || port < 1 || port > 65535)
      throw new ConfigError(name, `expected host:port[,host:port…], got ${JSON.stringify(entry)}`);
    return { host: (match[1] as string).replace(/^\[|\]$/g, ''), port };
  });
}

/**
 * Reads the Sentinel, cluster and replica-ack variables. Passwords come from
 * `REDIS_PASSWORD` and `REDIS_SENTINEL_PASSWORD` and are never echoed.
 * @param redisUrl the already parsed `REDIS_URL`, which excludes the other two forms.
 * @throws ConfigError naming the first bad variable.
 */
export function loadRedisHaConfig(env: Env, redisUrl: string | undefined): RedisHaConfig {
  const sentinels = nodeList(env, 'REDIS_SENTINELS');
  const clusterNodes = nodeList(env, 'REDIS_CLUSTER_NODES');
  const set = [
    redisUrl && 'REDIS_URL',
    sentinels && 'REDIS_SENTINELS',
    clusterNodes && 'REDIS_CLUSTER_NODES',
  ].filter(Boolean);
  if (set.length > 1) throw new ConfigError(set[1] as string, `set only one of ${set.join(', ')}`);
  const password = env.REDIS_PASSWORD || undefined;
  let target: RedisTarget | undefined;
  if (sentinels) {
    const name = read(env, 'REDIS_SENTINEL_NAME');
    if (!name)
      throw new ConfigError(
        'REDIS_SENTINEL_NAME',
        'is required with REDIS_SENTINELS (the master name Sentinel monitors)',
      );
    target = {
      kind: 'sentinel',
      sentinels,
      name,
      password,
      sentinelPassword: env.REDIS_SENTINEL_PASSWORD || undefined,
    };
  } else if (clusterNodes) {
    target = { kind: 'cluster', nodes: clusterNodes, password };
  }
  const countText = read(env, 'HUB_REDIS_MIN_REPLICAS');
  if (countText === undefined) return { target, minReplicas: undefined };
  const count = Number(countText);
  if (!/^\d+$/.test(countText) || count < 1 || count > 100)
    throw new ConfigError(
      'HUB_REDIS_MIN_REPLICAS',
      `expected an integer from 1 to 100, got ${JSON.stringify(countText)}`,
    );
  if (clusterNodes)
    throw new ConfigError(
      'HUB_REDIS_MIN_REPLICAS',
      'is not supported with REDIS_CLUSTER_NODES (WAIT cannot follow a write to its shard)',
    );
  if (!redisUrl && !sentinels)
    throw new ConfigError(
      'HUB_REDIS_MIN_REPLICAS',
      'needs the Redis backplane (REDIS_URL or REDIS_SENTINELS)',
    );
  const timeoutText = read(env, 'HUB_REDIS_MIN_REPLICAS_TIMEOUT') ?? '1s';
  const timeoutMs = parseDurationMs(timeoutText);
  if (timeoutMs === null || timeoutMs < 1 || timeoutMs > 60_000)
    throw new ConfigError(
      'HUB_REDIS_MIN_REPLICAS_TIMEOUT',
      `expected a duration from 1ms to 60s (250ms, 1s), got ${JSON.stringify(timeoutText)}`,
    );
  return { target, minReplicas: { count, timeoutMs } };
}
