import type { Logger } from 'pino';
import type { Backplane } from '../backplane/backplane';
import { MemoryBackplane } from '../backplane/memory-backplane';
import { RedisBackplane } from '../backplane/redis-backplane';
import type { HubConfig } from '../config/hub-config';
import type { HubMetrics } from '../metrics/hub-metrics';

/**
 * The backplane the configuration asks for: Redis when REDIS_URL, REDIS_SENTINELS or REDIS_CLUSTER_NODES is set (waits for the
 * first connection), otherwise the embedded memory backplane, which journals every accepted event
 * in the data dir (see docs/durability.md).
 */
export async function openBackplane(
  config: HubConfig,
  logger: Logger,
  metrics: HubMetrics,
): Promise<Backplane> {
  const retention = { maxEvents: config.replayMaxEvents, maxAgeMs: config.replayMaxAgeMs };
  const target =
    config.redisHa.target ??
    (config.redisUrl ? { kind: 'url' as const, url: config.redisUrl } : null);
  if (!target)
    return new MemoryBackplane({
      retention,
      dataDir: config.dataDir,
      logger: logger.child({ component: 'backplane' }),
    });
  return RedisBackplane.connect({
    target,
    minReplicas: config.redisHa.minReplicas,
    retention,
    logger: logger.child({ component: 'backplane' }),
    metrics: {
      onRedisError: (kind) => metrics.redisErrors.inc({ kind }),
      onRedisReconnect: (connection) => metrics.redisReconnects.inc({ connection }),
      onRedisFailover: () => metrics.redisFailovers.inc(),
      onHistoryLost: () => metrics.historyLost.inc(),
    },
  });
}
