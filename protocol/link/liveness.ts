import type { Clock, TimerHandle } from './clock';

/**
 * Application-level heartbeat. Browsers cannot send protocol pings, and a
 * half-open TCP connection looks healthy to the OS, so the client pings the hub
 * every heartbeat and declares the link dead after two heartbeats with no frame
 * at all from the hub.
 */
export interface LivenessOptions {
  clock: Clock;
  heartbeatMs: number;
  /** Sends one app-level ping. */
  sendPing(): void;
  /** Called once when the link has been silent for `2 × heartbeatMs`. */
  onDead(silentForMs: number): void;
}

export const DEAD_AFTER_HEARTBEATS = 2;

export class Liveness {
  private lastRxAt: number;
  private pingTimer: TimerHandle | undefined;
  private deadlineTimer: TimerHandle | undefined;
  private stopped = false;

  constructor(private readonly options: LivenessOptions) {
    if (!(options.heartbeatMs > 0))
      throw new RangeError(`heartbeatMs must be positive, got ${options.heartbeatMs}`);
    this.lastRxAt = options.clock.now();
    this.schedulePing();
    this.armDeadline(this.silenceLimit());
  }

  /** Any frame from the hub proves the link alive. Cheap: it only records the time. */
  received(): void {
    this.lastRxAt = this.options.clock.now();
  }

  /** Pings now, e.g. after a resume from sleep, instead of waiting for the next beat. */
  probe(): void {
    if (this.stopped) return;
    this.options.sendPing();
  }

  stop(): void {
    this.stopped = true;
    if (this.pingTimer !== undefined) this.options.clock.clearTimeout(this.pingTimer);
    if (this.deadlineTimer !== undefined) this.options.clock.clearTimeout(this.deadlineTimer);
    this.pingTimer = undefined;
    this.deadlineTimer = undefined;
  }

  private silenceLimit(): number {
    return this.options.heartbeatMs * DEAD_AFTER_HEARTBEATS;
  }

  private schedulePing(): void {
    this.pingTimer = this.options.clock.setTimeout(() => {
      if (this.stopped) return;
      this.options.sendPing();
      this.schedulePing();
    }, this.options.heartbeatMs);
  }

  // One timer re-armed lazily: frames only stamp `lastRxAt`, and the deadline
  // checks it when it fires, so a burst of events costs no timer churn.
  private armDeadline(ms: number): void {
    this.deadlineTimer = this.options.clock.setTimeout(() => {
      if (this.stopped) return;
      const silent = this.options.clock.now() - this.lastRxAt;
      if (silent >= this.silenceLimit()) {
        this.stop();
        this.options.onDead(silent);
        return;
      }
      this.armDeadline(this.silenceLimit() - silent);
    }, ms);
  }
}
