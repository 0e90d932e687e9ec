import { closeAction, closeCodeInfo, parseRetryWindow } from '../close-codes';
import { ErrorCode } from '../error-codes';
import { CLIENT_SUBPROTOCOLS } from '../ids';
import type { SubscriptionFilter } from '../messages';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoff';
import { systemClock, type Clock, type RandomSource, type TimerHandle } from './clock';
import { LinkEmitter, type LinkEventName, type LinkListener } from './link-events';
import { FrameRouter } from './frame-router';
import type { LinkState, LinkStatus } from './link-state';
import { Liveness } from './liveness';
import {
  CLIENT_GIVE_UP_CODE,
  SOCKET_OPEN,
  type SocketConstructor,
  type SocketLike,
} from './socket-port';
import { SubscriptionBook } from './subscription-book';
import { TokenKeeper, type TokenSource } from './token-keeper';

export interface LinkClientOptions {
  /** `ws(s)://host[:port]/v1/ws`, without a token; the client appends `access_token`. */
  url: string;
  /** The WebSocket constructor: the browser's `WebSocket`, or `ws` in Node. */
  WebSocket: SocketConstructor;
  /** Token source; see `TokenSource`. */
  getToken: TokenSource;
  clock?: Clock;
  random?: RandomSource;
  backoff?: BackoffOptions;
  /** Live this long and the backoff count starts again from 1. Default 10 000 ms. */
  stableAfterMs?: number;
  /** Give up on an attempt that has no `welcome` after this long. Default 10 000 ms. */
  connectTimeoutMs?: number;
  /** Jitter window for a 1001 whose reason names none. Default 5 000 ms. */
  goingAwayFallbackMs?: number;
  /** Wait before resubscribing a tenant the hub called `unavailable`. Default 2 000 ms. */
  unavailableRetryMs?: number;
  /**
   * Called when a listener throws. Long-lived hosts (the Electron main process) log
   * and carry on; without it the error is rethrown on a fresh stack.
   */
  onListenerError?: (error: unknown, event: LinkEventName) => void;
}

export interface SubscribeOptions {
  filter?: SubscriptionFilter;
  /** Known position, e.g. from a cache; the hub then replays from `seq + 1` when it still can. */
  resumeFrom?: { seq: number; epoch: string };
}

/**
 * One resilient, authenticated link to one hub, carrying every tenant the host
 * has open. Environment-agnostic: the WebSocket constructor, clock and random
 * source are injected. See docs/protocol.md and protocol/close-codes.ts.
 *
 * States: idle → connecting → live ⇄ reconnecting; offline on a network-down
 * signal; auth_required when the credential is rejected; stopped on `stop()`.
 */
export class LinkClient {
  private state: LinkState = 'idle';
  private since: number;
  private reason = 'created';
  private attempt = 0;
  private nextRetryAt: number | undefined;
  private networkOnline = true;
  /** Bumped per socket (and per abandoned attempt) so stale callbacks are ignored. */
  private generation = 0;
  private socket: SocketLike | undefined;
  private liveness: Liveness | undefined;
  private liveSince: number | undefined;
  private preWelcomeFailures = 0;
  private retryTimer: TimerHandle | undefined;
  private connectTimer: TimerHandle | undefined;
  /** Per-tenant resubscribe timers (`unavailable`); they belong to the socket and die with it. */
  private readonly socketTimers = new Set<TimerHandle>();
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

