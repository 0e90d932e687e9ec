// About 300 lines on purpose: one tenant's lifecycle on this hub (load, apply, fan out, checkpoint,
// reset on a new epoch) shares the board, seq and epoch fields; split, each part would reach into the others.
import type { Logger } from 'pino';
import { reduce } from '../../protocol/board/board-reducer';
import { inBatch } from '../../protocol/board/board-collections';
import {
  boardStartingOver,
  createBoardState,
  isBoardState,
  type BoardOptions,
  type BoardState,
} from '../../protocol/board/board-state';
import type { SequencedEvent } from '../../protocol/events';
import { withDirectory, type TenantDirectoryEntry } from '../../protocol/tenant-directory';
import type { Backplane, LogHead } from '../backplane/backplane';
import type { HubMetrics } from '../metrics/hub-metrics';
import { eventFrame, snapshotFrame } from './event-frame';
import { RecentActions, readAfterWithLookback } from './recent-actions';
import type { Subscription } from './subscription';

export interface ChannelDeps {
  backplane: Backplane;
  logger: Logger;
  metrics: HubMetrics;
  now: () => number;
  checkpointIntervalMs: number;
  /** Time zone and currency of a fresh board for this tenant. */
  profile: BoardOptions;
}

export type JoinResult = 'snapshot' | 'resume';

/**
 * One tenant on this hub instance: the reduced board, its seq and epoch, the
 * subscriptions holding it and the one backplane subscription feeding it. Every
 * event is applied to the board, serialized once, then fanned out to the
 * members. Members of other tenants are never reachable from here.
 */
export class TenantChannel {
  private state: BoardState;
  private seq: number;
  private epoch: string;
  private readonly members = new Set<Subscription>();
  private cachedSnapshot: string | null = null;
  private dirty = false;
  private checkpointing = false;
  private closed = false;
  private unsubscribe: (() => Promise<void>) | null = null;
  private directory: TenantDirectoryEntry | null = null;
  private readonly actions = new RecentActions();
  private readonly timer: NodeJS.Timeout;

  private constructor(
    readonly tenant: string,
    private readonly deps: ChannelDeps,
    start: { state: BoardState; head: LogHead; replayed: SequencedEvent[] },
  ) {
    for (const record of start.replayed) this.actions.fold(record);
    this.state = start.state;
    this.seq = start.head.seq;
    this.epoch = start.head.epoch;
    this.timer = setInterval(() => void this.checkpoint(), deps.checkpointIntervalMs);
    this.timer.unref();
  }

  /**
   * Loads the tenant from the backplane checkpoint plus the events after it, then
   * subscribes to its live log.
   * @throws BackplaneUnavailableError when the backplane cannot be reached.
   */
  static async open(tenant: string, deps: ChannelDeps): Promise<TenantChannel> {
    const start = await loadStart(tenant, deps);
    if (start.head.seq > 0) deps.metrics.tenantLabels.admit(tenant);
    const channel = new TenantChannel(tenant, deps, start);
    try {
      channel.unsubscribe = await deps.backplane.subscribe(
        tenant,
        channel.seq,
        {
          onEvents: (events, epoch) => channel.apply(events, epoch),
          onReset: (head, reason) => channel.reset(head, reason),
        },
        { epoch: channel.epoch },
      );
    } catch (error) {
      clearInterval(channel.timer);
      throw error;
    }
    return channel;
  }

  get size(): number {
    return this.members.size;
  }

  get head(): LogHead {
    return { seq: this.seq, epoch: this.epoch };
  }

  /** The board as folded so far (read-only: operator actions check their target against it). */
  get board(): BoardState {
    return this.state;
  }

  /** The seq of a recent action event with this id in the board (or just before its checkpoint), or undefined. */
  actionSeq(eventId: string): number | undefined {
    return this.actions.seqOf(eventId);
  }

