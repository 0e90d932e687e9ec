// Length (~365 lines): the public API and the transitions that tie the state machine, the socket
// generation, the close policy and the frame router together; each of those has its own file.
import type { ActionReceipt, ActionRequest } from '../actions';
import { ErrorCode } from '../codes/wire-error-codes';
import { ActionBook, DEFAULT_ACTION_TIMEOUT_MS } from './action-book';
import { backoffDelay, DEFAULT_BACKOFF } from './backoff';
import { systemClock, type Clock, type RandomSource, type TimerHandle } from './clock';
import type { LinkClientOptions, SubscribeOptions } from './link-client-options';
import { decideClose } from './close-policy';
import { FrameRouter } from './frame-router';
import { LinkEmitter, type LinkEventName, type LinkListener } from './link-events';
import type { LinkStatus } from './link-state';
import { LinkStateMachine } from './link-state-machine';
import { Liveness, STALLED_AFTER_BEATS } from './liveness';
import { SocketGeneration } from './socket-generation';
import { CLIENT_GIVE_UP_CODE } from './socket-port';
import { SubscriptionBook } from './subscription-book';
import { TokenKeeper } from './token-keeper';

export type { LinkClientOptions, SubscribeOptions } from './link-client-options';

/**
 * One resilient, authenticated link to one hub, carrying every tenant the host
 * has open. Environment-agnostic: the WebSocket constructor, clock and random
 * source are injected. See docs/protocol.md and protocol/codes/close-codes.ts.
 *
 * The concepts live beside it: the states and their allowed transitions in
 * link-state-machine.ts, one object per socket in socket-generation.ts, what a
 * close code means for the link in close-policy.ts, and hub frames in frame-router.ts.
 */
export class LinkClient {
  private readonly machine: LinkStateMachine;
  private networkOnline = true;
  /** The current attempt's socket and its timers; replaced per attempt, so stale callbacks are ignored. */
  private generation: SocketGeneration | undefined;
  private generations = 0;
  private preWelcomeFailures = 0;
  private retryTimer: TimerHandle | undefined;
  private lastEventAt: number | undefined;
  private lagMs: number | undefined;
  private readonly clock: Clock;
  private readonly random: RandomSource;
  private readonly emitter: LinkEmitter;
  /** @internal */
  readonly book = new SubscriptionBook();
  /** @internal */
  readonly tokens: TokenKeeper;
  private readonly router: FrameRouter;
  private readonly actions: ActionBook;

