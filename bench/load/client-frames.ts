/**
 * What a load-generator client does with each hub → client text frame: it keeps one
 * SeqChecker per tenant, records the producer → client latency of stamped events, and
 * counts batch frames. An `events` frame (the `ops.v1.batch` subprotocol) is handled as its
 * elements arriving one by one, in order, so the checks are the same with and without batching.
 */
import { latencyNow, type LatencySink } from './latency-sink';
import { SeqChecker } from './seq-checker';
import { stampOf } from './bench-event';

export interface FrameCounts {
  /** WebSocket messages received. */
  frames: number;
  /** Of which `events` batches. */
  batchFrames: number;
  /** Events that arrived inside batches. */
  batchedEvents: number;
  snapshots: number;
  resumes: number;
  errors: number;
}

export function emptyFrameCounts(): FrameCounts {
  return { frames: 0, batchFrames: 0, batchedEvents: 0, snapshots: 0, resumes: 0, errors: 0 };
}

interface EventFrame {
  type: 'event';
  tenant: string;
  seq: number;
  event: unknown;
}

/** What the frame meant to the connection's state machine. */
export type FrameOutcome = 'snapshot' | 'resumed' | 'event' | 'error' | 'other';

/** One client's view of its subscriptions. `now` is injectable for tests. */
export class ClientStreams {
  readonly checkers = new Map<string, SeqChecker>();
  readonly counts = emptyFrameCounts();
  lastError: string | null = null;

  constructor(
    private readonly latency: LatencySink,
    private readonly now: () => number = latencyNow,
  ) {}

  checker(tenant: string): SeqChecker {
    let checker = this.checkers.get(tenant);
    if (!checker) {
      checker = new SeqChecker();
      this.checkers.set(tenant, checker);
    }
    return checker;
  }

  /** Handles one text frame. @throws SyntaxError on a frame that is not JSON (a hub bug worth seeing). */
  handle(text: string): FrameOutcome {
    this.counts.frames += 1;
    const frame = JSON.parse(text) as Record<string, unknown>;
    switch (frame.type) {
      case 'event':
        this.onEvent(frame as unknown as EventFrame, this.now());
        return 'event';
      case 'events': {
        const frames = frame.frames as EventFrame[];
        const at = this.now();
        this.counts.batchFrames += 1;
        this.counts.batchedEvents += frames.length;
        for (const element of frames) this.onEvent(element, at);
        return 'event';
      }
      case 'snapshot':
        this.counts.snapshots += 1;
        this.checker(frame.tenant as string).onSnapshot(frame.seq as number, frame.epoch as string);
        return 'snapshot';
      case 'resumed':
        this.counts.resumes += 1;
        this.checker(frame.tenant as string).onResumed(frame.seq as number, frame.epoch as string);
        return 'resumed';
      case 'error':
        this.counts.errors += 1;
        this.lastError = `${String(frame.code)}: ${String(frame.message)}`;
        return 'error';
      default:
        return 'other';
    }
  }

  private onEvent(frame: EventFrame, receivedUs: number): void {
    this.checker(frame.tenant).onEvent(frame.seq);
    const stamp = stampOf(frame.event);
    if (stamp !== null) this.latency.record(receivedUs - stamp);
  }
}
