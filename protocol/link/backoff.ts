import type { RandomSource } from './clock';

/** Reconnect backoff tuning, ms. */
export interface BackoffOptions {
  baseMs: number;
  capMs: number;
}

/**
 * Caps at 4 s. The link retries only while the host says the network is up (offline
 * stops retrying until the online signal), so a failing attempt means the hub is down,
 * frozen or restarting, and a client must be live within 5 s of the hub accepting
 * connections again (issue 12). Full jitter still spreads a herd of wall displays over
 * the whole window.
 */
export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 500, capMs: 4000 };

/**
 * The ceiling of the delay before reconnect attempt `attempt` (1-based):
 * `min(cap, base * 2^(attempt-1))`.
 * @throws RangeError when `attempt` is not a positive integer.
 */
export function backoffCeiling(attempt: number, options: BackoffOptions = DEFAULT_BACKOFF): number {
  if (!Number.isInteger(attempt) || attempt < 1) {
    throw new RangeError(`backoff attempt must be a positive integer, got ${attempt}`);
  }
  // Cap the exponent first so huge attempt counts cannot overflow to Infinity.
  const exponent = Math.min(attempt - 1, 30);
  return Math.min(options.capMs, options.baseMs * 2 ** exponent);
}

/**
 * Full-jitter delay (AWS "Exponential Backoff and Jitter"): uniform in
 * `[0, ceiling)`, so a fleet of clients that lost the hub together does not
 * come back together. Pure: `random` is injected.
 */
export function backoffDelay(
  attempt: number,
  random: RandomSource,
  options: BackoffOptions = DEFAULT_BACKOFF,
): number {
  return Math.floor(random() * backoffCeiling(attempt, options));
}