  /**
   * Adds a subscription: resumes it when `resumeFrom` and `epoch` are still covered by
   * the retained log, otherwise sends a snapshot.
   * @throws Error when the subscription's owner does not hold this tenant (a hub bug, never a client error).
   */
  async join(
    sub: Subscription,
    resumeFrom: number | undefined,
    epoch: string | undefined,
  ): Promise<JoinResult> {
    if (sub.tenant !== this.tenant || !sub.authorized())
      throw new Error(`refusing to join ${sub.tenant} to channel ${this.tenant}: not authorized`);
    if (this.closed || sub.closed) return 'snapshot';
    this.members.add(sub);
    if (resumeFrom !== undefined && epoch === this.epoch) {
      const generation = sub.beginReplay(resumeFrom);
      if (resumeFrom === this.seq) {
        sub.finishReplay(generation, [], this.epoch);
        return 'resume';
      }
      if (await this.replay(sub, generation, resumeFrom, epoch)) return 'resume';
    }
    sub.startFromSnapshot(this.snapshot(), this.seq);
    return 'snapshot';
  }

  leave(sub: Subscription): void {
    this.members.delete(sub);
  }

  /** The tenant's directory entry (or none): the board carries it, and every member gets a fresh snapshot. */
  useDirectory(entry: TenantDirectoryEntry | null): void {
    if (this.closed) return;
    this.directory = entry;
    this.state = withDirectory(this.state, entry);
    this.cachedSnapshot = null;
    this.dirty = true;
    const frame = this.snapshot();
    for (const sub of this.members) sub.startFromSnapshot(frame, this.seq);
  }

  /** Writes a final checkpoint and ends the backplane subscription. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.timer);
    for (const sub of this.members) sub.close();
    this.members.clear();
    // A periodic checkpoint in flight would make this final one a no-op: wait for it first,
    // so the final checkpoint covers every event folded (a closed channel must not lose any).
    await this.inFlight;
    await this.checkpoint();
    await this.unsubscribe?.();
  }

  private async replay(
    sub: Subscription,
    generation: number,
    resumeFrom: number,
    epoch: string,
  ): Promise<boolean> {
    try {
      const range = await this.deps.backplane.readAfter(this.tenant, resumeFrom, { epoch });
      if (!range.complete || range.epoch !== this.epoch) return false;
      const missed = range.events.map((record) => ({
        record,
        frame: eventFrame(this.tenant, record),
      }));
      return sub.finishReplay(generation, missed, this.epoch);
    } catch (error) {
      // A snapshot is always a correct answer, so a failed read degrades to one.
      this.deps.metrics.backplaneErrors.inc({ operation: 'readAfter' });
      this.deps.logger.warn(
        { err: error, tenant: this.tenant },
        'replay read failed; sending a snapshot instead',
      );
      return false;
    }
  }

  private snapshot(): string {
    this.cachedSnapshot ??= snapshotFrame(this.tenant, this.seq, this.epoch, this.state);
    return this.cachedSnapshot;
  }

  private apply(events: SequencedEvent[], epoch: string): void {
    if (this.closed) return;
    const first = events[0];
    if (!first) return;
    if (epoch !== this.epoch)
      this.reset({ seq: first.seq - 1, epoch }, 'events arrived with a new epoch');
    this.deps.metrics.tenantLabels.admit(this.tenant);
    const now = this.deps.now();
    // One batch: the board's large maps are copied once for all these events, not per event.
    inBatch(() => {
      for (const record of events) {
        if (record.seq <= this.seq) {
          // The feed never repeats a seq within an epoch; one that comes again names
          // another event (Redis went backwards), so say so instead of skipping quietly.
          this.deps.logger.error(
            { tenant: this.tenant, seq: record.seq, head: this.seq, epoch },
            'backplane delivered a seq this board already holds; ignoring it',
          );
          continue;
        }
        if (record.seq !== this.seq + 1) {
          this.deps.logger.error(
            { tenant: this.tenant, expected: this.seq + 1, got: record.seq },
            'backplane delivered a seq gap; resyncing subscribers',
          );
          this.reset({ seq: record.seq - 1, epoch }, 'seq gap');
        }
        this.state = reduce(this.state, record);
        this.actions.fold(record);
        this.seq = record.seq;
        this.dirty = true;
        this.cachedSnapshot = null;
        const frame = eventFrame(this.tenant, record);
        this.deps.metrics.deliverLag.observe(Math.max(0, now - record.ts) / 1000);
        for (const sub of this.members) sub.deliver(record, frame);
      }
    });
  }

  /** History is not continuous any more: start the board over at `head` and send every member a fresh snapshot. */
  private reset(head: LogHead, reason: string): void {
    if (this.closed) return;
    this.deps.logger.warn(
      { tenant: this.tenant, seq: head.seq, epochChanged: head.epoch !== this.epoch, reason },
      'tenant log reset; resyncing subscribers',
    );
    // A board of another epoch, or one past the new head, counts events that are gone.
    if (head.epoch !== this.epoch || head.seq < this.seq) this.actions.clear();
    this.state =
      head.epoch !== this.epoch || head.seq < this.seq
        ? withDirectory(
            boardStartingOver(this.deps.profile, head.seq, this.deps.now()),
            this.directory,
          )
        : { ...this.state, seq: head.seq };
    this.seq = head.seq;
    this.epoch = head.epoch;
    this.cachedSnapshot = null;
    this.dirty = true;
    const frame = this.snapshot();
    for (const sub of this.members) sub.startFromSnapshot(frame, this.seq);
    this.deps.metrics.subscriptions.inc({ kind: 'resync' }, this.members.size);
  }