  constructor(private readonly options: LinkClientOptions) {
    if (!/^wss?:\/\//.test(options.url))
      throw new TypeError(`LinkClient url must start with ws:// or wss://, got "${options.url}"`);
    this.clock = options.clock ?? systemClock();
    this.random = options.random ?? Math.random;
    this.since = this.clock.now();
    this.emitter = new LinkEmitter((fn) => this.clock.setTimeout(fn, 0), options.onListenerError);
    this.tokens = new TokenKeeper(this.clock, options.getToken);
    this.router = new FrameRouter({
      clock: this.clock,
      book: this.book,
      tokens: this.tokens,
      emitter: this.emitter,
      send: (frame) => this.send(frame),
      isCurrent: (gen) => gen === this.generation && this.state === 'live',
      onWelcome: (gen, heartbeatMs) => this.welcomed(gen, heartbeatMs),
      onEventTiming: (ts) => this.noteEvent(ts),
      onAuthRequired: (reason) => this.authRequired(reason),
      onTokenRejected: (reason) => this.dropAndRetry(reason, true),
      retryLater: (fn) => {
        const handle = this.clock.setTimeout(() => {
          this.socketTimers.delete(handle);
          fn();
        }, options.unavailableRetryMs ?? 2000);
        this.socketTimers.add(handle);
      },
    });
  }

  /** Subscribes to one of the link's events. Returns an unsubscribe function. */
  on<K extends LinkEventName>(name: K, listener: LinkListener<K>): () => void {
    return this.emitter.on(name, listener);
  }

  /** The current status, for status bars and IPC. */
  status(): LinkStatus {
    const status: LinkStatus = { state: this.state, since: this.since, reason: this.reason };
    if (this.state === 'reconnecting') {
      status.attempt = this.attempt;
      if (this.nextRetryAt !== undefined) status.nextRetryAt = this.nextRetryAt;
    }
    if (this.lastEventAt !== undefined) status.lastEventAt = this.lastEventAt;
    if (this.lagMs !== undefined) status.lagMs = this.lagMs;
    return status;
  }

  /** Starts (or, after stop or auth_required, restarts) the link. No-op while already running. */
  start(): void {
    if (this.state !== 'idle' && this.state !== 'stopped' && this.state !== 'auth_required') return;
    this.attempt = 0;
    this.preWelcomeFailures = 0;
    this.book.clearForbidden();
    if (!this.networkOnline) {
      this.setState('offline', 'started while the network is down');
      return;
    }
    this.setState('connecting', 'started');
    void this.openSocket();
  }

  /** Stops the link for good (until `start`). Subscriptions are kept for a later start. */
  stop(reason = 'stopped'): void {
    if (this.state === 'stopped') return;
    this.dropSocket(1000, reason);
    this.clearRetry();
    this.tokens.cancelRenewal();
    this.setState('stopped', reason);
  }

  /**
   * Adds a reference to a tenant's subscription (one hub subscription however
   * many windows show it). Returns a release function; the last release unsubscribes.
   */
  subscribe(tenant: string, options: SubscribeOptions = {}): () => void {
    const { entry, created } = this.book.add(tenant, options.filter, options.resumeFrom);
    if (created && this.state === 'live') {
      entry.phase = 'syncing';
      this.send(this.book.subscribeFrame(entry));
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (this.book.release(tenant) && this.state === 'live')
        this.send({ type: 'unsubscribe', tenant });
    };
  }

  /** The host's network signal. Offline drops the socket and stops retrying; online retries at once. */
  setNetworkOnline(online: boolean): void {
    this.networkOnline = online;
    if (!online) {
      if (this.state !== 'connecting' && this.state !== 'live' && this.state !== 'reconnecting')
        return;
      this.dropSocket(1000, 'network offline');
      this.clearRetry();
      this.tokens.cancelRenewal();
      this.setState('offline', 'the network is down');
      return;
    }
    if (this.state === 'offline') {
      this.attempt = 0;
      this.setState('connecting', 'the network is back');
      void this.openSocket();
    } else if (this.state === 'reconnecting') {
      this.retryNow('the network is back');
    }
  }

  /** The machine is about to sleep. Nothing to do yet; timers are unreliable until resume. */
  notifySuspend(): void {
    this.liveness?.probe();
  }

  /** The machine woke up: retry at once, or check a live link with a ping. */
  notifyResume(): void {
    if (this.state === 'reconnecting') this.retryNow('resumed from sleep');
    else if (this.state === 'live') this.liveness?.probe();
  }

  // ---- transitions ----------------------------------------------------------

  private setState(
    next: LinkState,
    reason: string,
    retry?: { attempt: number; nextRetryAt: number },
  ): void {
    const from = this.state;
    const at = this.clock.now();
    this.state = next;
    this.since = at;
    this.reason = reason;
    this.nextRetryAt = retry?.nextRetryAt;
    if (retry) this.attempt = retry.attempt;
    this.emitter.emit('state', { from, to: next, reason, at, status: this.status() });
  }

  private async openSocket(): Promise<void> {
    // A state listener may have stopped the link in reaction to the transition that led here.
    if (!this.isConnecting()) return;
    this.dropSocket(CLIENT_GIVE_UP_CODE, 'superseded');
    const gen = ++this.generation;
    if (!this.tokens.usable()) {
      const { result, how } = await this.tokens.fetchForConnect();
      if (gen !== this.generation || !this.isConnecting()) return;
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
    }
    const token = this.tokens.value ?? '';
    const separator = this.options.url.includes('?') ? '&' : '?';
    let socket: SocketLike;
    try {
      socket = new this.options.WebSocket(
        `${this.options.url}${separator}access_token=${encodeURIComponent(token)}`,
        [...CLIENT_SUBPROTOCOLS],
      );
    } catch (error) {
      this.scheduleRetry(
        `could not open a WebSocket: ${error instanceof Error ? error.message : String(error)}`,
      );
      return;
    }
    this.socket = socket;
    let lastError = '';
    socket.onopen = null;
    socket.onerror = (event) => {
      const message = (event as { message?: unknown } | null)?.message;
      lastError = typeof message === 'string' ? message : 'socket error';
    };
    socket.onmessage = (event) => {
      if (gen !== this.generation) return;
      this.liveness?.received();
      this.router.handle(gen, event.data);
    };
    socket.onclose = (event) => {
      if (gen !== this.generation) return;
      this.socketClosed(event.code, event.reason || lastError);
    };
    this.connectTimer = this.clock.setTimeout(() => {
      if (gen !== this.generation || this.state === 'live') return;
      this.socketClosed(1006, `no welcome within ${this.options.connectTimeoutMs ?? 10_000} ms`);
    }, this.options.connectTimeoutMs ?? 10_000);
  }

  private welcomed(gen: number, heartbeatMs: number): void {
    if (gen !== this.generation || !this.isConnecting()) return;
    this.clearConnectTimer();
    this.preWelcomeFailures = 0;
    this.liveSince = this.clock.now();
    this.liveness = new Liveness({
      clock: this.clock,
      heartbeatMs,
      sendPing: () => this.router.ping(),
      onDead: (silent) => {
        if (gen === this.generation)
          this.socketClosed(1006, `no frame from the hub for ${silent} ms (2 heartbeats)`);
      },
    });
    this.setState('live', 'welcome received');
    // A listener may have stopped or dropped the link on 'live'; then nothing is left to arm.
    if (gen !== this.generation || this.state !== 'live') return;
    for (const entry of this.book.all()) {
      if (entry.phase === 'forbidden') continue;
      entry.phase = 'syncing';
      this.send(this.book.subscribeFrame(entry));
    }
    this.tokens.scheduleRenewal(() => void this.router.renew(gen));
  }

  private socketClosed(code: number, reason: string): void {
    const wasLive = this.state === 'live';
    const liveSince = this.liveSince;
    this.dropSocket(CLIENT_GIVE_UP_CODE, reason);
    if (!this.isConnecting() && !wasLive) return;
    if (
      liveSince !== undefined &&
      wasLive &&
      this.clock.now() - liveSince >= (this.options.stableAfterMs ?? 10_000)
    ) {
      this.attempt = 0;
    }
    if (!wasLive) this.preWelcomeFailures += 1;
    // Upgrades rejected with 401 look like plain drops (browsers hide the status), so
    // after repeated failures before welcome, suspect the token and fetch a new one.
    if (this.preWelcomeFailures >= 2) this.tokens.discard();
    const name = closeCodeInfo(code)?.name ?? 'unknown';
    const why = `closed ${code} (${name})${reason ? `: ${reason}` : ''}`;
    switch (closeAction(code)) {
      case 'auth_required':
        this.authRequired(why);
        return;
      case 'refresh_token':
        this.tokens.discard();
        this.scheduleRetry(why);
        return;
      case 'reconnect_within_window':
        this.scheduleRetry(
          why,
          Math.floor(
            this.random() * parseRetryWindow(reason, this.options.goingAwayFallbackMs ?? 5000),
          ),
        );
        return;
      case 'reconnect':
        this.scheduleRetry(why);
        return;
    }
  }

  private dropAndRetry(reason: string, discardToken: boolean): void {
    if (this.state !== 'live') return;
    if (discardToken) this.tokens.discard();
    this.dropSocket(CLIENT_GIVE_UP_CODE, reason);
    this.scheduleRetry(reason, 0);
  }

  private authRequired(reason: string): void {
    this.dropSocket(1000, 'auth required');
    this.clearRetry();
    this.tokens.discard();
    this.emitter.emit('error', { code: ErrorCode.UNAUTHORIZED, message: reason });
    this.setState('auth_required', reason);
  }

  private scheduleRetry(reason: string, delayMs?: number): void {
    this.clearRetry();
    const attempt = this.attempt + 1;
    const delay =
      delayMs ?? backoffDelay(attempt, this.random, this.options.backoff ?? DEFAULT_BACKOFF);
    const nextRetryAt = this.clock.now() + delay;
    // Armed before the transition is emitted, so a listener that stops the link clears it.
    this.retryTimer = this.clock.setTimeout(() => {
      this.retryTimer = undefined;
      if (this.state === 'reconnecting') void this.openSocket();
    }, delay);
    this.setState('reconnecting', reason, { attempt, nextRetryAt });
  }

  private retryNow(reason: string): void {
    this.clearRetry();
    this.setState('reconnecting', reason, { attempt: this.attempt, nextRetryAt: this.clock.now() });
    void this.openSocket();
  }

  // ---- plumbing -------------------------------------------------------------

  private isConnecting(): boolean {
    return this.state === 'connecting' || this.state === 'reconnecting';
  }

  private noteEvent(ts: number): void {
    this.lastEventAt = ts;
    this.lagMs = Math.max(0, this.clock.now() + this.tokens.skewMs - ts);
  }

  private send(frame: object): void {
    if (this.socket && this.socket.readyState === SOCKET_OPEN)
      this.socket.send(JSON.stringify(frame));
  }

  /** Detaches and closes the current socket; its late callbacks are ignored. */
  private dropSocket(code: number, reason: string): void {
    this.generation += 1;
    this.clearConnectTimer();
    for (const handle of this.socketTimers) this.clock.clearTimeout(handle);
    this.socketTimers.clear();
    this.liveness?.stop();
    this.liveness = undefined;
    this.liveSince = undefined;
    this.tokens.cancelRenewal();
    this.book.socketLost();
    const socket = this.socket;
    this.socket = undefined;
    if (!socket) return;
    socket.onmessage = null;
    socket.onclose = null;
    // Keep an error handler: `ws` throws on an 'error' with no listener.
    socket.onerror = () => undefined;
    try {
      socket.close(code, reason.slice(0, 120));
    } catch (error) {
      this.emitter.emit('error', {
        code: 'socket_close_failed',
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }

  private clearRetry(): void {
    if (this.retryTimer !== undefined) this.clock.clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }

  private clearConnectTimer(): void {
    if (this.connectTimer !== undefined) this.clock.clearTimeout(this.connectTimer);
    this.connectTimer = undefined;
  }
}
