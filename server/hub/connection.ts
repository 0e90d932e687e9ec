import type { WebSocket } from 'ws';
import { CloseCode } from '../../protocol/close-codes';
import { hasScope } from '../../protocol/scopes';
import type { VerifiedToken } from '../auth/jwt';
import type { HubMetrics } from '../metrics/hub-metrics';
import type { HubLimits } from '../config/hub-config';
import { TokenBucket } from './token-bucket';
import { ViolationWindow } from './violation-window';
import type { FrameSink, Subscription } from './subscription';

/** setTimeout cannot wait longer than 2^31-1 ms; longer expiries are re-armed. */
const MAX_TIMER_MS = 2_147_483_647;

// Fan-out hands the same string to every member in turn, so a one-entry cache
// measures each shared frame once instead of once per client.
let lastFrame = '';
let lastFrameBytes = 0;
function byteLength(frame: string): number {
  if (frame !== lastFrame) {
    lastFrame = frame;
    lastFrameBytes = Buffer.byteLength(frame);
  }
  return lastFrameBytes;
}

export interface ConnectionDeps {
  limits: HubLimits;
  metrics: HubMetrics;
  now: () => number;
  /** Called once when the socket has closed, after every subscription was released. */
  onClosed: (connection: Connection) => void;
}

/**
 * One client connection: its current token, its subscriptions, and the limits that
 * protect the hub from it (outgoing buffer bound, message rate, violations, token expiry).
 */
export class Connection implements FrameSink {
  readonly subscriptions = new Map<string, Subscription>();
  /** Last time anything arrived from the client (frame or pong), epoch ms; drives the heartbeat. */
  lastSeen: number;
  private closing = false;
  private expiryTimer: NodeJS.Timeout | null = null;
  private readonly messageBucket: TokenBucket;
  private readonly violations: ViolationWindow;

  constructor(
    readonly id: string,
    readonly ws: WebSocket,
    readonly ip: string,
    private token: VerifiedToken,
    private readonly deps: ConnectionDeps,
  ) {
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
   * Queues a frame. Past the buffered-bytes bound the connection is closed with 4008
   * and nothing more is queued, so one slow client never holds memory or others back.
   * @returns false when the connection is closing.
   */
  send(frame: string): boolean {
    if (this.closing) return false;
    const bytes = byteLength(frame);
    if (this.ws.bufferedAmount + bytes > this.deps.limits.maxBufferedBytes) {
      this.deps.metrics.slowConsumerCloses.inc();
      this.close(CloseCode.SLOW_CONSUMER, 'slow consumer: outgoing buffer bound exceeded');
      return false;
    }
    this.ws.send(frame);
    this.deps.metrics.framesDelivered.inc();
    this.deps.metrics.bytesDelivered.inc(bytes);
    return true;
  }

  /** Sends an object as a JSON frame. */
  sendMessage(message: Record<string, unknown>): boolean {
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
    this.closing = true;
    if (this.expiryTimer) clearTimeout(this.expiryTimer);
    this.ws.close(code, reason);
  }

  /** Drops the socket without a handshake (dead peer). */
  terminate(): void {
    this.closing = true;
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