  constructor(private readonly options: LinkClientOptions) {
    if (!/^wss?:\/\//.test(options.url))
      throw new TypeError(`LinkClient url must start with ws:// or wss://, got "${options.url}"`);
    this.clock = options.clock ?? systemClock();
    this.random = options.random ?? Math.random;
    this.emitter = new LinkEmitter((fn) => this.clock.setTimeout(fn, 0), options.onListenerError);
    this.machine = new LinkStateMachine(this.clock, (transition) =>
      this.emitter.emit('state', { ...transition, status: this.status() }),
    );
    this.tokens = new TokenKeeper(this.clock, options.getToken);
    this.actions = new ActionBook({
      clock: this.clock,
      timeoutMs: options.actionTimeoutMs ?? DEFAULT_ACTION_TIMEOUT_MS,
      status: () => this.machine.status(),
      send: (frame) => this.send(frame),
    });
    this.router = new FrameRouter({
      clock: this.clock,
      book: this.book,
      actions: this.actions,
      tokens: this.tokens,
      emitter: this.emitter,
      send: (frame) => this.generation?.send(JSON.stringify(frame)),
      isCurrent: (gen) => gen === this.generation?.id && this.machine.state === 'live',
      onWelcome: (gen, heartbeatMs, appHeartbeatMs) =>
        this.welcomed(gen, heartbeatMs, appHeartbeatMs),
      onEventTiming: (ts) => this.noteEvent(ts),
      onAuthRequired: (reason) => this.authRequired(reason),
      onTokenRejected: (reason) => this.dropAndRetry(reason),
      retryLater: (fn) => this.generation?.setTimeout(fn, options.unavailableRetryMs ?? 2000),
    });
  }

  /** Subscribes to one of the link's events. Returns an unsubscribe function. */
  on<K extends LinkEventName>(name: K, listener: LinkListener<K>): () => void {
    return this.emitter.on(name, listener);
  }

  /** The current status, for status bars and IPC. */
  status(): LinkStatus {
    const status = this.machine.status();
    if (this.lastEventAt !== undefined) status.lastEventAt = this.lastEventAt;
    if (this.lagMs !== undefined) status.lagMs = this.lagMs;
    return status;
  }

  /** Starts (or, after stop or auth_required, restarts) the link. No-op while already running. */
  start(): void {
    const { state } = this.machine;
    if (state !== 'idle' && state !== 'stopped' && state !== 'auth_required') return;
    this.machine.resetAttempts();
    this.preWelcomeFailures = 0;
    this.book.clearForbidden();
    if (!this.networkOnline) {
      this.machine.setState('offline', 'started while the network is down');
      return;
    }
    this.machine.setState('connecting', 'started');
    void this.openSocket();
  }

  /** Stops the link for good (until `start`). Subscriptions are kept for a later start. */
  stop(reason = 'stopped'): void {
    if (this.machine.state === 'stopped') return;
    this.dropSocket(1000, reason);
    this.clearRetry();
    this.machine.setState('stopped', reason);
  }

  /**
   * Adds a reference to a tenant's subscription (one hub subscription however
   * many windows show it). Returns a release function; the last release unsubscribes.
   */
  subscribe(tenant: string, options: SubscribeOptions = {}): () => void {
    const { entry, created } = this.book.add(tenant, options.filter, options.resumeFrom);
    if (created && this.machine.state === 'live') {
      entry.phase = 'syncing';
      this.send(this.book.subscribeFrame(entry));
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (this.book.release(tenant) && this.machine.state === 'live')
        this.send({ type: 'unsubscribe', tenant });
    };
  }

  /**
   * Sends an operator action and resolves with the hub's receipt (`{id, seq, duplicate}`).
   * Never queued: while the link is not live it rejects at once with a `CodedError`
   * `offline`. Other rejections: the hub's code (`forbidden`, `not_found`,
   * `bad_request`, `rate_limited`, `unavailable`), or `action_unconfirmed` when the
   * link drops, stops or stays silent for `actionTimeoutMs` before the answer
   * (sending the same request again is safe: the hub dedups by id). The tenant need
   * not be subscribed on this link; the hub checks the token's tenants and scope.
   * See action-book.ts.
   */
  sendAction(request: ActionRequest): Promise<ActionReceipt> {
    return this.actions.send(request);
  }

  /** The host's network signal. Offline drops the socket and stops retrying; online retries at once. */
  setNetworkOnline(online: boolean): void {
    this.networkOnline = online;
    const { state } = this.machine;
    if (!online) {
      if (!this.machine.isConnecting() && state !== 'live') return;
      this.dropSocket(1000, 'network offline');
      this.clearRetry();
      this.machine.setState('offline', 'the network is down');
      return;
    }
    if (state === 'offline') {
      this.machine.resetAttempts();
      this.machine.setState('connecting', 'the network is back');
      void this.openSocket();
    } else if (state === 'reconnecting') {
      this.retryImmediately('the network is back');
    }
  }

  /**
   * "Retry now": while reconnecting, skips the rest of the backoff wait (or a hanging
   * attempt) and tries again at once. Does nothing in any other state: live and
   * connecting need no retry, offline waits for the network, auth_required for a sign-in.
   * @returns true when an attempt was started.
   */
  retryNow(): boolean {
    if (this.machine.state !== 'reconnecting') return false;
    this.retryImmediately('retry requested');
    return true;
  }

  /** The machine is about to sleep. Nothing to do yet; timers are unreliable until resume. */
  notifySuspend(): void {
    this.generation?.liveness?.probe();
  }

  /** The machine woke up: retry at once, or check a live link with a ping. */
  notifyResume(): void {
    if (this.machine.state === 'reconnecting') this.retryImmediately('resumed from sleep');
    else if (this.machine.state === 'live') this.generation?.liveness?.probe();
  }

  // ---- transitions ----------------------------------------------------------

  private async openSocket(): Promise<void> {
    // A state listener may have stopped the link in reaction to the transition that led here.
    if (!this.machine.isConnecting()) return;
    this.dropSocket(CLIENT_GIVE_UP_CODE, 'superseded');
    const gen = new SocketGeneration(++this.generations, this.clock);
    this.generation = gen;
    // Armed before the token fetch: a frozen hub answers neither the token request nor the upgrade.
    const connectTimeoutMs = this.options.connectTimeoutMs ?? 10_000;
    gen.armConnectTimeout(connectTimeoutMs, () => {
      if (this.machine.state !== 'live')
        this.socketClosed(1006, `no welcome within ${connectTimeoutMs} ms`);
    });
    if (!this.tokens.usable()) {
      const { result, how } = await this.tokens.fetchForConnect();
      if (!gen.current || !this.machine.isConnecting()) return;
      if (!result.ok) {
        if (result.code === 'unauthorized')
          this.authRequired(`the hub refused the credential: ${result.message}`);
        else this.scheduleRetry(`token endpoint unavailable: ${result.message}`);
        return;
      }
      this.emitter.emit('token', {
        how,
        exp: this.tokens.estimateExp(this.clock.now(), result.expiresInSec),
      });
      // A 'token' listener may have stopped the link; then no socket is opened.
      if (!gen.current || !this.machine.isConnecting()) return;
    }
    try {
      gen.open(this.options.WebSocket, this.options.url, this.tokens.value ?? '', {
        onMessage: (data) => {
          gen.liveness?.received();
          this.router.handle(gen.id, data);
        },
        onClose: (code, reason) => this.socketClosed(code, reason),
      });
    } catch (error) {
      this.scheduleRetry(
        `could not open a WebSocket: ${error instanceof Error ? error.message : String(error)}`,
      );
      return;
    }
  }

  private welcomed(id: number, heartbeatMs: number, appHeartbeatMs: number | undefined): void {
    const gen = this.generation;
    if (!gen || gen.id !== id || !this.machine.isConnecting()) return;
    gen.welcomed(this.clock.now());
    this.preWelcomeFailures = 0;
    gen.liveness = new Liveness({
      clock: this.clock,
      heartbeatMs,
      ...(appHeartbeatMs !== undefined ? { appHeartbeatMs } : {}),
      sendPing: () => this.router.ping(),
      onDead: (silent) => {
        if (gen.current)
          this.socketClosed(
            1006,
            `stalled: no frame from the hub for ${silent} ms (${STALLED_AFTER_BEATS} heartbeats)`,
          );
      },
    });
    this.machine.setState('live', 'welcome received');
    // A listener may have stopped or dropped the link on 'live'; then nothing is left to arm.
    if (!gen.current || this.machine.state !== 'live') return;
    for (const entry of this.book.all()) {
      if (entry.phase === 'forbidden') continue;
      entry.phase = 'syncing';
      this.send(this.book.subscribeFrame(entry));
    }
    this.tokens.scheduleRenewal(() => void this.router.renew(id));
  }

  private socketClosed(code: number, reason: string): void {
    const wasLive = this.machine.state === 'live';
    const liveSince = this.generation?.liveSince;
    this.dropSocket(CLIENT_GIVE_UP_CODE, reason);
    if (!this.machine.isConnecting() && !wasLive) return;
    const stableAfterMs = this.options.stableAfterMs ?? 10_000;
    if (wasLive && liveSince !== undefined && this.clock.now() - liveSince >= stableAfterMs)
      this.machine.resetAttempts();
    if (!wasLive) this.preWelcomeFailures += 1;
    const decision = decideClose(code, reason, {
      random: this.random,
      goingAwayFallbackMs: this.options.goingAwayFallbackMs ?? 5000,
      preWelcomeFailures: this.preWelcomeFailures,
    });
    if (decision.discardToken) this.tokens.discard();
    if (decision.action === 'auth_required') this.authRequired(decision.why);
    else this.scheduleRetry(decision.why, decision.delayMs);
  }

  /** The hub rejected the renewed token in-band: drop the live socket and reconnect with a fresh one. */
  private dropAndRetry(reason: string): void {
    if (this.machine.state !== 'live') return;
    this.tokens.discard();
    this.dropSocket(CLIENT_GIVE_UP_CODE, reason);
    this.scheduleRetry(reason, 0);
  }

  private authRequired(reason: string): void {
    const from = this.machine.state;
    this.dropSocket(1000, 'auth required');
    this.clearRetry();
    this.tokens.discard();
    this.emitter.emit('error', { code: ErrorCode.UNAUTHORIZED, message: reason });
    // An 'error' listener may have stopped the link or taken it offline; that choice stands.
    if (this.machine.state !== from) return;
    this.machine.setState('auth_required', reason);
  }

  private scheduleRetry(reason: string, delayMs?: number): void {
    this.clearRetry();
    const attempt = this.machine.attempts + 1;
    const delay =
      delayMs ?? backoffDelay(attempt, this.random, this.options.backoff ?? DEFAULT_BACKOFF);
    const nextRetryAt = this.clock.now() + delay;
    // Armed before the transition is emitted, so a listener that stops the link clears it.
    this.retryTimer = this.clock.setTimeout(() => {
      this.retryTimer = undefined;
      if (this.machine.state === 'reconnecting') void this.openSocket();
    }, delay);
    this.machine.setState('reconnecting', reason, { attempt, nextRetryAt });
  }

  private retryImmediately(reason: string): void {
    this.clearRetry();
    const retry = { attempt: this.machine.attempts, nextRetryAt: this.clock.now() };
    this.machine.setState('reconnecting', reason, retry);
    void this.openSocket();
  }

  // ---- plumbing -------------------------------------------------------------

  private noteEvent(ts: number): void {
    this.lastEventAt = ts;
    this.lagMs = Math.max(0, this.clock.now() + this.tokens.skewMs - ts);
  }

  private send(frame: object): void {
    this.generation?.send(JSON.stringify(frame));
  }

  /** Retires the current socket generation; its late callbacks and timers are ignored. */
  private dropSocket(code: number, reason: string): void {
    const gen = this.generation;
    this.generation = undefined;
    this.tokens.cancelRenewal();
    this.book.socketLost();
    // Every way out of live passes here: an action sent on this socket can no longer be answered.
    this.actions.abandonAll(reason);
    // Reported on a later turn: this runs mid-transition, and a listener that reacts
    // (say, by stopping the link) must find the transition finished.
    gen?.retire(code, reason, (error) => {
      const message = error instanceof Error ? error.message : String(error);
      this.clock.setTimeout(
        () => this.emitter.emit('error', { code: 'socket_close_failed', message }),
        0,
      );
    });
  }

  private clearRetry(): void {
    if (this.retryTimer !== undefined) this.clock.clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }
}
