import { Cluster } from 'ioredis';
import { BackplaneUnavailableError } from './backplane';
import type { RedisCommandRunner } from './redis-command-runner';
import type { RedisConnection } from './redis-connections';

/** `HUB_REDIS_MIN_REPLICAS` and `HUB_REDIS_MIN_REPLICAS_TIMEOUT`. */
export interface MinReplicas {
  /** Replicas that must confirm a write before it is acknowledged, ≥ 1. */
  count: number;
  /** How long WAIT may block, ms, ≥ 1. */
  timeoutMs: number;
}

/**
 * Synchronous replication for the ingest ack: after an append, `WAIT count timeout`
 * on the same connection (WAIT counts every earlier write of the connection). Fewer
 * confirmations than `count` makes the append fail as unavailable (HTTP 503): the event
 * may already be in the log, and the producer's retry with the same event id is a
 * duplicate that is acknowledged once the replicas confirm.
 * WAIT blocks the command connection while it waits, so every command behind it waits too.
 * @internal
 */
export class ReplicaAck {
  constructor(
    private readonly command: RedisConnection,
    private readonly wanted: MinReplicas,
    private readonly runner: RedisCommandRunner,
  ) {
    // WAIT has no key, so a cluster would send it to any node, not the one that took the write.
    if (command instanceof Cluster)
      throw new TypeError(
        'HUB_REDIS_MIN_REPLICAS is not supported with REDIS_CLUSTER_NODES; use it with REDIS_URL or REDIS_SENTINELS',
      );
    if (!(Number.isSafeInteger(wanted.count) && wanted.count >= 1))
      throw new TypeError('minReplicas.count must be an integer >= 1 (HUB_REDIS_MIN_REPLICAS)');
    if (!(Number.isSafeInteger(wanted.timeoutMs) && wanted.timeoutMs >= 1))
      throw new TypeError(
        'minReplicas.timeoutMs must be an integer >= 1 (HUB_REDIS_MIN_REPLICAS_TIMEOUT)',
      );
  }

  /** @throws BackplaneUnavailableError when fewer replicas confirmed within the timeout. */
  async confirm(): Promise<void> {
    const { count, timeoutMs } = this.wanted;
    const confirmed = await this.runner.call('wait', () =>
      (this.command as { wait(n: number, ms: number): Promise<number> }).wait(count, timeoutMs),
    );
    if (confirmed < count)
      throw new BackplaneUnavailableError(
        `only ${confirmed} of ${count} Redis replicas confirmed the write within ${timeoutMs} ms (HUB_REDIS_MIN_REPLICAS); retry with the same event id`,
      );
  }
}
