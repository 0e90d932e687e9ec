import type { Logger } from 'pino';
import { BackplaneUnavailableError, type BackplaneStatus } from './backplane';
import type { RedisConnection } from './redis-connections';

/** Hooks the hub wires to prom-client counters. Every method is optional. */
export interface RedisBackplaneMetrics {
  /**
   * A Redis error: `connection` (socket error event), `command` (a call that failed or was refused
   * because Redis is unreachable), `feed` (a live-feed backfill read that failed and will be retried).
   */
  onRedisError?(kind: 'connection' | 'command' | 'feed'): void;
  /** A connection became ready again after it had been lost. */
  onRedisReconnect?(connection: ConnectionRole): void;
  /** The command connection came back to a different server: a failover. */
  onRedisFailover?(): void;
  /** A tenant's history in Redis went backwards and a new epoch was started. */
  onHistoryLost?(): void;
}

export type ConnectionRole = 'command' | 'subscriber';

/**
 * Tracks the command and subscriber connections: the backplane is 'ready' only
 * while both are, and 'degraded' otherwise. Counts errors and reconnects.
 * @internal
 */
export class ConnectionHealth {
  private readonly up = new Map<ConnectionRole, boolean>();
  private readonly everReady = new Set<ConnectionRole>();
  private readonly statusListeners = new Set<(status: BackplaneStatus, detail: string) => void>();
  private current: BackplaneStatus = 'degraded';
  private stopped = false;

  constructor(
    private readonly logger: Logger,
    private readonly metrics: RedisBackplaneMetrics,
  ) {}

  /** @param onReady called every time the connection becomes ready, the first time included. */
  track(redis: RedisConnection, role: ConnectionRole, onReady?: () => void): void {
    this.up.set(role, false);
    redis.on('ready', () => {
      const isReconnect = this.everReady.has(role);
      this.everReady.add(role);
      this.set(role, true, `${role} connection ready`);
      if (isReconnect) this.metrics.onRedisReconnect?.(role);
      onReady?.();
    });
    redis.on('error', (error: Error) => {
      this.metrics.onRedisError?.('connection');
      // Logged once per outage (on the status change below), not once per retry.
      if (this.up.get(role)) this.logger.warn({ err: error, role }, 'redis connection error');
    });
    const down = (detail: string) => () => this.set(role, false, detail);
    redis.on('close', down(`${role} connection closed`));
    redis.on('reconnecting', down(`${role} connection reconnecting`));
    redis.on('end', down(`${role} connection ended`));
  }

  status(): BackplaneStatus {
    return this.current;
  }

  isUp(role: ConnectionRole): boolean {
    return this.up.get(role) === true;
  }

  onStatus(listener: (status: BackplaneStatus, detail: string) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  /**
   * Resolves when the status is 'ready'.
   * @param describe what to name in the error, e.g. the Redis target and the variables that set it.
   * @throws BackplaneUnavailableError after `timeoutMs`.
   */
  whenReady(timeoutMs: number, describe: () => string): Promise<void> {
    if (this.current === 'ready') return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        off();
        reject(
          new BackplaneUnavailableError(
            `Redis (${describe()}) was not reachable within ${timeoutMs} ms; check REDIS_URL, REDIS_SENTINELS or REDIS_CLUSTER_NODES`,
          ),
        );
      }, timeoutMs);
      const off = this.onStatus((status) => {
        if (status !== 'ready') return;
        clearTimeout(timer);
        off();
        resolve();
      });
    });
  }

  /** Stops reporting: connections closing on purpose are not an outage. */
  stop(): void {
    this.stopped = true;
    this.statusListeners.clear();
  }

  private set(role: ConnectionRole, isUp: boolean, detail: string): void {
    if (this.stopped) return;
    this.up.set(role, isUp);
    const next: BackplaneStatus = [...this.up.values()].every(Boolean) ? 'ready' : 'degraded';
    if (next === this.current) return;
    this.current = next;
    if (next === 'degraded') this.logger.warn({ detail }, 'redis backplane degraded');
    else this.logger.info({ detail }, 'redis backplane ready');
    for (const listener of this.statusListeners) {
      try {
        listener(next, detail);
      } catch (error) {
        this.logger.error({ err: error }, 'status listener threw');
      }
    }
  }
}
