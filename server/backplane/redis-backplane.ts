// About 300 lines on purpose: this is the one class that implements Backplane over Redis and wires
// its parts together. Each part with a concept of its own already lives apart (options, keys,
// scripts, connections, health, subscriptions, live feed, history guard, replica ack, checkpoint
// record); what is left is each Backplane method's argument checks and script call.
import type { Logger } from 'pino';
import type { OpsEvent, SequencedEvent } from '../../protocol/events';
import {
  type AppendResult,
  type Backplane,
  type BackplaneStatus,
  type Checkpoint,
  type DuplicateSeq,
  type LogHead,
  type RangeResult,
  type RetentionOptions,
  type TenantListener,
} from './backplane';
import { assertAppendable, assertSeq, assertTenantId, normalizeLimit } from './backplane-input';
import { assertCheckpoint } from './checkpoint-rules';
import { ConnectionHealth, type RedisBackplaneMetrics } from './redis-connection-health';
import { tenantKeys, type TenantKeys } from './redis-keys';
import { RedisSubscriptions } from './redis-subscriptions';
import { quitConnection, RedisCommandRunner, script } from './redis-command-runner';
import {
  connectedAddress,
  describeRedisTarget,
  failFastRedisOptions,
  openRedisConnection,
  type RedisConnection,
  type RedisTarget,
} from './redis-connections';
import { HistoryGuard } from './history-guard';
import { ReplicaAck } from './replica-ack';
import { APPEND_SCRIPT, READ_AFTER_SCRIPT, SAVE_CHECKPOINT_SCRIPT } from './redis-scripts';
import {
  resolveRedisBackplaneOptions,
  type RedisBackplaneOptions,
} from './redis-backplane-options';
import { decodeCheckpointRecord, encodeCheckpointRecord } from './redis-checkpoint-record';

export {
  DEFAULT_PROVISIONAL_HEAD_TTL_MS,
  type RedisBackplaneOptions,
} from './redis-backplane-options';

const APPEND = script(APPEND_SCRIPT);
const READ_AFTER = script(READ_AFTER_SCRIPT);
const SAVE_CHECKPOINT = script(SAVE_CHECKPOINT_SCRIPT);

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
  constructor(options: RedisBackplaneOptions) {
    const resolved = resolveRedisBackplaneOptions(options);
    this.target = resolved.target;
    this.retention = resolved.retention;
    this.logger = resolved.logger;
    this.metrics = resolved.metrics;
    this.prefix = resolved.keyPrefix;
    this.makeEpoch = resolved.newEpoch;
    this.provisionalHeadTtlMs = resolved.provisionalHeadTtlMs;
    this.health = new ConnectionHealth(this.logger, this.metrics);
    this.guard = new HistoryGuard({
      logger: this.logger,
      metrics: this.metrics,
      catchUp: (tenant, reason) => this.subscriptions.catchUp(tenant, reason),
      check: (tenant) => this.readRange(tenant, 0, null, 1),
    });
    const common = failFastRedisOptions(resolved.commandTimeoutMs);
    this.command = openRedisConnection(this.target, 'command', common);
    this.runner = new RedisCommandRunner(this.command, this.metrics, () => this.closed);
    this.replicaAck = resolved.minReplicas
      ? new ReplicaAck(this.command, resolved.minReplicas, this.runner)
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
      feedRetryDelayMs: resolved.feedRetryDelayMs,
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
    return this.health.whenReady(timeoutMs, () => describeRedisTarget(this.target));
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
    const [epoch, duplicates, lastSeq, rewound, ...rest] = reply;
    const indexes = rest.slice(0, rest.length - 2 * duplicates);
    const duplicateSeqs: DuplicateSeq[] = [];
    for (let k = indexes.length; k < rest.length; k += 2)
      duplicateSeqs.push({
        id: (events[(rest[k] as number) - 1] as OpsEvent).id,
        seq: rest[k + 1] as number,
      });
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
    return { epoch, appended, duplicates, duplicateSeqs };
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
    const keys = this.keys(tenant);
    const payload = encodeCheckpointRecord(checkpoint);
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
    const checkpoint = decodeCheckpointRecord(stored);
    if (!checkpoint) this.logger.error({ tenant }, 'stored checkpoint is malformed; ignoring it');
    return checkpoint;
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
