import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import type { Logger } from 'pino';
import { ThrottledWarning } from '../logging/throttled-warning';

/** The connection-admission limits (see `HubLimits`). */
export interface AdmissionLimits {
  /** Upper bound on open TCP connections; the effective cap is also kept below the descriptor limit. */
  maxSockets: number;
  /** Descriptors kept free for journals, Redis, logs and the listening socket. */
  fdReserve: number;
  /** Open TCP connections per client address. */
  maxSocketsPerAddress: number;
  /** A connection that has not completed a request (or upgrade) within this many ms of its accept is closed. */
  idleSocketTimeoutMs: number;
  /** Open WebSocket connections per token subject. */
  maxConnectionsPerSubject: number;
}

interface Tracked {
  socket: Socket;
  address: string;
  /** Set until the first request or upgrade arrives. */
  idleTimer: NodeJS.Timeout | null;
}

/**
 * The hub's one connection-admission policy, applied at accept, before any byte is parsed:
 *
 * - every socket must complete a request or an upgrade within `idleSocketTimeoutMs` of its
 *   accept, or it is closed (silent sockets cannot pile up);
 * - at most `maxSocketsPerAddress` sockets per client address;
 * - at most `effectiveMaxSockets` sockets in all, below RLIMIT_NOFILE minus `fdReserve`, so the
 *   hub never runs out of descriptors for its journal, Redis and /healthz. At the cap, the
 *   oldest socket that has not yet sent a request makes room (an idle flood cannot shut out a
 *   prober); when there is none, the new socket is closed;
 * - WebSocket connections per token subject (`admitSubject`), so one token cannot take
 *   every `HUB_MAX_CONNECTIONS` slot.
 *
 * Refusals are counted and logged (throttled), never silent.
 */
export class ConnectionAdmission {
  readonly effectiveMaxSockets: number;
  private readonly sockets = new Map<Socket, Tracked>();
  /** Sockets still waiting for their first request, oldest first (Map keeps insertion order). */
  private readonly waiting = new Map<Socket, Tracked>();
  private readonly perAddress = new Map<string, number>();
  private readonly perSubject = new Map<string, number>();
  private readonly refusals: ThrottledWarning;

  constructor(
    private readonly limits: AdmissionLimits,
    private readonly logger: Logger,
    private readonly onRefused: (reason: 'address' | 'global' | 'idle' | 'subject') => void,
    descriptorLimit: number | null = readDescriptorLimit(logger),
  ) {
    const fdCap =
      descriptorLimit === null ? Number.POSITIVE_INFINITY : descriptorLimit - limits.fdReserve;
    this.effectiveMaxSockets = Math.max(1, Math.min(limits.maxSockets, fdCap));
    this.refusals = new ThrottledWarning(logger, 'connection refused by admission policy');
    if (this.effectiveMaxSockets < limits.maxSockets)
      logger.info(
        { descriptorLimit, maxSockets: this.effectiveMaxSockets },
        'socket cap lowered below the descriptor limit (raise ulimit -n for more)',
      );
  }

  /** Applies the policy to `server`'s accepted sockets, requests and upgrades. */
  attach(server: Server): void {
    server.on('connection', (socket: Socket) => this.accept(socket));
    const active = (socket: Socket) => this.markActive(socket);
    server.on('request', (req) => active(req.socket as Socket));
    server.on('upgrade', (req) => active(req.socket as Socket));
  }

  /** Open TCP connections now. */
  get openSockets(): number {
    return this.sockets.size;
  }

  /**
   * Reserves a WebSocket slot for token subject `sub`; returns a release function, or null
   * when the subject already holds `maxConnectionsPerSubject` connections.
   */
  admitSubject(sub: string): (() => void) | null {
    const held = this.perSubject.get(sub) ?? 0;
    if (held >= this.limits.maxConnectionsPerSubject) {
      this.refuse('subject', { sub, held });
      return null;
    }
    this.perSubject.set(sub, held + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.perSubject.get(sub) ?? 1) - 1;
      if (left > 0) this.perSubject.set(sub, left);
      else this.perSubject.delete(sub);
    };
  }

  private accept(socket: Socket): void {
    const address = socket.remoteAddress ?? 'unknown';
    const fromAddress = this.perAddress.get(address) ?? 0;
    if (fromAddress >= this.limits.maxSocketsPerAddress) {
      this.refuse('address', { address, held: fromAddress });
      socket.destroy();
      return;
    }
    if (this.sockets.size >= this.effectiveMaxSockets && !this.evictOldestWaiting()) {
      this.refuse('global', { open: this.sockets.size });
      socket.destroy();
      return;
    }
    const tracked: Tracked = { socket, address, idleTimer: null };
    tracked.idleTimer = setTimeout(() => {
      this.refuse('idle', { address });
      socket.destroy();
    }, this.limits.idleSocketTimeoutMs);
    tracked.idleTimer.unref();
    this.sockets.set(socket, tracked);
    this.waiting.set(socket, tracked);
    this.perAddress.set(address, fromAddress + 1);
    socket.once('close', () => this.forget(tracked));
  }

  private markActive(socket: Socket): void {
    // Under TLS the request's socket wraps the accepted TCP socket.
    const raw = (socket as Socket & { _parent?: Socket })._parent ?? socket;
    const tracked = this.waiting.get(raw);
    if (!tracked) return;
    this.waiting.delete(raw);
    if (tracked.idleTimer) clearTimeout(tracked.idleTimer);
    tracked.idleTimer = null;
  }

  private evictOldestWaiting(): boolean {
    const oldest = this.waiting.values().next();
    if (oldest.done) return false;
    this.refuse('global', { evicted: oldest.value.address });
    this.forget(oldest.value);
    oldest.value.socket.destroy();
    return true;
  }

  private forget(tracked: Tracked): void {
    if (!this.sockets.delete(tracked.socket)) return;
    this.waiting.delete(tracked.socket);
    if (tracked.idleTimer) clearTimeout(tracked.idleTimer);
    const left = (this.perAddress.get(tracked.address) ?? 1) - 1;
    if (left > 0) this.perAddress.set(tracked.address, left);
    else this.perAddress.delete(tracked.address);
  }

  private refuse(
    reason: 'address' | 'global' | 'idle' | 'subject',
    detail: Record<string, unknown>,
  ): void {
    this.onRefused(reason);
    this.refusals.warn({ reason, ...detail });
  }
}

/**
 * The soft RLIMIT_NOFILE of this process, from /proc/self/limits (Linux); null where that
 * file does not exist or says "unlimited", so only `maxSockets` applies.
 */
export function readDescriptorLimit(logger: Logger): number | null {
  let text: string;
  try {
    text = readFileSync('/proc/self/limits', 'utf8');
  } catch (error) {
    logger.debug({ err: error }, 'no /proc/self/limits; the socket cap is HUB_MAX_SOCKETS alone');
    return null;
  }
  const match = /^Max open files\s+(\d+)/m.exec(text);
  return match ? Number(match[1]) : null;
}
