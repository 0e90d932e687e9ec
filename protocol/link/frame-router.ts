import { isBoardState } from '../board/board-state';
import { ErrorCode, type Code } from '../codes';
import {
  parseHubMessage,
  type ClientMessage,
  type EventMessage,
  type HubMessage,
} from '../messages';
import type { ActionBook } from './action-book';
import type { Clock } from './clock';
import type { LinkEmitter } from './link-events';
import type { SubscriptionBook } from './subscription-book';
import type { TokenKeeper } from './token-keeper';
import { estimateSkew } from './token-schedule';

/** What the router needs from its link client. @internal */
export interface FrameRouterHost {
  clock: Clock;
  book: SubscriptionBook;
  actions: ActionBook;
  tokens: TokenKeeper;
  emitter: LinkEmitter;
  send(frame: ClientMessage): void;
  /** True while `gen` is the live socket. */
  isCurrent(gen: number): boolean;
  onWelcome(gen: number, heartbeatMs: number, appHeartbeatMs: number | undefined): void;
  onEventTiming(ts: number): void;
  onAuthRequired(reason: string): void;
  onTokenRejected(reason: string): void;
  retryLater(fn: () => void): void;
}

/**
 * Turns hub frames into subscription bookkeeping and consumer events, and owns
 * the ping and in-band renewal exchanges. Split from LinkClient so that file
 * keeps to the state machine.
 * @internal
 */
export class FrameRouter {
  private pingCounter = 0;
  private readonly pings = new Map<string, number>();
  private pendingRenewal: { token: string; obtainedAtLocal: number } | undefined;

  constructor(private readonly host: FrameRouterHost) {}

  handle(gen: number, data: unknown): void {
    if (typeof data !== 'string') {
      this.host.emitter.emit('error', {
        code: ErrorCode.BAD_REQUEST,
        message: 'the hub sent a binary frame; protocol v1 frames are JSON text',
      });
      return;
    }
    const parsed = parseHubMessage(data);
    if (!parsed.ok) {
      this.host.emitter.emit('error', {
        code: ErrorCode.BAD_REQUEST,
        message: `unreadable hub frame: ${parsed.error}`,
      });
      return;
    }
    this.dispatch(gen, parsed.message);
  }

  /** Sends an app-level ping and remembers when, to estimate clock skew from the pong. */
  ping(): void {
    const id = `p${++this.pingCounter}`;
    // Bounded: pongs that never come must not grow the map forever.
    if (this.pings.size > 16) this.pings.clear();
    this.pings.set(id, this.host.clock.now());
    this.host.send({ type: 'ping', id });
  }

  /** Fetches a new token and sends it in-band; `auth_ok` completes the renewal. */
  async renew(gen: number): Promise<void> {
    if (!this.host.isCurrent(gen)) return;
    const obtainedAtLocal = this.host.clock.now();
    const result = await this.host.tokens.fetch('inband');
    if (!this.host.isCurrent(gen)) return;
    if (!result.ok) {
      if (result.code === 'unauthorized') {
        this.host.onAuthRequired(`token renewal refused: ${result.message}`);
        return;
      }
      this.host.emitter.emit('error', { code: 'token_renewal_failed', message: result.message });
      // Try again while the current token lasts; if it runs out, the hub's 4001 takes over.
      this.host.tokens.retryRenewal(() => void this.renew(gen), 2000);
      return;
    }
    this.pendingRenewal = { token: result.token, obtainedAtLocal };
    this.host.send({ type: 'auth', token: result.token });
  }

