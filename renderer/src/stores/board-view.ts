import { reduceAll, type BoardState } from '../../../protocol/board';
import type { BoardUpdate, Freshness } from '../../../protocol/bridge/board-feed';
import type { WireError } from '../../../protocol/codes';

/**
 * What a window knows about one tenant's board: the reduced state plus how far
 * it can be trusted. Pure data; `applyBoardUpdates` is the only way it changes.
 */
export interface BoardView {
  tenant: string;
  /** Null until the first `reset`. */
  state: BoardState | null;
  freshness: Freshness;
  /** When the data shown was last known good, epoch ms. */
  asOf: number | null;
  staleSince: number | null;
  epoch: string | null;
  /** Last error the host reported for this tenant (a rejected update included); cleared by the next reset. */
  error: WireError | null;
  /** Local time the view last changed, epoch ms. */
  updatedAt: number | null;
}

export function emptyBoardView(tenant: string): BoardView {
  return {
    tenant,
    state: null,
    freshness: 'loading',
    asOf: null,
    staleSince: null,
    epoch: null,
    error: null,
    updatedAt: null,
  };
}

/**
 * Applies a batch of host updates in order. The updates are trusted: the host bridge
 * checked each one where it entered this process (`receiveBoardUpdate` in the Electron
 * preload, the worker-protocol schema on the SharedWorker port), and turned a board it
 * cannot read into an `error` update, which keeps the previous state.
 * Updates for another tenant are ignored.
 */
export function applyBoardUpdates(
  view: BoardView,
  updates: readonly BoardUpdate[],
  now: number,
): BoardView {
  let next = view;
  for (const update of updates) next = applyOne(next, update);
  return next === view ? view : { ...next, updatedAt: now };
}

function applyOne(view: BoardView, update: BoardUpdate): BoardView {
  if (update.tenant !== view.tenant) return view;
  switch (update.kind) {
    case 'reset':
      return {
        ...view,
        state: update.state,
        freshness: update.freshness,
        asOf: update.asOf,
        staleSince: update.staleSince,
        epoch: update.epoch,
        error: null,
      };
    case 'events': {
      // Events before the first reset have nothing to apply to; the reset will include them.
      if (!view.state) return view;
      const state = reduceAll(view.state, update.events);
      return state === view.state ? view : { ...view, state };
    }
    case 'freshness':
      return {
        ...view,
        freshness: update.freshness,
        staleSince: update.staleSince,
        asOf: update.asOf,
      };
    case 'error':
      return { ...view, error: { code: update.code, message: update.message } };
  }
}
