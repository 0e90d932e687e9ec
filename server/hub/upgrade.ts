import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WireErrorCode } from '../../protocol/codes';
import {
  SUBPROTOCOL_V1,
  SUBPROTOCOL_V1_BATCH,
  SUBPROTOCOL_V1_HEARTBEAT,
  WS_PATH,
} from '../../protocol/ids';
import { hasScope } from '../../protocol/scopes';
import { AuthError } from '../auth/auth-error';
import type { TokenVerifier, VerifiedToken } from '../auth/jwt';
import { bearerToken } from '../auth/bearer';
import type { HubMetrics } from '../metrics/hub-metrics';
import { MISDIRECTED_MESSAGE } from '../http/request-guard';
import type { KeyedRateLimit } from './token-bucket';

export interface UpgradeDeps {
  verifier: TokenVerifier;
  metrics: HubMetrics;
  allowedOrigins: readonly string[];
  ipConnectLimit: KeyedRateLimit;
  isDraining: () => boolean;
  /** False for a Host header the hub does not serve (DNS rebinding); refused with 421 before the Origin check trusts it. */
  hostAllowed: (req: IncomingMessage) => boolean;
  /** Reserves a connection slot for a token subject; null when the subject holds its cap. */
  admitSubject: (sub: string) => (() => void) | null;
}

export type UpgradeDecision =
  | { ok: true; token: VerifiedToken; ip: string; release: () => void }
  | { ok: false; status: number; message: string };

/**
 * Decides on an upgrade before it happens, so a refused client never gets a socket:
 * path, draining, Host (421), per-IP rate, subprotocol, Origin, then the token (401), its read
 * scope (403) and its subject's connection cap (429). On success the caller owns `release`.
 */
export async function checkUpgrade(
  req: IncomingMessage,
  deps: UpgradeDeps,
): Promise<UpgradeDecision> {
  const url = new URL(req.url ?? '/', 'http://hub.invalid');
  if (url.pathname !== WS_PATH)
    return { ok: false, status: 404, message: `WebSocket endpoint is ${WS_PATH}` };
  if (deps.isDraining()) return { ok: false, status: 503, message: 'the hub is shutting down' };
  if (!deps.hostAllowed(req)) return { ok: false, status: 421, message: MISDIRECTED_MESSAGE };
  const ip = req.socket.remoteAddress ?? 'unknown';
  if (!deps.ipConnectLimit.take(ip))
    return {
      ok: false,
      status: 429,
      message: 'too many connections from this address; retry shortly',
    };
  const offered = offeredProtocols(req);
  if (
    offered.length > 0 &&
    !offered.includes(SUBPROTOCOL_V1) &&
    !offered.includes(SUBPROTOCOL_V1_BATCH) &&
    !offered.includes(SUBPROTOCOL_V1_HEARTBEAT)
  )
    return { ok: false, status: 400, message: `unsupported subprotocol; offer ${SUBPROTOCOL_V1}` };
  if (!originAllowed(req, deps.allowedOrigins)) {
    deps.metrics.authFailures.inc({ reason: 'origin' });
    return { ok: false, status: 403, message: 'origin not allowed (see HUB_ALLOWED_ORIGINS)' };
  }
  let token: VerifiedToken;
  try {
    token = await deps.verifier.verify(
      bearerToken(req.headers.authorization) ?? url.searchParams.get('access_token') ?? undefined,
    );
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    deps.metrics.authFailures.inc({ reason: error.reason });
    return {
      ok: false,
      status: error.reason === 'unavailable' ? 503 : 401,
      message: error.message,
    };
  }
  if (!hasScope(token.scope, 'read')) {
    deps.metrics.authFailures.inc({ reason: 'scope' });
    return { ok: false, status: 403, message: 'the token lacks the read scope' };
  }
  const release = deps.admitSubject(token.sub);
  if (!release)
    return {
      ok: false,
      status: 429,
      message:
        'this token subject holds its maximum of connections (HUB_MAX_CONNECTIONS_PER_SUBJECT)',
    };
  return { ok: true, token, ip, release };
}

/** Subprotocols offered by the client, in order. */
export function offeredProtocols(req: IncomingMessage): string[] {
  const header = req.headers['sec-websocket-protocol'];
  if (!header) return [];
  return header
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
}

/**
 * No Origin (native clients) and same-origin (the console the hub serves) are always
 * allowed; other origins only when listed in HUB_ALLOWED_ORIGINS.
 */
export function originAllowed(req: IncomingMessage, allowed: readonly string[]): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  if (allowed.includes(origin)) return true;
  const host = req.headers.host;
  if (!host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false; // "null" or garbage origins are refused, as any unlisted origin.
  }
}

/** Answers a refused upgrade with a plain HTTP response and closes the socket. */
export function refuseUpgrade(socket: Duplex, status: number, message: string): void {
  const body = JSON.stringify({ error: { code: statusCode(status), message } });
  const reason =
    {
      400: 'Bad Request',
      401: 'Unauthorized',
      403: 'Forbidden',
      404: 'Not Found',
      421: 'Misdirected Request',
      429: 'Too Many Requests',
      503: 'Service Unavailable',
    }[status] ?? 'Error';
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

function statusCode(status: number): WireErrorCode {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 429) return 'rate_limited';
  if (status === 503) return 'unavailable';
  return 'bad_request';
}
