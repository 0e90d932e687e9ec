import { isBoardState, reduceAll, type BoardState } from '../../../protocol/board';
import type { BoardUpdate, Freshness } from '../../../protocol/bridge/board-feed';
import type { WireError } from '../../../protocol/error-codes';
import type { SequencedEvent } from '../../../protocol/events';

/**
 * What a window knows about one tenant's board: the reduced state plus how far
 * it can be trusted. Pure data; `applyBoardUpdates` is the only way it changes.
 */
export interface BoardView {
  tenant: string;
  /** Null until the first valid `reset`. */
  state: BoardState | null;
  freshness: Freshness;
  /** When the data shown was last known good, epoch ms. */
  asOf: number | null;
  staleSince: number | null;
  epoch: string | null;
  /** Last error the host reported for this tenant, or a rejected update; cleared by the next valid reset. */
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

const FRESHNESS: readonly Freshness[] = ['loading', 'live', 'stale', 'resyncing'];

/**
 * Applies a batch of host updates in order. Invalid updates are skipped and
 * recorded in `error`, so bad data never crashes a board: a reset that fails
 * `isBoardState` keeps the previous state, and malformed events are dropped.
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
  if (!update || typeof update !== 'object' || update.tenant !== view.tenant) return view;
  switch (update.kind) {
    case 'reset':
      if (!isBoardState(update.state)) {
        return {
          ...view,
          error: {
            code: 'bad_state',
            message: 'The host sent a board this version cannot read; keeping the last good data.',
          },
        };
      }
      return {
        ...view,
        state: update.state,
        freshness: validFreshness(update.freshness, view.freshness),
        asOf: finiteOr(update.asOf, view.asOf),
        staleSince: finiteOr(update.staleSince, null),
        epoch: typeof update.epoch === 'string' ? update.epoch : view.epoch,
        error: null,
      };
    case 'events': {
      // Events before the first reset have nothing to apply to; the reset will include them.
      if (!view.state || !Array.isArray(update.events)) return view;
      const state = reduceAll(view.state, update.events.filter(isSequencedEvent));
      return state === view.state ? view : { ...view, state };
    }
    case 'freshness':
      return {
        ...view,
        freshness: validFreshness(update.freshness, view.freshness),
        staleSince: finiteOr(update.staleSince, null),
        asOf: finiteOr(update.asOf, view.asOf),
      };
    case 'error':
      return { ...view, error: { code: String(update.code), message: String(update.message) } };
    default:
      return view;
  }
}

function validFreshness(value: unknown, fallback: Freshness): Freshness {
  return FRESHNESS.includes(value as Freshness) ? (value as Freshness) : fallback;
}

function finiteOr<T extends number | null>(value: unknown, fallback: T): number | T {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

function isSequencedEvent(value: unknown): value is SequencedEvent {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Partial<SequencedEvent>;
  const event = record.event as Partial<SequencedEvent['event']> | undefined;
  return (
    typeof record.seq === 'number' &&
    typeof record.ts === 'number' &&
    typeof event === 'object' &&
    event !== null &&
    typeof event.type === 'string' &&
    typeof event.id === 'string' &&
    typeof event.data === 'object' &&
    event.data !== null
  );
}
