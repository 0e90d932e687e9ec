import type { Clock, TimerHandle } from './clock';

/**
 * How a client tells a frozen hub from a quiet one. Browsers never see protocol
 * pings, and a half-open TCP connection looks healthy to the OS, so the rule is
 * one of frames: the link is **stalled** once no frame at all has arrived for
 * `STALLED_AFTER_BEATS` beats.
 * - A hub that sends `heartbeat` frames (`welcome.appHeartbeatMs`) fills every
 *   quiet interval itself: the beat is `appHeartbeatMs` and the client sends no
 *   periodic ping (the hub's own protocol pings, answered by every WebSocket
 *   stack, keep its dead-peer check going).
 * - An older hub (no `appHeartbeatMs`) answers pings only: the client pings every
 *   `heartbeatMs` and the beat is `heartbeatMs`.
 */
export interface LivenessOptions {
  clock: Clock;
  /** `welcome.heartbeatMs`: the ping interval used when the hub sends no heartbeat frames. */
  heartbeatMs: number;
  /** `welcome.appHeartbeatMs`, when the hub advertises heartbeat frames. */
  appHeartbeatMs?: number;
  /** Sends one app-level ping. */
  sendPing(): void;
  /** Called once when the link has been silent for `STALLED_AFTER_BEATS` beats, with the silence in ms. */
  onDead(silentForMs: number): void;
}

/** Beats of silence after which the link is stalled. */
export const STALLED_AFTER_BEATS = 2;

export class Liveness {
  private lastRxAt: number;
  private pingTimer: TimerHandle | undefined;
  private deadlineTimer: TimerHandle | undefined;
  private stopped = false;
  /** The interval the silence limit counts in, ms. */
  readonly beatMs: number;

  /** @throws RangeError when `heartbeatMs` or a given `appHeartbeatMs` is not positive. */
  constructor(private readonly options: LivenessOptions) {
    if (!(options.heartbeatMs > 0))
      throw new RangeError(`heartbeatMs must be positive, got ${options.heartbeatMs}`);
    if (options.appHeartbeatMs !== undefined && !(options.appHeartbeatMs > 0))
      throw new RangeError(`appHeartbeatMs must be positive, got ${options.appHeartbeatMs}`);
    this.beatMs = options.appHeartbeatMs ?? options.heartbeatMs;
    this.lastRxAt = options.clock.now();
    if (options.appHeartbeatMs === undefined) this.schedulePing();
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

  /** Silence that makes the link stalled, ms. */
  silenceLimit(): number {
    return this.beatMs * STALLED_AFTER_BEATS;
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
