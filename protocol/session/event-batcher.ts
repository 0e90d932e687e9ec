import type { SequencedEvent } from '../events';
import type { Clock, TimerHandle } from '../link/clock';

export interface EventBatcherOptions {
  clock: Clock;
  /** Longest an event waits before it is handed on, ms. Default 50. */
  flushMs?: number;
  /** A batch this big is handed on at once. Default 250. */
  maxBatch?: number;
  deliver(events: SequencedEvent[]): void;
}

/**
 * Coalesces live events so a burst of 500 becomes two or three messages to a
 * window instead of 500 IPC calls. Order is kept; nothing is dropped.
 */
export class EventBatcher {
  private pending: SequencedEvent[] = [];
  private timer: TimerHandle | undefined;

  constructor(private readonly options: EventBatcherOptions) {}

  push(event: SequencedEvent): void {
    this.pending.push(event);
    if (this.pending.length >= (this.options.maxBatch ?? 250)) {
      this.flush();
      return;
    }
    if (this.timer === undefined)
      this.timer = this.options.clock.setTimeout(() => this.flush(), this.options.flushMs ?? 50);
  }

  /** Hands on whatever is pending now. */
  flush(): void {
    this.cancelTimer();
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    this.options.deliver(batch);
  }

  /** Forgets pending events, e.g. when a snapshot supersedes them. */
  discard(): void {
    this.cancelTimer();
    this.pending = [];
  }

  size(): number {
    return this.pending.length;
  }

  private cancelTimer(): void {
    if (this.timer !== undefined) this.options.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }
}
