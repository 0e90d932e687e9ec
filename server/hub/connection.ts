import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';
import { CloseCode } from '../../protocol/codes';
import type { HubMessage } from '../../protocol/messages';
import { hasScope } from '../../protocol/scopes';
import type { VerifiedToken } from '../auth/jwt';
import type { HubMetrics } from '../metrics/hub-metrics';
import type { HubLimits } from '../config/hub-config';
import { TokenBucket } from './token-bucket';
import { ViolationWindow } from './violation-window';
import type { BatchEncoder } from './frame-batch';
import {
  OutboundQueue,
  type Flushable,
  type FlushScheduler,
  type FlushTally,
} from './outbound-queue';
import type { FrameSink, Subscription } from './subscription';

/** setTimeout cannot wait longer than 2^31-1 ms; longer expiries are re-armed. */
const MAX_TIMER_MS = 2_147_483_647;

export interface ConnectionDeps {
  limits: HubLimits;
  metrics: HubMetrics;
  now: () => number;
  /** Writes queued frames once per event-loop turn (shared by all connections of a hub). */
  flusher: FlushScheduler;
  /** Called once when the socket has closed, after every subscription was released. */
  onClosed: (connection: Connection) => void;
}

/** How a connection talks: the upgraded socket under `ws` and whether `ops.v1.batch` was negotiated. */
export interface ConnectionTransport {
  /** Corked around each burst of writes; null when not known (frames are then written uncorked). */
  socket: Duplex | null;
  batched: boolean;
  /** `ops.v1.batch.heartbeat` was negotiated: the client understands `heartbeat` frames. */
  appHeartbeat?: boolean;
}

/**
 * One client connection: its current token, its subscriptions, and the limits that
 * protect the hub from it (outgoing buffer bound, message rate, violations, token expiry).
 * Frames are queued and written once per event-loop turn (see outbound-queue.ts).
 */
export class Connection implements FrameSink, Flushable {
  readonly subscriptions = new Map<string, Subscription>();
  /** Last time anything arrived from the client (frame or pong), epoch ms; drives the heartbeat. */
  lastSeen: number;
  private closing = false;
  private expiryTimer: NodeJS.Timeout | null = null;
  private readonly messageBucket: TokenBucket;
  private readonly violations: ViolationWindow;
  private readonly queue: OutboundQueue;
  private scheduled = false;
  private awaitingDrain = false;
  /** `ws.bufferedAmount` as last read: once per turn, or per frame while the socket is held. */
  private socketBytes = 0;
  /** The client negotiated `heartbeat` frames (see heartbeat.ts). */
  readonly appHeartbeat: boolean;

  constructor(
    readonly id: string,
    readonly ws: WebSocket,
    readonly ip: string,
    private token: VerifiedToken,
    private readonly deps: ConnectionDeps,
    transport: ConnectionTransport = { socket: null, batched: false },
  ) {
    this.queue = new OutboundQueue(ws, transport.socket, transport.batched, deps.now);
    this.appHeartbeat = transport.appHeartbeat ?? false;
    this.lastSeen = deps.now();
    this.messageBucket = new TokenBucket(
      deps.limits.messageRate,
      deps.limits.messageRate * 2,
      deps.now,
    );
    this.violations = new ViolationWindow(
      deps.limits.violationLimit,
      deps.limits.violationWindowMs,
      deps.now,
    );
    this.armExpiry();
    ws.on('pong', () => {
      this.lastSeen = deps.now();
    });
    ws.once('close', () => {
      this.closing = true;
      this.queue.clear();
      if (this.expiryTimer) clearTimeout(this.expiryTimer);
      deps.onClosed(this);
    });
  }

  get claims(): VerifiedToken {
    return this.token;
  }

  get isClosing(): boolean {
    return this.closing;
  }

  mayRead(tenant: string): boolean {
    return this.token.tenants.includes(tenant) && hasScope(this.token.scope, 'read');
  }

  /** Replaces the token after in-band renewal and re-arms the expiry timer. */
  renew(token: VerifiedToken): void {
    this.token = token;
    this.armExpiry();
  }

  /**
   * Queues a control frame, written on its own. Past the buffered-bytes bound (what the
   * socket holds plus what is queued here) the connection is closed with 4008 and nothing
   * more is queued, so one slow client never holds memory or others back.
   * @returns false when the connection is closing.
   */
  send(frame: string | Buffer): boolean {
    return this.enqueue(typeof frame === 'string' ? Buffer.from(frame) : frame, false);
  }

