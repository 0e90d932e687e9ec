import type { Logger } from 'pino';
import type { SequencedEvent } from '../../protocol/events';
import type { LogHead, TenantListener } from './backplane';

/** What the feed needs from the backplane: a read that also reports the head. @internal */
export interface FeedSource {
  /**
   * `trusted`: `afterSeq` of `epoch` was delivered from Redis, so a head behind it means
   * history went backwards and the read starts a new epoch (reported as a changed epoch).
   * @throws BackplaneUnavailableError while Redis is unreachable.
   */
  readRange(
    tenant: string,
    afterSeq: number,
    epoch: string | null,
    limit: number,
    trusted?: boolean,
  ): Promise<{ complete: boolean; epoch: string; headSeq: number; events: SequencedEvent[] }>;
  /** Called with the head after every delivery, so appends can tell when Redis fell behind it. */
  noteHead(tenant: string, epoch: string, seq: number): void;
}

export interface FeedOptions {
  tenant: string;
  source: FeedSource;
  logger: Logger;
  onFeedError: (error: unknown) => void;
  /** Backfill page size (default 1000). */
  pageSize?: number;
  /** Delay before retrying a failed backfill, ms; doubles up to 2 s (default 100). */
  retryDelayMs?: number;
}

interface ListenerState {
  listener: TenantListener;
  cursor: number;
}

/** A parsed pub/sub announcement from the append script. */
interface Announcement {
  epoch: string;
  events: SequencedEvent[];
}

/**
 * One tenant's live feed on this instance: one Redis subscription shared by all
 * local listeners. Every step (announcement, backfill, new listener) runs in one
 * serial queue, so deliveries stay in strict seq order while a backfill runs.
 * It tracks the last delivered seq; on a gap or a reconnect it backfills from
 * the stream before delivering anything newer, and when that is impossible it
 * calls `onReset` instead of skipping.
 * @internal
 */
export class TenantFeed {
  private last: number;
  private epoch: string | null;
  private readonly listeners = new Set<ListenerState>();
  private chain: Promise<void> = Promise.resolve();
  private closed = false;
  private readonly pageSize: number;
  private readonly retryDelayMs: number;

  constructor(
    private readonly options: FeedOptions,
    fromSeq: number,
    epoch: string | null,
  ) {
    this.last = fromSeq;
    this.epoch = epoch;
    this.pageSize = options.pageSize ?? 1000;
    this.retryDelayMs = options.retryDelayMs ?? 100;
  }

  get size(): number {
    return this.listeners.size;
  }

  /** Adds a listener that has seen everything up to `fromSeq` (of `epoch`, when given). */
  addListener(listener: TenantListener, fromSeq: number, epoch: string | undefined): ListenerState {
    const state: ListenerState = { listener, cursor: fromSeq };
    this.enqueue(async () => {
      this.listeners.add(state);
      // Nothing was delivered yet, so the first backfill can simply start low enough for everyone.
      if (this.epoch === null) {
        this.last = Math.min(this.last, fromSeq);
        return;
      }
      if (fromSeq >= this.last) return;
      if (epoch !== undefined && epoch !== this.epoch) {
        this.resetOne(state, 'the epoch changed');
        return;
      }
      // This listener is behind the feed: bring it up to `last` alone.
      while (state.cursor < this.last) {
        const page = await this.retrying(() =>
          this.options.source.readRange(
            this.options.tenant,
            state.cursor,
            this.epoch,
            this.pageSize,
          ),
        );
        if (this.closed || !this.listeners.has(state)) return;
        const upTo = page.events.filter((e) => e.seq <= this.last);
        if (!page.complete || page.epoch !== this.epoch || upTo.length === 0) {
          this.resetOne(state, `seq ${state.cursor + 1} is no longer retained`);
          return;
        }
        this.deliverTo(state, upTo);
      }
    });
    return state;
  }

  removeListener(state: ListenerState): void {
    this.listeners.delete(state);
  }

  /** Handles an announcement from pub/sub; malformed ones are logged and trigger a backfill. */
  onMessage(raw: string): void {
    let announcement: Announcement;
    try {
      announcement = parseAnnouncement(raw);
    } catch (error) {
      this.options.logger.error(
        { err: error, tenant: this.options.tenant },
        'malformed event announcement; backfilling from the stream instead',
      );
      this.catchUp('malformed announcement');
      return;
    }
    this.enqueue(async () => {
      const first = announcement.events[0]?.seq ?? 0;
      // A seq at or below the delivered one, in the same epoch, is a seq given a second
      // time: Redis went backwards. The backfill's trusted read starts a new epoch for it.
      const reused = announcement.epoch === this.epoch && first <= this.last;
      if (announcement.epoch !== this.epoch || first > this.last + 1 || reused)
        await this.backfill();
      if (announcement.epoch !== this.epoch) return;
      this.deliver(announcement.events.filter((e) => e.seq > this.last));
    });
  }

