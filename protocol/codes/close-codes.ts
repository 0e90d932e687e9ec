import type { CloseAction } from './code-action';

export type { CloseAction } from './code-action';

/**
 * Every WebSocket close code of protocol v1 (sent by the hub, or by the client when
 * it drops a link on purpose), with what a client must do about it. The hub and
 * every client read this one table (the centrifuge-js `codes.ts` idea).
 */
export interface CloseCodeInfo {
  code: number;
  name: string;
  meaning: string;
  action: CloseAction;
}

export const CloseCode = {
  NORMAL: 1000,
  GOING_AWAY: 1001,
  POLICY: 1008,
  FRAME_TOO_BIG: 1009,
  TRY_AGAIN_LATER: 1013,
  CLIENT_GIVE_UP: 4000,
  TOKEN_EXPIRED: 4001,
  FORBIDDEN: 4003,
  SLOW_CONSUMER: 4008,
  PROTOCOL_VIOLATIONS: 4400,
} as const;

export const CLOSE_CODES: readonly CloseCodeInfo[] = [
  { code: 1000, name: 'normal', meaning: 'closed on purpose by either side', action: 'reconnect' },
  {
    code: 1001,
    name: 'going_away',
    meaning: 'the hub is shutting down or restarting',
    action: 'reconnect_within_window',
  },
  {
    code: 1006,
    name: 'abnormal',
    meaning: 'the connection dropped without a close frame (network, crash)',
    action: 'reconnect',
  },
  {
    code: 1008,
    name: 'policy',
    meaning: 'the connection broke a hub policy (limits on connections or subscriptions)',
    action: 'reconnect',
  },
  {
    code: 1009,
    name: 'frame_too_big',
    meaning: 'a frame exceeded the hub maxPayload',
    action: 'reconnect',
  },
  {
    code: 1011,
    name: 'internal_error',
    meaning: 'the hub hit an unexpected condition',
    action: 'reconnect',
  },
  { code: 1013, name: 'try_again_later', meaning: 'the hub is overloaded', action: 'reconnect' },
  {
    code: 4000,
    name: 'client_give_up',
    meaning: 'the client dropped the link on purpose (dead link, stale token, superseded attempt)',
    action: 'reconnect',
  },
  {
    code: 4001,
    name: 'token_expired',
    meaning: 'the token expired and was not renewed in-band in time',
    action: 'refresh_token',
  },
  {
    code: 4003,
    name: 'forbidden',
    meaning: 'the credential was revoked or is not allowed',
    action: 'auth_required',
  },
  {
    code: 4008,
    name: 'slow_consumer',
    meaning: 'the client read too slowly and its buffer passed the bound',
    action: 'reconnect',
  },
  {
    code: 4400,
    name: 'protocol_violations',
    meaning: 'too many malformed or unknown frames',
    action: 'reconnect',
  },
];

const byCode = new Map(CLOSE_CODES.map((info) => [info.code, info]));

/** What to do about a close code; unknown codes are treated as a dropped connection. */
export function closeAction(code: number): CloseAction {
  return byCode.get(code)?.action ?? 'reconnect';
}

/** The table row of a close code, or undefined for a code outside the table. */
export function closeCodeInfo(code: number): CloseCodeInfo | undefined {
  return byCode.get(code);
}

const RETRY_WITHIN = /retry-within-ms=(\d{1,6})/;

/**
 * The close reason a hub sends with 1001, asking clients to spread their reconnects
 * over `windowMs`. Close reasons are capped at 123 bytes, so this stays tiny.
 */
export function goingAwayReason(windowMs: number): string {
  return `hub shutting down; retry-within-ms=${Math.max(0, Math.round(windowMs))}`;
}

/** Reads the jitter window out of a 1001 close reason; `fallbackMs` when absent. */
export function parseRetryWindow(reason: string, fallbackMs: number): number {
  const match = RETRY_WITHIN.exec(reason);
  return match ? Number(match[1]) : fallbackMs;
}
