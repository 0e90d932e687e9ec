import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';
import type { HubMetrics } from '../metrics/hub-metrics';
import { BatchEncoder, batchEnd } from './frame-batch';

/** Every hub frame is JSON text; a Buffer would otherwise go out as a binary frame. */
const TEXT_FRAME = { binary: false } as const;

/** What one flush pass wrote, counted into the metrics once per pass. */
export interface FlushTally {
  frames: number;
  bytes: number;
}

/**
 * One connection's frames queued since its last write, in order. Written in one
 * corked burst (one `writev` for the lot instead of one per frame); on a
 * connection that negotiated `ops.v1.batch`, each run of consecutive `event`
 * frames goes out as bounded `events` frames (a run of one stays a plain `event`).
 * @internal
 */
export class OutboundQueue {
  private frames: Buffer[] = [];
  private events: boolean[] = [];
  private bytes = 0;
  /** When frames were last handed to the socket, epoch ms; the app heartbeat reads it. */
  private lastWriteAt: number;

  constructor(
    private readonly ws: WebSocket,
    /** The upgraded TCP/TLS socket under `ws`, corked around a burst; null when unknown. */
    private readonly socket: Duplex | null,
    readonly batched: boolean,
    private readonly now: () => number = Date.now,
  ) {
    this.lastWriteAt = now();
  }

  /** When this queue last handed frames to the socket (or was created), epoch ms. */
  get lastWrittenAt(): number {
    return this.lastWriteAt;
  }

  get empty(): boolean {
    return this.frames.length === 0;
  }

  /** Bytes queued here and not yet handed to the socket. */
  get queuedBytes(): number {
    return this.bytes;
  }

  /**
   * True while the kernel did not take what was written, the socket holds more than
   * its high-water mark and will emit 'drain': frames keep accumulating here and
   * leave as fewer, larger frames then. (`writableNeedDrain` alone stays set until
   * 'drain' is emitted on a later tick, even when everything was written at once.)
   */
  get held(): boolean {
    const socket = this.socket;
    return socket !== null && socket.writableNeedDrain && socket.writableLength > 0;
  }

  /** Calls `then` once when the socket drains (never when it has no 'drain' to wait for). */
  onDrain(then: () => void): void {
    this.socket?.once('drain', then);
  }

  push(frame: Buffer, event: boolean): void {
    this.frames.push(frame);
    this.events.push(event);
    this.bytes += frame.length;
  }

  clear(): void {
    this.frames = [];
    this.events = [];
    this.bytes = 0;
  }

  /** Hands everything queued to the socket, in order, in one corked burst. */
  write(encoder: BatchEncoder, tally: FlushTally): void {
    const { frames, events } = this;
    this.clear();
    // Once per pass, not per frame: the heartbeat needs "recently", not the exact frame.
    if (frames.length > 0) this.lastWriteAt = this.now();
    this.socket?.cork();
    try {
      let i = 0;
      while (i < frames.length) {
        if (!this.batched || !events[i]) {
          this.sendOne(frames[i] as Buffer, tally);
          i += 1;
          continue;
        }
        let runEnd = i + 1;
        while (runEnd < frames.length && events[runEnd]) runEnd += 1;
        while (i < runEnd) {
          const end = batchEnd(frames, i, runEnd);
          this.sendOne(
            end - i === 1 ? (frames[i] as Buffer) : encoder.encode(frames, i, end),
            tally,
          );
          i = end;
        }
      }
    } finally {
      this.socket?.uncork();
    }
  }

  private sendOne(frame: Buffer, tally: FlushTally): void {
    this.ws.send(frame, TEXT_FRAME);
    tally.frames += 1;
    tally.bytes += frame.length;
  }
}

/** Something with queued frames to write in the next flush pass. @internal */
export interface Flushable {
  flushQueued(encoder: BatchEncoder, tally: FlushTally): void;
}

/**
 * Writes every connection that queued frames, once per event-loop turn: the first
 * frame queued in a turn arms one `setImmediate`, which runs right after the I/O
 * that produced the frames, so a lone event leaves in the same turn (no latency
 * floor) while everything else queued in that turn joins the same write.
 * Metrics are counted once per pass, not per frame.
 * @internal
 */
export class FlushScheduler {
  private pending: Flushable[] = [];
  private armed = false;

  constructor(private readonly metrics: HubMetrics) {}

  schedule(target: Flushable): void {
    this.pending.push(target);
    if (this.armed) return;
    this.armed = true;
    setImmediate(this.flushAll);
  }

  /** Writes one target now (before a close), outside the pass. */
  flushOne(target: Flushable): void {
    const tally = { frames: 0, bytes: 0 };
    target.flushQueued(new BatchEncoder(), tally);
    this.count(tally);
  }

  private readonly flushAll = (): void => {
    this.armed = false;
    const targets = this.pending;
    this.pending = [];
    const encoder = new BatchEncoder();
    const tally = { frames: 0, bytes: 0 };
    for (const target of targets) target.flushQueued(encoder, tally);
    this.count(tally);
  };

  private count(tally: FlushTally): void {
    if (tally.frames === 0) return;
    this.metrics.framesDelivered.inc(tally.frames);
    this.metrics.bytesDelivered.inc(tally.bytes);
  }
}
