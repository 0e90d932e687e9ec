import type { SubscriptionFilter } from '../messages';
import type { BackoffOptions } from './backoff';
import type { Clock, RandomSource } from './clock';
import type { LinkEventName } from './link-events';
import type { SocketConstructor } from './socket-port';
import type { TokenSource } from './token-keeper';

export interface LinkClientOptions {
  /** `ws(s)://host[:port]/v1/ws`, without a token; the client appends `access_token`. */
  url: string;
  /** The WebSocket constructor: the browser's `WebSocket`, or `ws` in Node. */
  WebSocket: SocketConstructor;
  /** Token source; see `TokenSource`. */
  getToken: TokenSource;
  clock?: Clock;
  random?: RandomSource;
  backoff?: BackoffOptions;
  /** Live this long and the backoff count starts again from 1. Default 10 000 ms. */
  stableAfterMs?: number;
  /** Give up on an attempt that has no `welcome` after this long. Default 10 000 ms. */
  connectTimeoutMs?: number;
  /** Jitter window for a 1001 whose reason names none. Default 5 000 ms. */
  goingAwayFallbackMs?: number;
  /** Wait before resubscribing a tenant the hub called `unavailable`. Default 2 000 ms. */
  unavailableRetryMs?: number;
  /**
   * How long an operator action waits for the hub's answer before it fails with
   * `action_unconfirmed`. Default 10 000 ms.
   */
  actionTimeoutMs?: number;
  /**
   * Called when a listener throws. Long-lived hosts (the Electron main process) log
   * and carry on; without it the error is rethrown on a fresh stack.
   */
  onListenerError?: (error: unknown, event: LinkEventName) => void;
}

export interface SubscribeOptions {
  filter?: SubscriptionFilter;
  /** Known position, e.g. from a cache; the hub then replays from `seq + 1` when it still can. */
  resumeFrom?: { seq: number; epoch: string };
}