  /** Queues a shared `event` frame (never modified), under the same bound as `send`. */
  sendEvent(frame: Buffer): boolean {
    return this.enqueue(frame, true);
  }

  /** Writes what is queued, or waits for 'drain' while the socket is held. @internal */
  flushQueued(encoder: BatchEncoder, tally: FlushTally): void {
    this.scheduled = false;
    if (this.closing || this.queue.empty) return;
    if (this.queue.held) {
      if (this.awaitingDrain) return;
      this.awaitingDrain = true;
      this.queue.onDrain(() => {
        this.awaitingDrain = false;
        this.schedule();
      });
      return;
    }
    this.queue.write(encoder, tally);
  }

  private enqueue(frame: Buffer, event: boolean): boolean {
    if (this.closing) return false;
    if (this.queue.empty || this.awaitingDrain) this.socketBytes = this.ws.bufferedAmount;
    if (this.overBound(frame.length) && !this.queue.empty && !this.queue.held) {
      // A turn that queues more than the bound (one large ingest) is not a slow consumer:
      // write what is queued now and judge by what the socket could not take.
      this.deps.flusher.flushOne(this);
      this.socketBytes = this.ws.bufferedAmount;
    }
    if (this.overBound(frame.length)) {
      this.queue.clear();
      this.deps.metrics.slowConsumerCloses.inc();
      this.close(CloseCode.SLOW_CONSUMER, 'slow consumer: outgoing buffer bound exceeded');
      return false;
    }
    this.queue.push(frame, event);
    this.schedule();
    return true;
  }

  private overBound(bytes: number): boolean {
    return this.socketBytes + this.queue.queuedBytes + bytes > this.deps.limits.maxBufferedBytes;
  }

  private schedule(): void {
    if (this.scheduled || this.awaitingDrain || this.closing) return;
    this.scheduled = true;
    this.deps.flusher.schedule(this);
  }

  /**
   * True when nothing was written to this connection for `idleMs` and nothing waits in
   * its queue: the moment for an application heartbeat. @internal
   */
  quietFor(idleMs: number, now: number): boolean {
    return !this.closing && this.queue.empty && now - this.queue.lastWrittenAt >= idleMs;
  }

  /** Sends one hub message (typed by protocol/messages.ts) as a JSON frame. */
  sendMessage(message: HubMessage): boolean {
    return this.send(JSON.stringify(message));
  }

  /** Takes one token from the per-connection message rate; false when the client sends too fast. */
  allowMessage(): boolean {
    this.lastSeen = this.deps.now();
    return this.messageBucket.take();
  }

  /** Records an invalid frame; closes with 4400 past the limit. @returns true when the connection was closed. */
  recordViolation(kind: string): boolean {
    this.deps.metrics.protocolViolations.inc({ kind });
    if (!this.violations.record()) return false;
    this.close(CloseCode.PROTOCOL_VIOLATIONS, 'too many invalid frames');
    return true;
  }

  /** Starts the close handshake; the socket is terminated by ws if the peer never answers. */
  close(code: number, reason: string): void {
    if (this.closing) return;
    // Frames queued this turn (an error before a close) still go out ahead of the close frame.
    if (!this.queue.empty && !this.queue.held) this.deps.flusher.flushOne(this);
    this.queue.clear();
    this.closing = true;
    if (this.expiryTimer) clearTimeout(this.expiryTimer);
    this.ws.close(code, reason);
  }

  /** Drops the socket without a handshake (dead peer). */
  terminate(): void {
    this.closing = true;
    this.queue.clear();
    this.ws.terminate();
  }

  private armExpiry(): void {
    if (this.expiryTimer) clearTimeout(this.expiryTimer);
    const delay = this.token.exp * 1000 - this.deps.now();
    if (delay <= 0) {
      this.close(CloseCode.TOKEN_EXPIRED, 'token expired');
      return;
    }
    this.expiryTimer = setTimeout(
      () => {
        if (this.token.exp * 1000 <= this.deps.now())
          this.close(CloseCode.TOKEN_EXPIRED, 'token expired');
        else this.armExpiry();
      },
      Math.min(delay, MAX_TIMER_MS),
    );
    this.expiryTimer.unref();
  }
}
