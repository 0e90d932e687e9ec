import type { Clock, TimerHandle } from './clock';

interface FakeTimer {
  id: number;
  at: number;
  callback: () => void;
}

/**
 * A hand-driven clock for tests: timers run only inside `advance`, in time order.
 * @internal test double, shared with the browser host's tests
 */
export class FakeClock implements Clock {
  private timers: FakeTimer[] = [];
  private nextId = 1;

  constructor(private current = 1_700_000_000_000) {}

  now(): number {
    return this.current;
  }

  setTimeout(callback: () => void, ms: number): TimerHandle {
    const timer = { id: this.nextId++, at: this.current + Math.max(0, ms), callback };
    this.timers.push(timer);
    return timer.id;
  }

  clearTimeout(handle: TimerHandle): void {
    this.timers = this.timers.filter((timer) => timer.id !== handle);
  }

  /** Number of timers waiting. */
  pending(): number {
    return this.timers.length;
  }

  /** Moves time forward by `ms`, running every timer that falls due, including ones they set. */
  advance(ms: number): void {
    const end = this.current + ms;
    for (;;) {
      const due = this.timers
        .filter((timer) => timer.at <= end)
        .sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      this.timers = this.timers.filter((timer) => timer !== due);
      this.current = Math.max(this.current, due.at);
      due.callback();
    }
    this.current = end;
  }
}
