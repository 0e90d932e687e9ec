import pino, { type Logger } from 'pino';
import type { OpsEvent, SequencedEvent } from '../../protocol/events';
import {
  BackplaneUnavailableError,
  DEFAULT_RETENTION,
  type AppendResult,
  type Backplane,
  type BackplaneStatus,
  type Checkpoint,
  type LogHead,
  type RangeResult,
  type RetentionOptions,
  type TenantListener,
} from './backplane';
import { assertAppendable, assertSeq, assertTenantId, normalizeLimit } from './backplane-input';
import { assertCheckpoint } from './checkpoint-rules';
import { newEpoch } from './epoch-id';
import { ConnectionHealth, type RedisBackplaneMetrics } from './redis-connection-health';
import { DEFAULT_KEY_PREFIX, tenantKeys, type TenantKeys } from './redis-keys';
import { RedisSubscriptions } from './redis-subscriptions';
import { quitConnection, RedisCommandRunner, script } from './redis-command-runner';
import {
  assertRedisTarget,
  connectedAddress,
  describeRedisTarget,
  openRedisConnection,
  type RedisConnection,
  type RedisTarget,
} from './redis-connections';
import { HistoryGuard } from './history-guard';
import { ReplicaAck, type MinReplicas } from './replica-ack';
import { APPEND_SCRIPT, READ_AFTER_SCRIPT, SAVE_CHECKPOINT_SCRIPT } from './redis-scripts';

const APPEND = script(APPEND_SCRIPT);
const READ_AFTER = script(READ_AFTER_SCRIPT);
const SAVE_CHECKPOINT = script(SAVE_CHECKPOINT_SCRIPT);

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

/**
 * The Redis backplane: per-tenant streams, one Lua script per append (seq, dedup,
 * trim, SPUBLISH), sharded pub/sub per tenant, and a live feed that backfills
 * gaps from the stream. Use `RedisBackplane.connect()` to wait for the first connection.
 */
export class RedisBackplane implements Backplane {
  readonly kind = 'redis' as const;
  private readonly command: RedisConnection;
  private readonly subscriber: RedisConnection;
  private readonly target: RedisTarget;
  private readonly guard: HistoryGuard;
  private readonly replicaAck: ReplicaAck | null;
  private readonly health: ConnectionHealth;
  private readonly runner: RedisCommandRunner;
  private readonly retention: RetentionOptions;
  private readonly logger: Logger;
  private readonly metrics: RedisBackplaneMetrics;
  private readonly prefix: string;
  private readonly makeEpoch: () => string;
  private readonly provisionalHeadTtlMs: number;
  private readonly subscriptions: RedisSubscriptions;
  private closed = false;

  /** Starts connecting at once; the backplane is 'degraded' until both connections are ready. @throws TypeError for bad options. */
  constructor(private readonly options: RedisBackplaneOptions) {
    this.target = options?.target ?? { kind: 'url', url: options?.url as string };
    assertRedisTarget(this.target);
    this.retention = options.retention ?? DEFAULT_RETENTION;
    if (!(this.retention.maxEvents >= 1) || !(this.retention.maxAgeMs >= 1)) {
      throw new TypeError('retention.maxEvents and retention.maxAgeMs must be >= 1');
    }
    this.logger = options.logger ?? pino({ name: 'redis-backplane', level: 'warn' });
    this.metrics = options.metrics ?? {};
    this.prefix = options.keyPrefix ?? DEFAULT_KEY_PREFIX;
    this.makeEpoch = options.newEpoch ?? newEpoch;
    this.provisionalHeadTtlMs = options.provisionalHeadTtlMs ?? DEFAULT_PROVISIONAL_HEAD_TTL_MS;
    if (!Number.isSafeInteger(this.provisionalHeadTtlMs) || this.provisionalHeadTtlMs < 1)
      throw new TypeError('provisionalHeadTtlMs must be a whole number of ms >= 1');
    this.health = new ConnectionHealth(this.logger, this.metrics);
    this.guard = new HistoryGuard({
      logger: this.logger,
      metrics: this.metrics,
      catchUp: (tenant, reason) => this.subscriptions.catchUp(tenant, reason),
      check: (tenant) => this.readRange(tenant, 0, null, 1),
    });
    const common = {
      // Fail fast while Redis is down: the hub answers 503 and producers retry,
      // instead of commands piling up for minutes. In-flight commands are not
      // resent after a reconnect, since an append may already have run.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      autoResendUnfulfilledCommands: false,
      commandTimeout: options.commandTimeoutMs ?? 5000,
      retryStrategy: (attempt: number) => Math.min(50 * 2 ** Math.min(attempt, 6), 2000),
      lazyConnect: false,
    };
    this.command = openRedisConnection(this.target, 'command', common);
    this.runner = new RedisCommandRunner(this.command, this.metrics, () => this.closed);
    this.replicaAck = options.minReplicas
      ? new ReplicaAck(this.command, options.minReplicas, this.runner)
      : null;
    // (Re)subscribing is done by hand on every 'ready', so a backfill runs only once the
    // subscription is in place, and feeds created before the first connect get subscribed too.
    // A cluster's sharded subscribers resubscribe by themselves when slots move.
    this.subscriber = openRedisConnection(this.target, 'subscriber', {
      ...common,
      autoResubscribe: this.target.kind === 'cluster',
    });
    this.health.track(this.command, 'command', () =>
      this.guard.onServer(connectedAddress(this.command)),
    );
    this.subscriptions = new RedisSubscriptions({
      subscriber: this.subscriber,
      health: this.health,
      source: this,
      channelOf: (tenant) => this.keys(tenant).channel,
      logger: this.logger,
      metrics: this.metrics,
      feedRetryDelayMs: options.feedRetryDelayMs,
      sharded: this.target.kind === 'cluster',
    });
    this.health.track(
      this.subscriber,
      'subscriber',
      () => void this.subscriptions.resubscribeAll(),
    );
  }

