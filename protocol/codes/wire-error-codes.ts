import type { CodeAction } from './code-action';

/** One row of a string-code table: the code, what it means, and what a client does about it. */
export interface CodeInfo<C extends string = string> {
  readonly code: C;
  readonly meaning: string;
  readonly action: CodeAction;
}

/**
 * Codes the hub puts on the wire: in recoverable `error` frames (the connection
 * stays open) and in HTTP error bodies `{"error":{"code","message"}}`.
 * docs/protocol.md lists the same rows; a unit test keeps the two in sync.
 */
export const WIRE_ERROR_CODES = [
  {
    code: 'bad_request',
    meaning: 'malformed JSON, unknown frame type or invalid fields; the connection stays open',
    action: 'show',
  },
  {
    code: 'forbidden',
    meaning:
      'the tenant is not in the token, or the scope is missing; nothing of that tenant is sent',
    action: 'show',
  },
  {
    code: 'auth_failed',
    meaning:
      'in-band `auth` was rejected (invalid token or a different `sub`); the old token stays in force',
    action: 'refresh_token',
  },
  {
    code: 'too_many_subscriptions',
    meaning: 'more than `HUB_MAX_SUBSCRIPTIONS` on one connection',
    action: 'show',
  },
  {
    code: 'rate_limited',
    meaning: 'too many frames or requests per second (`HUB_MESSAGE_RATE`, burst 2×); slow down',
    action: 'retry',
  },
  {
    code: 'unavailable',
    meaning:
      'the backplane or token check cannot serve the request now; subscribe or send again later',
    action: 'retry',
  },
  { code: 'payload_too_large', meaning: 'HTTP body over the limit', action: 'show' },
  {
    code: 'unauthorized',
    meaning: 'HTTP: missing or invalid credential; sign in again',
    action: 'auth_required',
  },
  {
    code: 'not_found',
    meaning:
      'HTTP: no such route or file; an `action` frame: its target (alert or open ticket) is not on the board',
    action: 'show',
  },
  {
    code: 'internal',
    meaning: 'the hub (or host) hit an unexpected error handling the frame or request',
    action: 'show',
  },
] as const satisfies readonly CodeInfo[];

/** A code the hub may send in an `error` frame or an HTTP error body. */
export type WireErrorCode = (typeof WIRE_ERROR_CODES)[number]['code'];

/** The wire codes as a non-empty tuple, for `z.enum`. */
export const WIRE_ERROR_CODE_VALUES = WIRE_ERROR_CODES.map((row) => row.code) as [
  WireErrorCode,
  ...WireErrorCode[],
];

/** Named constants for the wire codes, so call sites read `ErrorCode.FORBIDDEN`. */
export const ErrorCode = {
  BAD_REQUEST: 'bad_request',
  FORBIDDEN: 'forbidden',
  AUTH_FAILED: 'auth_failed',
  TOO_MANY_SUBSCRIPTIONS: 'too_many_subscriptions',
  RATE_LIMITED: 'rate_limited',
  UNAVAILABLE: 'unavailable',
  PAYLOAD_TOO_LARGE: 'payload_too_large',
  UNAUTHORIZED: 'unauthorized',
  NOT_FOUND: 'not_found',
  INTERNAL: 'internal',
} as const satisfies Record<string, WireErrorCode>;
