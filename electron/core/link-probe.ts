import WebSocket from 'ws';
import type { Clock } from '../../protocol/link/clock';
import { LinkClient } from '../../protocol/link/link-client';
import type { SocketConstructor } from '../../protocol/link/socket-port';
import type { TokenSource } from '../../protocol/link/token-keeper';
import { wsUrlOf } from './hub-url';

/** What a short link attempt found: the link came up, the hub refused the credential, or it could not be reached. */
export interface LinkProbeResult {
  state: 'live' | 'auth_required' | 'unreachable';
  /** In plain words, from the link's own transition reason. */
  reason: string;
}

export interface LinkProbeOptions {
  /** A normalised hub base URL (see `normalizeHubUrl`). */
  hubUrl: string;
  getToken: TokenSource;
  /** Give up after this long, ms. Default 8000. */
  timeoutMs?: number;
  /** Defaults to `ws`. */
  WebSocket?: SocketConstructor;
  clock?: Clock;
}

/**
 * Opens the real link (token endpoint, then the WebSocket up to `welcome`),
 * reports how far it got, and stops it. One attempt only: the first failure is
 * the answer, so `ops-console status` never sits in a backoff.
 */
export function probeLink(options: LinkProbeOptions): Promise<LinkProbeResult> {
  const timeoutMs = options.timeoutMs ?? 8000;
  const link = new LinkClient({
    url: wsUrlOf(options.hubUrl),
    WebSocket: options.WebSocket ?? (WebSocket as unknown as SocketConstructor),
    getToken: options.getToken,
    clock: options.clock,
    connectTimeoutMs: timeoutMs,
  });
  const clock = options.clock ?? {
    setTimeout,
    clearTimeout: (h: unknown) => clearTimeout(h as NodeJS.Timeout),
  };
  return new Promise<LinkProbeResult>((resolve) => {
    let done = false;
    const finish = (result: LinkProbeResult) => {
      if (done) return;
      done = true;
      clock.clearTimeout(timer);
      off();
      link.stop('status checked');
      resolve(result);
    };
    // Covers a token request that hangs; the connect timeout covers a silent WebSocket.
    const timer = clock.setTimeout(
      () => finish({ state: 'unreachable', reason: `no answer within ${timeoutMs} ms` }),
      timeoutMs + 1000,
    );
    const off = link.on('state', ({ to, reason }) => {
      if (to === 'live') finish({ state: 'live', reason });
      else if (to === 'auth_required') finish({ state: 'auth_required', reason });
      else if (to === 'reconnecting') finish({ state: 'unreachable', reason });
    });
    link.start();
  });
}
