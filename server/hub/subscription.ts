import { typeMatches, type SequencedEvent } from '../../protocol/events';
import type { SubscriptionFilter } from '../../protocol/messages';
import { withPrev } from './event-frame';

/** Where a subscription's frames go: the owning connection. Returns false once the connection is closing. */
export interface FrameSink {
  /** A control frame (snapshot, resumed): always sent on its own. */
  send(frame: string): boolean;
  /** An `event` frame (UTF-8 JSON, shared between members; never modified): may travel in an `events` batch. */
  sendEvent(frame: Buffer): boolean;
  /** Whether the owning connection's current token still grants this tenant (checked on every join). */
  mayRead(tenant: string): boolean;
}

type Mode = 'pending' | 'replaying' | 'live' | 'closed';

/**
 * One connection's subscription to one tenant. Tracks what the client has seen so
 * the boundary between replay and live has no duplicate and no gap:
 * - `cursor`: the highest seq accounted for (sent, or skipped by the filter);
 * - `prevSent`: the seq of the last frame sent (snapshot, resumed or event), the `prev` of filtered events.
 * While replaying, live events are buffered and flushed after the replay.
 */
export class Subscription {
  private mode: Mode = 'pending';
  private cursor = 0;
  private prevSent = 0;
  private buffer: Array<{ record: SequencedEvent; frame: Buffer }> = [];
  private generation = 0;
  private readonly locations: Set<string> | null;
  private readonly types: string[] | null;

  constructor(
    readonly tenant: string,
    private readonly sink: FrameSink,
    filter: SubscriptionFilter | undefined,
  ) {
    this.locations = filter?.locations ? new Set(filter.locations) : null;
    this.types = filter?.types ?? null;
  }

  get filtered(): boolean {
    return this.locations !== null || this.types !== null;
  }

  get closed(): boolean {
    return this.mode === 'closed';
  }

  /** Whether the owner may (still) hold this tenant. Tenant isolation is checked again here, by structure. */
  authorized(): boolean {
    return this.sink.mayRead(this.tenant);
  }

  /** Sends a snapshot and goes live after it. Cancels any replay in flight. */
  startFromSnapshot(frame: string, seq: number): void {
    if (this.mode === 'closed') return;
    this.generation += 1;
    this.buffer = [];
    this.cursor = seq;
    this.prevSent = seq;
    this.mode = 'live';
    this.sink.send(frame);
  }

  /** Starts a replay after `resumeFrom`; live events are buffered until finishReplay. Returns a token for finishReplay. */
  beginReplay(resumeFrom: number): number {
    this.generation += 1;
    this.mode = 'replaying';
    this.buffer = [];
    this.cursor = resumeFrom;
    this.prevSent = resumeFrom;
    return this.generation;
  }

  /**
   * Sends the missed events, then `resumed`, then the buffered live events.
   * @returns false when the replay was superseded (resync, close) and nothing was sent.
   */
  finishReplay(
    generation: number,
    missed: Array<{ record: SequencedEvent; frame: Buffer }>,
    epoch: string,
  ): boolean {
    if (generation !== this.generation || this.mode !== 'replaying') return false;
    for (const item of missed) this.deliverNow(item.record, item.frame);
    this.sink.send(
      JSON.stringify({ type: 'resumed', tenant: this.tenant, seq: this.cursor, epoch }),
    );
    this.prevSent = this.cursor;
    const buffered = this.buffer;
    this.buffer = [];
    this.mode = 'live';
    for (const item of buffered) this.deliverNow(item.record, item.frame);
    return true;
  }

  /** A live event from the channel. */
  deliver(record: SequencedEvent, frame: Buffer): void {
    if (this.mode === 'replaying') this.buffer.push({ record, frame });
    else if (this.mode === 'live') this.deliverNow(record, frame);
  }

  close(): void {
    this.mode = 'closed';
    this.buffer = [];
  }

  private deliverNow(record: SequencedEvent, frame: Buffer): void {
    if (record.seq <= this.cursor) return;
    this.cursor = record.seq;
    if (!this.matches(record)) return;
    this.sink.sendEvent(this.filtered ? withPrev(frame, this.prevSent) : frame);
    this.prevSent = record.seq;
  }

  private matches(record: SequencedEvent): boolean {
    if (this.locations && !this.locations.has(record.event.location ?? '')) return false;
    if (this.types && !typeMatches(record.event.type, this.types)) return false;
    return true;
  }
}
