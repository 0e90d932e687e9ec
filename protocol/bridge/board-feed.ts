import type { BoardState } from '../board/board-state';
import type { SequencedEvent } from '../events';

/**
 * How fresh a tenant's board is:
 * - `loading`: nothing to show yet (no cache, no snapshot).
 * - `live`: in sync with the hub.
 * - `stale`: showing cached or last-known data while the link is down; `staleSince` says since when.
 * - `resyncing`: a gap or epoch change was detected; a fresh snapshot is on its way.
 */
export type Freshness = 'loading' | 'live' | 'stale' | 'resyncing';

/**
 * What a host pushes to a window about one tenant's board. A window keeps the
 * state from the last `reset` and applies `events` batches with the shared reducer.
 */
export type BoardUpdate =
  | {
      kind: 'reset';
      tenant: string;
      state: BoardState;
      seq: number;
      epoch: string;
      freshness: Freshness;
      /** When the data shown was last known good (snapshot or cache save time), epoch ms. */
      asOf: number;
      staleSince: number | null;
    }
  /** Consecutive events after the last one the window has; coalesced, so one message may carry hundreds. */
  | { kind: 'events'; tenant: string; events: SequencedEvent[] }
  | {
      kind: 'freshness';
      tenant: string;
      freshness: Freshness;
      staleSince: number | null;
      asOf: number;
    }
  | { kind: 'error'; tenant: string; code: string; message: string };
