/**
 * Codes of recoverable `error` frames (the connection stays open) and of HTTP
 * error bodies. Like close codes, each says what a client does next.
 */
export const ErrorCode = {
  /** Malformed JSON, unknown frame type or invalid fields. Fix the frame; the connection stays open. */
  BAD_REQUEST: 'bad_request',
  /** The tenant is not in the token, or the scope is missing. Nothing of that tenant is sent. */
  FORBIDDEN: 'forbidden',
  /** In-band `auth` was rejected (bad token, different `sub`). Keep the old token until it expires. */
  AUTH_FAILED: 'auth_failed',
  /** Too many subscriptions on one connection. */
  TOO_MANY_SUBSCRIPTIONS: 'too_many_subscriptions',
  /** Too many frames per second; slow down. */
  RATE_LIMITED: 'rate_limited',
  /** The hub cannot serve the tenant right now (backplane down); the client resubscribes later. */
  UNAVAILABLE: 'unavailable',
  /** The body is larger than allowed. */
  PAYLOAD_TOO_LARGE: 'payload_too_large',
  /** Missing or invalid credential. */
  UNAUTHORIZED: 'unauthorized',
  NOT_FOUND: 'not_found',
  INTERNAL: 'internal',
} as const;

export type ErrorCodeValue = (typeof ErrorCode)[keyof typeof ErrorCode];

/** The shape every error takes when it crosses a process boundary (IPC, WebSocket, HTTP). */
export interface WireError {
  code: string;
  message: string;
}
