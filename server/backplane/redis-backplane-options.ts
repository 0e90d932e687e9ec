import type { Logger } from 'pino';
import { createLogger } from '../../node-shared/logger';
import { DEFAULT_RETENTION, type RetentionOptions } from './backplane';
import { newEpoch } from './epoch-id';
import type { RedisBackplaneMetrics } from './redis-connection-health';
import { DEFAULT_KEY_PREFIX } from './redis-keys';
import { assertRedisTarget, type RedisTarget } from './redis-connections';
import type { MinReplicas } from './replica-ack';

export interface RedisBackplaneOptions {
  /** `redis://[:password@]host:port[/db]`; shorthand for `target: {kind: 'url', url}`. */
  url?: string;
  /** Where Redis is: one server, a Sentinel-managed primary, or a cluster. */
  target?: RedisTarget;
  /** Ack an append only once this many replicas confirmed it (WAIT); unset: no wait. */
  minReplicas?: MinReplicas;
  retention?: RetentionOptions;
  logger?: Logger;
  metrics?: RedisBackplaneMetrics;
  /** Key prefix (default `ops`); keys look like `ops:{t:<tenant>}:seq`. */
  keyPrefix?: string;
  /** A command that gets no answer within this many ms fails as unavailable (default 5000). */
  commandTimeoutMs?: number;
  /** Epoch generator, injectable for tests. */
  newEpoch?: () => string;
  /** First retry delay of a failed live-feed backfill, ms (default 100, doubling to 2 s). */
  feedRetryDelayMs?: number;
  /**
   * How long the head that a read creates for a tenant with no event yet lives in Redis, ms
   * (default 1 h), renewed by every read. The tenant's first append makes it permanent.
   */
  provisionalHeadTtlMs?: number;
}

/** Default {@link RedisBackplaneOptions.provisionalHeadTtlMs}. */
export const DEFAULT_PROVISIONAL_HEAD_TTL_MS = 3_600_000;

/** RedisBackplaneOptions with every default filled in and every value checked. */
export interface ResolvedRedisBackplaneOptions {
  target: RedisTarget;
  minReplicas: MinReplicas | undefined;
  retention: RetentionOptions;
  logger: Logger;
  metrics: RedisBackplaneMetrics;
  keyPrefix: string;
  commandTimeoutMs: number;
  newEpoch: () => string;
  feedRetryDelayMs: number | undefined;
  provisionalHeadTtlMs: number;
}

/**
 * Fills in the defaults of the backplane's options and checks them.
 * @throws TypeError for a bad target, retention or provisional head lifetime.
 */
export function resolveRedisBackplaneOptions(
  options: RedisBackplaneOptions,
): ResolvedRedisBackplaneOptions {
  const target = options?.target ?? { kind: 'url', url: options?.url as string };
  assertRedisTarget(target);
  const retention = options.retention ?? DEFAULT_RETENTION;
  if (!(retention.maxEvents >= 1) || !(retention.maxAgeMs >= 1)) {
    throw new TypeError('retention.maxEvents and retention.maxAgeMs must be >= 1');
  }
  const logger = options.logger ?? createLogger({ app: 'redis-backplane', level: 'warn' });
  const provisionalHeadTtlMs = options.provisionalHeadTtlMs ?? DEFAULT_PROVISIONAL_HEAD_TTL_MS;
  if (!Number.isSafeInteger(provisionalHeadTtlMs) || provisionalHeadTtlMs < 1)
    throw new TypeError('provisionalHeadTtlMs must be a whole number of ms >= 1');
  return {
    target,
    minReplicas: options.minReplicas,
    retention,
    logger,
    metrics: options.metrics ?? {},
    keyPrefix: options.keyPrefix ?? DEFAULT_KEY_PREFIX,
    commandTimeoutMs: options.commandTimeoutMs ?? 5000,
    newEpoch: options.newEpoch ?? newEpoch,
    feedRetryDelayMs: options.feedRetryDelayMs,
    provisionalHeadTtlMs,
  };
}
