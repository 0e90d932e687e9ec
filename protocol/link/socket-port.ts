import { CloseCode } from '../codes/close-codes';

/**
 * The minimal WebSocket surface the link client needs. Both the browser's
 * `WebSocket` and the `ws` package satisfy it, so protocol/ names neither.
 */
export interface SocketLike {
  readonly readyState: number;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

/** A WebSocket constructor: `new (url, protocols)`. */
export type SocketConstructor = new (url: string, protocols?: string | string[]) => SocketLike;

/** `WebSocket.OPEN`; spelled out because protocol/ has no DOM types. */
export const SOCKET_OPEN = 1;

/** Close code the client uses when it drops a link on purpose (dead link, stale token); see `CLOSE_CODES`. */
export const CLIENT_GIVE_UP_CODE = CloseCode.CLIENT_GIVE_UP;
