import type { CloseAction } from '../codes/code-action';
import { closeAction, closeCodeInfo, parseRetryWindow } from '../codes/close-codes';
import type { RandomSource } from './clock';

/** What the link knows when a socket closes, besides the close frame itself. */
export interface CloseContext {
  random: RandomSource;
  /** Jitter window for a 1001 whose reason names none, ms. */
  goingAwayFallbackMs: number;
  /** Attempts in a row that closed before `welcome`, this one included. */
  preWelcomeFailures: number;
}

/** What to do about one close. */
export interface CloseDecision {
  /** The action of the codes table (unknown codes: `reconnect`, as for a dropped connection). */
  action: CloseAction;
  /** The status reason, e.g. `closed 4008 (slow_consumer): slow consumer`. */
  why: string;
  /** Throw the cached token away before the next attempt. */
  discardToken: boolean;
  /** Only for `reconnect_within_window`: wait this long instead of the backoff delay, ms. */
  delayMs?: number;
}

/**
 * Upgrades rejected with 401 look like plain drops (browsers hide the status), so
 * after this many failures before `welcome` the token is suspected and refetched.
 */
export const SUSPECT_TOKEN_AFTER_FAILURES = 2;

/**
 * The link's close policy, as a pure function of the close code, its reason and
 * the context: reads the action from `CLOSE_CODES` and works out the details.
 */
export function decideClose(code: number, reason: string, context: CloseContext): CloseDecision {
  const action = closeAction(code);
  const name = closeCodeInfo(code)?.name ?? 'unknown';
  const why = `closed ${code} (${name})${reason ? `: ${reason}` : ''}`;
  const discardToken =
    action === 'refresh_token' || context.preWelcomeFailures >= SUSPECT_TOKEN_AFTER_FAILURES;
  if (action !== 'reconnect_within_window') return { action, why, discardToken };
  const windowMs = parseRetryWindow(reason, context.goingAwayFallbackMs);
  return { action, why, discardToken, delayMs: Math.floor(context.random() * windowMs) };
}
