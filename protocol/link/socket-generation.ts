import { CLIENT_SUBPROTOCOLS } from '../ids';
import type { Clock, TimerHandle } from './clock';
import type { Liveness } from './liveness';
import { SOCKET_OPEN, type SocketConstructor, type SocketLike } from './socket-port';

/** What a generation reports while it is current. */
export interface SocketCallbacks {
  onMessage(data: unknown): void;
  /** The socket closed; `reason` falls back to the last socket error's message. */
  onClose(code: number, reason: string): void;
}

/**
 * One connection attempt and everything that belongs to it: the socket, its
 * timers (connect timeout, per-tenant resubscribes) and its liveness check. Once
 * retired, none of its callbacks or timers reach the link any more, so a late
 * `close` or `message` from an old socket can never act on the new one.
 * @internal
 */
export class SocketGeneration {
  private socket: SocketLike | undefined;
  private retired = false;
  private readonly timers = new Set<TimerHandle>();
  private connectTimer: TimerHandle | undefined;
  /** The heartbeat of this socket, from `welcome` on. */
  liveness: Liveness | undefined;
  /** When `welcome` arrived, epoch ms. */
  liveSince: number | undefined;

  constructor(
    /** Increasing per link; the frame router names generations by this id. */
    readonly id: number,
    private readonly clock: Clock,
  ) {}

  /** False once retired. */
  get current(): boolean {
    return !this.retired;
  }

  /**
   * Opens the socket to `url` (a `ws(s)://` URL without a token) with `token` as
   * `access_token`, offering the client subprotocols, and wires its callbacks to
   * `callbacks` while this generation is current.
   * @throws whatever the WebSocket constructor throws (a malformed URL, for example).
   */
  open(WebSocket: SocketConstructor, url: string, token: string, callbacks: SocketCallbacks): void {
    const separator = url.includes('?') ? '&' : '?';
    const socket = new WebSocket(`${url}${separator}access_token=${encodeURIComponent(token)}`, [
      ...CLIENT_SUBPROTOCOLS,
    ]);
    this.socket = socket;
    let lastError = '';
    socket.onopen = null;
    socket.onerror = (event) => {
      const message = (event as { message?: unknown } | null)?.message;
      lastError = typeof message === 'string' ? message : 'socket error';
    };
    socket.onmessage = (event) => {
      if (!this.retired) callbacks.onMessage(event.data);
    };
    socket.onclose = (event) => {
      if (!this.retired) callbacks.onClose(event.code, event.reason || lastError);
    };
  }

  /** Sends a text frame when the socket is open; drops it otherwise (the resubscribe after reconnect covers it). */
  send(text: string): void {
    if (!this.retired && this.socket && this.socket.readyState === SOCKET_OPEN)
      this.socket.send(text);
  }

  /** A timer that belongs to this socket: it never fires after `retire`. */
  setTimeout(fn: () => void, ms: number): TimerHandle {
    const handle = this.clock.setTimeout(() => {
      this.timers.delete(handle);
      if (!this.retired) fn();
    }, ms);
    this.timers.add(handle);
    return handle;
  }

  clearTimeout(handle: TimerHandle): void {
    if (this.timers.delete(handle)) this.clock.clearTimeout(handle);
  }

  /** Gives the attempt `ms` to reach `welcome`; `welcomed()` disarms it. */
  armConnectTimeout(ms: number, onTimeout: () => void): void {
    this.connectTimer = this.setTimeout(onTimeout, ms);
  }

  /** `welcome` arrived: the connect timeout is over and the link is live from now. */
  welcomed(now: number): void {
    if (this.connectTimer !== undefined) this.clearTimeout(this.connectTimer);
    this.connectTimer = undefined;
    this.liveSince = now;
  }

  /**
   * Ignores everything this socket does from now on, clears its timers and
   * liveness, then closes it with `code` (a close that throws goes to `onCloseError`).
   */
  retire(code: number, reason: string, onCloseError: (error: unknown) => void): void {
    this.retired = true;
    for (const handle of this.timers) this.clock.clearTimeout(handle);
    this.timers.clear();
    this.liveness?.stop();
    this.liveness = undefined;
    this.liveSince = undefined;
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
      onCloseError(error);
    }
  }
}