  private dispatch(gen: number, message: HubMessage): void {
    const { book, emitter, clock } = this.host;
    switch (message.type) {
      case 'welcome': {
        this.host.tokens.skewMs = message.serverTime - clock.now();
        this.host.tokens.confirmExp(message.tokenExp);
        this.pendingRenewal = undefined;
        this.host.onWelcome(gen, message.heartbeatMs, message.appHeartbeatMs);
        return;
      }
      case 'snapshot': {
        if (!isBoardState(message.state)) {
          emitter.emit('error', {
            code: 'bad_snapshot',
            message: 'the hub sent a snapshot that is not a board state',
            tenant: message.tenant,
          });
          return;
        }
        if (!book.snapshot(message.tenant, message.seq, message.epoch)) return;
        emitter.emit('snapshot', {
          tenant: message.tenant,
          seq: message.seq,
          epoch: message.epoch,
          state: message.state,
        });
        return;
      }
      case 'resumed': {
        const verdict = book.resumed(message.tenant, message.seq, message.epoch);
        if (verdict === 'ok')
          emitter.emit('resumed', {
            tenant: message.tenant,
            seq: message.seq,
            epoch: message.epoch,
          });
        else if (verdict === 'gap')
          this.resync(
            message.tenant,
            `resume ended at seq ${message.seq} (epoch ${message.epoch}), which does not continue what we have`,
          );
        return;
      }
      case 'event':
        this.onEvent(message);
        return;
      case 'events':
        // A batch is processed exactly as its frames one by one, in order.
        for (const frame of message.frames) this.onEvent(frame);
        return;
      case 'error':
        // An error that answers an action concerns that action only, never the tenant's subscription.
        if (message.id !== undefined)
          this.host.actions.refused(message.id, message.code, message.message);
        else this.onError(gen, message.code, message.message, message.tenant);
        return;
      case 'ack':
        // A late ack (after the action timed out or its socket dropped) has no one waiting: ignored.
        this.host.actions.acknowledged(message);
        return;
      case 'auth_ok': {
        const pending = this.pendingRenewal;
        this.pendingRenewal = undefined;
        if (pending) this.host.tokens.accepted(pending.token, pending.obtainedAtLocal, message.exp);
        emitter.emit('token', { how: 'inband', exp: message.exp });
        this.host.tokens.scheduleRenewal(() => void this.renew(gen));
        return;
      }
      case 'pong': {
        const sentAt = this.pings.get(message.id);
        if (sentAt === undefined) return;
        this.pings.delete(message.id);
        this.host.tokens.skewMs = estimateSkew(message.serverTime, sentAt, clock.now());
        return;
      }
      case 'heartbeat': // its arrival already fed the liveness check
      case 'unsubscribed':
        return;
    }
  }

  private onEvent(message: EventMessage): void {
    const { book, emitter } = this.host;
    this.host.onEventTiming(message.ts);
    const verdict = book.checkEvent(message.tenant, message.seq, message.prev);
    // The frame was parsed once, at the socket (`handle`): consumers get it as is, unchanged and uncopied.
    if (verdict === 'accept') emitter.emit('event', message);
    else if (verdict === 'gap') {
      const last = book.get(message.tenant)?.lastSeq;
      this.resync(
        message.tenant,
        `seq gap: had ${last}, got ${message.seq}${message.prev !== undefined ? ` (prev ${message.prev})` : ''}`,
      );
    }
  }

  private onError(gen: number, code: Code, message: string, tenant: string | undefined): void {
    const { book, emitter } = this.host;
    emitter.emit('error', tenant ? { code, message, tenant } : { code, message });
    if (code === ErrorCode.AUTH_FAILED) {
      this.pendingRenewal = undefined;
      this.host.onTokenRejected(`in-band renewal rejected: ${message}`);
      return;
    }
    if (!tenant) return;
    const entry = book.get(tenant);
    if (!entry) return;
    if (code === ErrorCode.FORBIDDEN) {
      entry.phase = 'forbidden';
    } else if (code === ErrorCode.UNAVAILABLE) {
      this.host.retryLater(() => {
        const current = book.get(tenant);
        if (!this.host.isCurrent(gen) || !current || current.phase === 'forbidden') return;
        current.phase = 'syncing';
        this.host.send(book.subscribeFrame(current));
      });
    }
  }

  /** Drops a tenant's resume point and asks for a fresh snapshot. */
  private resync(tenant: string, reason: string): void {
    const entry = this.host.book.startResync(tenant);
    if (!entry) return;
    this.host.send({ type: 'unsubscribe', tenant });
    this.host.send(this.host.book.subscribeFrame(entry, true));
    this.host.emitter.emit('resync', { tenant, reason });
  }
}
