/**
 * When to renew a token in-band, and how far the hub's clock is from ours.
 * Pure functions; the link client owns the timers.
 */

/** Fraction of a token's lifetime after which it is renewed. */
export const RENEW_AT_FRACTION = 0.8;
/** Never schedule a renewal closer than this to a token's expiry, ms. */
export const RENEW_MIN_MARGIN_MS = 500;

/**
 * Offset to add to a local time to get hub time, ms, estimated from a frame that
 * carried `serverTime`. With a round trip (ping→pong) the hub stamped the frame
 * about halfway through it, so the midpoint is used.
 */
export function estimateSkew(
  serverTime: number,
  sentAtLocal: number,
  receivedAtLocal: number,
): number {
  const midpoint = sentAtLocal + (receivedAtLocal - sentAtLocal) / 2;
  return serverTime - midpoint;
}

export interface RenewalInput {
  /** Local time the token was obtained, epoch ms. */
  obtainedAtLocal: number;
  /** Token expiry as the hub states it, epoch seconds (JWT `exp`). */
  expSeconds: number;
  /** Hub time minus local time, ms (see `estimateSkew`). */
  skewMs: number;
  /** Local time now, epoch ms. */
  now: number;
  /**
   * How long fetching a token has been taking, ms. The renewal starts at least
   * twice that before expiry, so a slow token endpoint (password hashing under
   * load) still answers before the hub closes with 4001.
   */
  fetchLatencyMs?: number;
}

/** Local time, epoch ms, at which a token expires by the hub's clock. */
export function localExpiry(expSeconds: number, skewMs: number): number {
  return expSeconds * 1000 - skewMs;
}

/**
 * Delay from `now` until the in-band renewal, ms: at 80% of the lifetime that
 * remained when the token was obtained, and at least `RENEW_MIN_MARGIN_MS` (or
 * twice the token fetch latency) before expiry. Zero when that moment has passed.
 */
export function renewalDelay(input: RenewalInput): number {
  const expiresAt = localExpiry(input.expSeconds, input.skewMs);
  const lifetime = Math.max(0, expiresAt - input.obtainedAtLocal);
  const lead = Math.max(RENEW_MIN_MARGIN_MS, 2 * (input.fetchLatencyMs ?? 0));
  const at = Math.min(input.obtainedAtLocal + lifetime * RENEW_AT_FRACTION, expiresAt - lead);
  return Math.max(0, at - input.now);
}

/** True when a token with this local expiry is still worth presenting to the hub. */
export function tokenUsable(
  expiresAtLocal: number | undefined,
  now: number,
  marginMs = 1000,
): boolean {
  return expiresAtLocal !== undefined && expiresAtLocal - now > marginMs;
}
