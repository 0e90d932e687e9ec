import type { Logger } from 'pino';
import type { RedisBackplaneMetrics } from './redis-connection-health';

/** A head of a tenant's log as this hub saw it in Redis. */
export interface KnownHead {
  epoch: string;
  seq: number;
}

export interface HistoryGuardDeps {
  logger: Logger;
  metrics: RedisBackplaneMetrics;
  /** Backfills the tenant's live feed, if this hub has one. */
  catchUp(tenant: string, reason: string): void;
  /** One script call for the tenant that carries its known head (a cheap read). */
  check(tenant: string): Promise<unknown>;
}

/**
 * Guards against Redis history that went backwards. It keeps the furthest head this hub
 * has seen of each tenant's log (append answers, reads, live deliveries; never a client's
 * claim), which every script call sends along so the script can start a new epoch when
 * Redis is behind it (see ensure_head in redis-scripts.ts). It reports such a rewind,
 * and after a failover to another server it checks every known tenant at once.
 * @internal
 */
export class HistoryGuard {
  private readonly heads = new Map<string, KnownHead>();
  private server: string | null = null;

  constructor(private readonly deps: HistoryGuardDeps) {}

  /** The known head, or an empty epoch (matches nothing) when this hub saw none. */
  known(tenant: string): KnownHead {
    return this.heads.get(tenant) ?? { epoch: '', seq: 0 };
  }

  /** Records a head seen in Redis: a new epoch replaces the old one; within one epoch the head only grows. */
  note(tenant: string, epoch: string, seq: number): void {
    const current = this.heads.get(tenant);
    if (current && current.epoch === epoch && current.seq >= seq) return;
    this.heads.set(tenant, { epoch, seq });
  }

  /** After a script ran with `sent` as the known head: records its answer and reports a rewind. */
  afterScript(
    tenant: string,
    epoch: string,
    headSeq: number,
    rewound: number,
    sent: KnownHead,
  ): void {
    this.note(tenant, epoch, headSeq);
    if (!rewound) return;
    this.deps.metrics.onHistoryLost?.();
    this.deps.logger.error(
      { tenant, knownEpoch: sent.epoch, knownSeq: rewound, storedSeq: headSeq, newEpoch: epoch },
      'Redis history went backwards (a stale replica was promoted or an old snapshot loaded): seqs after storedSeq are lost; started a new epoch, clients resync from a snapshot',
    );
    this.deps.catchUp(tenant, 'history went backwards');
  }

  /**
   * Called when the command connection is ready, with the server it reached (null when
   * unknown, as on a cluster). A different server than before is a failover: it is
   * counted, logged, and every known tenant is checked before its next append.
   */
  onServer(address: string | null): void {
    if (address === null) return;
    if (this.server !== null && this.server !== address) {
      this.deps.metrics.onRedisFailover?.();
      this.deps.logger.warn(
        { from: this.server, to: address },
        'Redis primary changed (failover); checking every known tenant head against the new primary',
      );
      for (const tenant of this.heads.keys()) {
        this.deps
          .check(tenant)
          .catch((error: unknown) =>
            this.deps.logger.warn(
              { err: error, tenant },
              'head check after failover failed; the next append checks again',
            ),
          );
      }
    }
    this.server = address;
  }
}
