import {
  BOARD_LIMITS,
  emptyDayTotals,
  type BoardState,
  type DayTotals,
  type LocationBoard,
} from './board-state';
import { copyIdRecord, emptyIdRecord, ownValue, setOwn } from './id-record';

/**
 * Adds an empty board for `location` unless it exists or the board already holds
 * `BOARD_LIMITS.locations` locations (then events of a new location change only
 * tenant-wide aggregates).
 */
export function ensureLocation(state: BoardState, location: string): BoardState {
  if (ownValue(state.locations, location)) return state;
  if (Object.keys(state.locations).length >= BOARD_LIMITS.locations) return state;
  return {
    ...state,
    locations: withEntry(state.locations, location, {
      day: emptyDayTotals(),
      tables: emptyIdRecord(),
      queues: {},
    }),
  };
}

/** Applies `change` to one location's board; the state is unchanged when the location is not kept. */
export function withLocation(
  state: BoardState,
  location: string,
  change: (board: LocationBoard) => LocationBoard,
): BoardState {
  const board = ownValue(state.locations, location);
  if (!board) return state;
  return { ...state, locations: withEntry(state.locations, location, change(board)) };
}

/** Updates both the tenant totals and the location's day totals with the same change. */
export function updateDay(
  state: BoardState,
  location: string,
  change: (day: DayTotals) => DayTotals,
): BoardState {
  const board = ownValue(state.locations, location);
  return {
    ...state,
    totals: change(state.totals),
    locations: board
      ? withEntry(state.locations, location, { ...board, day: change(board.day) })
      : state.locations,
  };
}

/** Index of the last item of `list` that `matches`, or -1 (lists are newest last, so this is the newest). */
export function lastIndexWhere<T>(list: readonly T[], matches: (item: T) => boolean): number {
  for (let index = list.length - 1; index >= 0; index -= 1)
    if (matches(list[index] as T)) return index;
  return -1;
}

export function appendBounded<T>(list: readonly T[], item: T, limit: number): T[] {
  const next = list.length >= limit ? list.slice(list.length - limit + 1) : list.slice();
  next.push(item);
  return next;
}

/**
 * Containers copied during the current `reduceAll` batch. A container in this set
 * was created by the batch and is not yet visible to anyone, so later events of
 * the same batch may update it in place instead of copying it again. Outside a
 * batch it is null and every update copies, which keeps `reduce` pure.
 */
let batchOwned: WeakSet<object> | null = null;

/** Runs `apply` as one batch: big maps are copied at most once for all its events. */
export function inBatch<T>(apply: () => T): T {
  const outer = batchOwned;
  batchOwned = outer ?? new WeakSet();
  try {
    return apply();
  } finally {
    batchOwned = outer;
  }
}

/**
 * Returns `map` with `key` set to `value` (or removed when `value` is undefined)
 * without touching `map` itself, unless `map` was already copied by this batch.
 * Copies follow the id-record policy (see id-record.ts), so any id is a plain key.
 */
export function withEntry<V>(
  map: Record<string, V>,
  key: string,
  value: V | undefined,
): Record<string, V> {
  if (batchOwned?.has(map)) {
    setOwn(map, key, value);
    return map;
  }
  const copy = copyIdRecord(map);
  setOwn(copy, key, value);
  batchOwned?.add(copy);
  return copy;
}
