import type { Freshness } from '../../../protocol/bridge/board-feed';

/**
 * When the data a board shows was last known good, epoch ms, or null before any.
 * A stale board is as old as its snapshot (`asOf`); a board the host still calls
 * live is as fresh as its last event (`lastEventAt`, 0 before any).
 */
export function boardDataTime(
  freshness: Freshness,
  asOf: number | null,
  lastEventAt: number,
): number | null {
  if (freshness === 'stale') return asOf;
  if (asOf === null) return lastEventAt > 0 ? lastEventAt : null;
  return Math.max(asOf, lastEventAt);
}