  /**
   * Creates a backplane and waits until both connections are ready.
   * @throws BackplaneUnavailableError when Redis does not answer within `timeoutMs` (default 10 s).
   */
  static async connect(
    options: RedisBackplaneOptions,
    timeoutMs = 10_000,
  ): Promise<RedisBackplane> {
    const backplane = new RedisBackplane(options);
    try {
      await backplane.whenReady(timeoutMs);
    } catch (error) {
      await backplane.close();
      throw error;
    }
    return backplane;
  }

  /** Resolves when the backplane is 'ready'. @throws BackplaneUnavailableError after `timeoutMs`. */
  whenReady(timeoutMs: number): Promise<void> {
    if (this.health.status() === 'ready') return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        off();
        reject(
          new BackplaneUnavailableError(
            `Redis (${describeRedisTarget(this.target)}) was not reachable within ${timeoutMs} ms; check REDIS_URL, REDIS_SENTINELS or REDIS_CLUSTER_NODES`,
          ),
        );
      }, timeoutMs);
      const off = this.health.onStatus((status) => {
        if (status !== 'ready') return;
        clearTimeout(timer);
        off();
        resolve();
      });
    });
  }

  async append(tenant: string, events: OpsEvent[], acceptedAt: number): Promise<AppendResult> {
    assertTenantId(tenant);
    assertAppendable(events, acceptedAt);
    const keys = this.keys(tenant);
    const known = this.guard.known(tenant);
    const args: string[] = [
      String(acceptedAt),
      String(this.retention.maxEvents),
      String(this.retention.maxAgeMs),
      this.makeEpoch(),
      keys.channel,
      known.epoch,
      String(known.seq),
    ];
    for (const event of events) args.push(event.id, JSON.stringify(event));
    const reply = (await this.runner.run('append', APPEND, logKeys(keys), args)) as [
      string,
      number,
      number,
      number,
      ...number[],
    ];
    const [epoch, duplicates, lastSeq, rewound, ...indexes] = reply;
    this.guard.afterScript(tenant, epoch, lastSeq, rewound, known);
    // Also for an all-duplicate retry: WAIT covers every earlier write of this connection,
    // so a retry after a 503 is acknowledged only once the first attempt reached the replicas.
    await this.replicaAck?.confirm();
    const firstSeq = lastSeq - indexes.length + 1;
    const appended: SequencedEvent[] = indexes.map((index, k) => ({
      seq: firstSeq + k,
      ts: acceptedAt,
      event: events[index - 1] as OpsEvent,
    }));
    return { epoch, appended, duplicates };
  }

  async head(tenant: string): Promise<LogHead> {
    assertTenantId(tenant);
    const range = await this.readRange(tenant, 0, null, 1);
    return { seq: range.headSeq, epoch: range.epoch };
  }

  async readAfter(
    tenant: string,
    afterSeq: number,
    options: { epoch?: string; limit?: number } = {},
  ): Promise<RangeResult> {
    assertTenantId(tenant);
    assertSeq(afterSeq, 'afterSeq');
    const limit = normalizeLimit(options.limit);
    const range = await this.readRange(
      tenant,
      afterSeq,
      options.epoch ?? null,
      Number.isFinite(limit) ? limit : 0,
    );
    return range.complete
      ? { complete: true, epoch: range.epoch, events: range.events }
      : { complete: false, epoch: range.epoch };
  }

  /**
   * Like {@link Backplane.subscribe}. With `options.epoch`, a listener whose epoch is not the
   * tenant's current one gets `onReset` instead of events it cannot trust.
   */
  async subscribe(
    tenant: string,
    fromSeq: number,
    listener: TenantListener,
    options: { epoch?: string } = {},
  ): Promise<() => Promise<void>> {
    assertTenantId(tenant);
    assertSeq(fromSeq, 'fromSeq');
    if (this.closed) throw new Error('RedisBackplane is closed; create a new one');
    return this.subscriptions.add(tenant, fromSeq, listener, options.epoch);
  }

  async saveCheckpoint(tenant: string, checkpoint: Checkpoint): Promise<void> {
    assertTenantId(tenant);
    assertCheckpoint(checkpoint);
    if (/\s/.test(checkpoint.epoch))
      throw new TypeError('checkpoint.epoch must not contain whitespace');
    const keys = this.keys(tenant);
    const payload = `${checkpoint.seq} ${checkpoint.epoch} ${checkpoint.savedAt} ${checkpoint.state}`;
    await this.runner.run(
      'saveCheckpoint',
      SAVE_CHECKPOINT,
      [keys.ckpt, keys.epoch],
      [String(checkpoint.seq), checkpoint.epoch, payload],
    );
  }

  async loadCheckpoint(tenant: string): Promise<Checkpoint | null> {
    assertTenantId(tenant);
    const stored = await this.runner.call('loadCheckpoint', () =>
      this.command.get(this.keys(tenant).ckpt),
    );
    if (stored === null) return null;
    const match = /^(\d+) (\S+) (\S+) /.exec(stored);
    if (!match) {
      this.logger.error({ tenant }, 'stored checkpoint is malformed; ignoring it');
      return null;
    }
    const [header, seq, epoch, savedAt] = match as unknown as [string, string, string, string];
    return {
      seq: Number(seq),
      epoch,
      savedAt: Number(savedAt),
      state: stored.slice(header.length),
    };
  }

  status(): BackplaneStatus {
    return this.health.status();
  }

  onStatus(listener: (status: BackplaneStatus, detail: string) => void): () => void {
    return this.health.onStatus(listener);
  }

  /** Ends every feed and closes both connections. Idempotent. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.health.stop();
    this.subscriptions.close();
    await Promise.all([quitConnection(this.command), quitConnection(this.subscriber)]);
  }

  /**
   * @internal Used by the live feed: a range read that also reports the head.
   * With `trusted`, `afterSeq` of `epoch` is a position this hub was delivered from Redis, so
   * a head behind it is lost history (a client's claimed position is never trusted).
   */
  async readRange(
    tenant: string,
    afterSeq: number,
    epoch: string | null,
    limit: number,
    trusted = false,
  ) {
    if (trusted && epoch !== null) this.guard.note(tenant, epoch, afterSeq);
    const known = this.guard.known(tenant);
    const reply = (await this.runner.run('readAfter', READ_AFTER, logKeys(this.keys(tenant)), [
      this.makeEpoch(),
      String(afterSeq),
      epoch ?? '',
      String(limit),
      known.epoch,
      String(known.seq),
      String(this.provisionalHeadTtlMs),
    ])) as [string, number, number, number, ...Array<number | string>];
    const [currentEpoch, headSeq, complete, rewound, ...flat] = reply;
    this.guard.afterScript(tenant, currentEpoch, Number(headSeq), Number(rewound), known);
    const events: SequencedEvent[] = [];
    for (let i = 0; i < flat.length; i += 3) {
      events.push({
        seq: Number(flat[i]),
        ts: Number(flat[i + 1]),
        event: JSON.parse(String(flat[i + 2])) as OpsEvent,
      });
    }
    return { complete: complete === 1, epoch: currentEpoch, headSeq: Number(headSeq), events };
  }

  /** @internal The feed reports every head it delivered, so appends can detect a rewind too. */
  noteHead(tenant: string, epoch: string, seq: number): void {
    this.guard.note(tenant, epoch, seq);
  }

  private keys(tenant: string): TenantKeys {
    return tenantKeys(tenant, this.prefix);
  }
}

function logKeys(keys: TenantKeys): string[] {
  return [keys.seq, keys.stream, keys.epoch, keys.dedup, keys.ckpt];
}
