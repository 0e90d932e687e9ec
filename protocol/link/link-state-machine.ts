import type { Clock } from './clock';
import type { LinkState, LinkStatus, LinkTransition } from './link-state';

/**
 * Every transition the link may make, by source state. Anything else is a bug in
 * the link client, so `setState` throws instead of emitting it.
 * - `start()` leaves idle, stopped and auth_required (for connecting, or offline when the network is down);
 * - an attempt (connecting, reconnecting) ends live, reconnecting again, or auth_required;
 * - a live link drops to reconnecting or auth_required;
 * - the network signal moves running states to offline and offline back to connecting;
 * - `stop()` reaches stopped from every state but stopped.
 */
export const LINK_TRANSITIONS: ReadonlyMap<LinkState, ReadonlySet<LinkState>> = new Map<
  LinkState,
  ReadonlySet<LinkState>
>([
  ['idle', new Set<LinkState>(['connecting', 'offline', 'stopped'])],
  [
    'connecting',
    new Set<LinkState>(['live', 'reconnecting', 'offline', 'auth_required', 'stopped']),
  ],
  ['live', new Set<LinkState>(['reconnecting', 'offline', 'auth_required', 'stopped'])],
  [
    'reconnecting',
    new Set<LinkState>(['reconnecting', 'live', 'offline', 'auth_required', 'stopped']),
  ],
  ['offline', new Set<LinkState>(['connecting', 'stopped'])],
  ['auth_required', new Set<LinkState>(['connecting', 'offline', 'stopped'])],
  ['stopped', new Set<LinkState>(['connecting', 'offline'])],
]);

/** True when the table allows `from → to`. */
export function isAllowedTransition(from: LinkState, to: LinkState): boolean {
  return LINK_TRANSITIONS.get(from)?.has(to) ?? false;
}

/** The retry bookkeeping that comes with entering `reconnecting`. */
export interface RetryPlan {
  /** The attempt about to be made, from 1. */
  attempt: number;
  /** When it starts, epoch ms. */
  nextRetryAt: number;
}

/**
 * The link's state and why it is in it. One `setState(next, reason)` checks the
 * transition table and reports `{from, to, reason, at}` to `onTransition`.
 * @internal
 */
export class LinkStateMachine {
  private current: LinkState = 'idle';
  private since: number;
  private why = 'created';
  private attempt = 0;
  private nextRetryAt: number | undefined;

  constructor(
    private readonly clock: Clock,
    private readonly onTransition: (transition: LinkTransition) => void,
  ) {
    this.since = clock.now();
  }

  get state(): LinkState {
    return this.current;
  }

  /** The attempt number of the current (or last) reconnect series; 0 before the first retry. */
  get attempts(): number {
    return this.attempt;
  }

  /** Starts the backoff count again from 1 (a fresh start, or a link that was stable long enough). */
  resetAttempts(): void {
    this.attempt = 0;
  }

  /** True while an attempt is being made or waited for. */
  isConnecting(): boolean {
    return this.current === 'connecting' || this.current === 'reconnecting';
  }

  /**
   * Moves to `next` and reports the transition. `retry` is given when entering
   * `reconnecting` and is shown in the status until the next transition.
   * @throws Error when the table does not allow `state → next`: a bug in the caller.
   */
  setState(next: LinkState, reason: string, retry?: RetryPlan): void {
    const from = this.current;
    if (!isAllowedTransition(from, next))
      throw new Error(
        `LinkClient: illegal transition ${from} → ${next} (${reason}); add it to LINK_TRANSITIONS in protocol/link/link-state-machine.ts only if the link may really do that`,
      );
    const at = this.clock.now();
    this.current = next;
    this.since = at;
    this.why = reason;
    this.nextRetryAt = retry?.nextRetryAt;
    if (retry) this.attempt = retry.attempt;
    this.onTransition({ from, to: next, reason, at });
  }

  /** The state part of the status: state, since, reason, and in reconnecting the attempt and next retry. */
  status(): LinkStatus {
    const status: LinkStatus = { state: this.current, since: this.since, reason: this.why };
    if (this.current === 'reconnecting') {
      status.attempt = this.attempt;
      if (this.nextRetryAt !== undefined) status.nextRetryAt = this.nextRetryAt;
    }
    return status;
  }
}