  /** Backfills from the stream up to its head: after (re)subscribing, or when a gap is suspected. */
  catchUp(reason: string): void {
    this.options.logger.debug(
      { tenant: this.options.tenant, reason, last: this.last },
      'feed catch-up',
    );
    this.enqueue(() => this.backfill());
  }

  /** Stops all delivery; queued steps finish without calling listeners. */
  close(): void {
    this.closed = true;
    this.listeners.clear();
  }

  /** Resolves once every queued step ran (for tests and orderly shutdown). */
  idle(): Promise<void> {
    return this.chain;
  }

  private enqueue(step: () => Promise<void>): void {
    this.chain = this.chain.then(async () => {
      if (this.closed) return;
      try {
        await step();
      } catch (error) {
        this.options.onFeedError(error);
        this.options.logger.error(
          { err: error, tenant: this.options.tenant },
          'feed step failed; backfilling again',
        );
        if (!this.closed) this.enqueue(() => this.backfill());
      }
    });
  }

  private async backfill(): Promise<void> {
    for (;;) {
      const page = await this.retrying(async () => {
        const read = await this.options.source.readRange(
          this.options.tenant,
          this.last,
          this.epoch,
          this.pageSize,
          true,
        );
        // The read was trusted, so the script starts a new epoch when the head is behind
        // `last`: a lower head under the same epoch must never pass as trimmed history.
        if (!read.complete && read.epoch === this.epoch && read.headSeq < this.last)
          throw new Error(
            `Redis head ${read.headSeq} is behind delivered seq ${this.last} but the epoch did not change`,
          );
        return read;
      });
      if (this.closed) return;
      if (!page.complete) {
        if (this.epoch !== null && page.epoch !== this.epoch) {
          // History was lost and a new epoch began: reset to its start and keep
          // backfilling, so listeners get every event the new epoch still retains.
          this.epoch = page.epoch;
          this.last = 0;
          for (const state of this.listeners)
            this.resetOne(state, 'the epoch changed (history was lost)');
          continue;
        }
        const reason = `seq ${this.last + 1} is no longer retained`;
        this.epoch = page.epoch;
        this.last = page.headSeq;
        for (const state of this.listeners) this.resetOne(state, reason);
        return;
      }
      this.epoch = page.epoch;
      this.deliver(page.events);
      if (page.events.length < this.pageSize) return;
    }
  }

  private async retrying<T>(read: () => Promise<T>): Promise<T> {
    let delay = this.retryDelayMs;
    for (;;) {
      try {
        return await read();
      } catch (error) {
        if (this.closed) throw error;
        this.options.onFeedError(error);
        this.options.logger.warn(
          { err: error, tenant: this.options.tenant, retryInMs: delay },
          'backfill read failed; retrying',
        );
        await new Promise((resolve) => setTimeout(resolve, delay));
        delay = Math.min(delay * 2, 2000);
      }
    }
  }

  private deliver(events: SequencedEvent[]): void {
    if (events.length === 0) return;
    this.last = (events[events.length - 1] as SequencedEvent).seq;
    if (this.epoch !== null)
      this.options.source.noteHead(this.options.tenant, this.epoch, this.last);
    for (const state of this.listeners)
      this.deliverTo(
        state,
        events.filter((e) => e.seq > state.cursor),
      );
  }

  private deliverTo(state: ListenerState, events: SequencedEvent[]): void {
    if (events.length === 0 || this.epoch === null) return;
    state.cursor = (events[events.length - 1] as SequencedEvent).seq;
    const epoch = this.epoch;
    this.safely(() => state.listener.onEvents(events, epoch));
  }

  private resetOne(state: ListenerState, reason: string): void {
    if (this.epoch === null) return;
    state.cursor = this.last;
    const head: LogHead = { seq: this.last, epoch: this.epoch };
    this.safely(() => state.listener.onReset(head, reason));
  }

  private safely(call: () => void): void {
    try {
      call();
    } catch (error) {
      this.options.logger.error(
        { err: error, tenant: this.options.tenant },
        'backplane listener threw; delivery continues',
      );
    }
  }
}

function parseAnnouncement(raw: string): Announcement {
  const value = JSON.parse(raw) as Partial<Announcement>;
  if (typeof value.epoch !== 'string' || !Array.isArray(value.events))
    throw new Error('announcement needs epoch and events');
  for (const e of value.events) {
    if (!Number.isSafeInteger(e?.seq) || typeof e?.ts !== 'number' || typeof e?.event !== 'object')
      throw new Error('announcement event needs seq, ts, event');
  }
  return value as Announcement;
}
