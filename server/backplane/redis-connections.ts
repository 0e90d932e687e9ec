import { Cluster, Redis, type ClusterOptions, type RedisOptions } from 'ioredis';
import { redactUrl } from '../../node-shared/redact-url';

/** A `host:port` pair of a Sentinel or a cluster node. */
export interface RedisNodeAddress {
  host: string;
  port: number;
}

/**
 * Where the backplane finds Redis:
 * - `url`: one server (`REDIS_URL`);
 * - `sentinel`: the primary that Sentinel names (`REDIS_SENTINELS`, `REDIS_SENTINEL_NAME`);
 * - `cluster`: a Redis Cluster, reached through any of its nodes (`REDIS_CLUSTER_NODES`).
 * Passwords are only ever passed to ioredis, never logged ({@link describeRedisTarget}).
 */
export type RedisTarget =
  | { kind: 'url'; url: string }
  | {
      kind: 'sentinel';
      sentinels: RedisNodeAddress[];
      name: string;
      /** Password of the Redis servers (AUTH). */
      password?: string;
      /** Password of the Sentinels, when they require one. */
      sentinelPassword?: string;
    }
  | { kind: 'cluster'; nodes: RedisNodeAddress[]; password?: string };

/** Either connection kind; both run commands and emit ready/close/reconnecting/end/error. */
export type RedisConnection = Redis | Cluster;

/** A description of the target for messages and logs, without any password. */
export function describeRedisTarget(target: RedisTarget): string {
  const list = (nodes: RedisNodeAddress[]) => nodes.map((n) => `${n.host}:${n.port}`).join(',');
  if (target.kind === 'url') return redactUrl(target.url);
  if (target.kind === 'sentinel')
    return `sentinel master "${target.name}" via ${list(target.sentinels)}`;
  return `cluster via ${list(target.nodes)}`;
}

/** @throws TypeError naming the option when the target is malformed. */
export function assertRedisTarget(target: RedisTarget): void {
  if (target.kind === 'url') {
    if (typeof target.url !== 'string' || !/^rediss?:\/\//.test(target.url))
      throw new TypeError(
        'RedisBackplane needs options.url like redis://127.0.0.1:6379 (REDIS_URL)',
      );
    return;
  }
  const nodes = target.kind === 'sentinel' ? target.sentinels : target.nodes;
  if (!Array.isArray(nodes) || nodes.length === 0)
    throw new TypeError(
      `RedisBackplane needs at least one ${target.kind === 'sentinel' ? 'Sentinel (REDIS_SENTINELS)' : 'cluster node (REDIS_CLUSTER_NODES)'} as host:port`,
    );
  if (target.kind === 'sentinel' && !target.name)
    throw new TypeError('RedisBackplane needs the Sentinel master name (REDIS_SENTINEL_NAME)');
}

/**
 * The backplane's fail-fast connection options, shared by its command and subscriber connections.
 * @param commandTimeoutMs a command with no answer within this many ms fails as unavailable.
 */
export function failFastRedisOptions(commandTimeoutMs: number): RedisOptions {
  return {
    // Fail fast while Redis is down: the hub answers 503 and producers retry,
    // instead of commands piling up for minutes. In-flight commands are not
    // resent after a reconnect, since an append may already have run.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    autoResendUnfulfilledCommands: false,
    commandTimeout: commandTimeoutMs,
    retryStrategy: (attempt: number) => Math.min(50 * 2 ** Math.min(attempt, 6), 2000),
    lazyConnect: false,
  };
}

/**
 * Opens one connection to the target with the backplane's fail-fast options.
 * The subscriber of a cluster uses ioredis's sharded subscribers: one subscriber
 * connection per primary, SSUBSCRIBE sent to the shard owning each channel's slot,
 * and resubscription when slots move.
 */
export function openRedisConnection(
  target: RedisTarget,
  role: 'command' | 'subscriber',
  common: RedisOptions,
): RedisConnection {
  const connectionName = `ops-backplane-${role}`;
  if (target.kind === 'url') return new Redis(target.url, { ...common, connectionName });
  if (target.kind === 'sentinel')
    return new Redis({
      ...common,
      connectionName,
      sentinels: target.sentinels,
      name: target.name,
      password: target.password,
      sentinelPassword: target.sentinelPassword,
      // Sentinel announces +switch-master: drop the old primary at once instead of
      // writing to it until its socket fails (it may still be up, demoted).
      failoverDetector: true,
      sentinelRetryStrategy: (attempt: number) => Math.min(50 * 2 ** Math.min(attempt, 6), 2000),
    });
  const { retryStrategy, enableOfflineQueue, ...perNode } = common;
  const options: ClusterOptions = {
    enableOfflineQueue,
    clusterRetryStrategy: (attempt: number) =>
      typeof retryStrategy === 'function' ? retryStrategy(attempt) : 200,
    redisOptions: { ...perNode, connectionName, password: target.password },
    scaleReads: 'master',
    shardedSubscribers: role === 'subscriber',
    // A failover makes the slot owner change: ask the cluster soon, not after the default 5 s.
    slotsRefreshInterval: 1000,
    retryDelayOnFailover: 100,
    retryDelayOnClusterDown: 100,
  };
  return new Cluster(target.nodes, options);
}

/** The address a connection is currently talking to, for logging a primary change; null when unknown. */
export function connectedAddress(connection: RedisConnection): string | null {
  if (connection instanceof Cluster) return null;
  const stream = connection.stream as { remoteAddress?: string; remotePort?: number } | undefined;
  if (!stream?.remoteAddress) return null;
  return `${stream.remoteAddress}:${stream.remotePort}`;
}