  private inFlight: Promise<void> | null = null;

  private checkpoint(): Promise<void> {
    if (!this.dirty || this.checkpointing) return this.inFlight ?? Promise.resolve();
    this.inFlight = this.writeCheckpoint().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  private async writeCheckpoint(): Promise<void> {
    this.checkpointing = true;
    this.dirty = false;
    const checkpoint = {
      seq: this.seq,
      epoch: this.epoch,
      state: JSON.stringify(this.state),
      savedAt: this.deps.now(),
    };
    try {
      await this.deps.backplane.saveCheckpoint(this.tenant, checkpoint);
      this.deps.metrics.checkpoints.inc({ result: 'ok' });
    } catch (error) {
      this.dirty = true;
      this.deps.metrics.checkpoints.inc({ result: 'error' });
      this.deps.logger.warn({ err: error, tenant: this.tenant }, 'checkpoint failed; will retry');
    } finally {
      this.checkpointing = false;
    }
  }
}

async function loadStart(
  tenant: string,
  deps: ChannelDeps,
): Promise<{ state: BoardState; head: LogHead; replayed: SequencedEvent[] }> {
  const [checkpoint, head] = await Promise.all([
    deps.backplane.loadCheckpoint(tenant),
    deps.backplane.head(tenant),
  ]);
  let state = createBoardState(deps.profile);
  let seq = 0;
  if (checkpoint && checkpoint.epoch === head.epoch && checkpoint.seq <= head.seq) {
    const parsed = parseState(checkpoint.state);
    if (parsed) {
      state = parsed;
      seq = checkpoint.seq;
    } else {
      deps.logger.warn(
        { tenant, checkpointSeq: checkpoint.seq },
        'checkpoint is not a valid board state; rebuilding from retained events',
      );
    }
  }
  const { range, earlier } = await readAfterWithLookback(deps.backplane, tenant, seq, head.epoch);
  if (range.complete) {
    for (const record of range.events) state = reduce(state, record);
    return {
      state,
      head: { seq: range.events.at(-1)?.seq ?? seq, epoch: head.epoch },
      replayed: [...earlier, ...range.events],
    };
  }
  // The events between the checkpoint and the oldest retained one are gone: the board
  // starts over at the head, so its seqs stay exact even though older aggregates are lost.
  deps.logger.warn(
    { tenant, checkpointSeq: seq, headSeq: head.seq },
    'no continuous history from the checkpoint; starting the board at the head',
  );
  return { state: boardStartingOver(deps.profile, head.seq, deps.now()), head, replayed: [] };
}

/** The checkpointed board, or null when it is not valid JSON or not a board (the caller logs it). */
function parseState(text: string): BoardState | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    return null;
  }
  return isBoardState(value) ? value : null;
}
