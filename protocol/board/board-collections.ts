import type { BoardState, DayTotals } from './board-state';

/** Updates both the tenant totals and the location's day totals with the same change. */
export function updateDay(
  state: BoardState,
  location: string,
  change: (day: DayTotals) => DayTotals,
): BoardState {
  const board = state.locations[location];
  return {
    ...state,
    totals: change(state.totals),
    locations: board
      ? { ...state.locations, [location]: { ...board, day: change(board.day) } }
      : state.locations,
  };
}

export function appendBounded<T>(list: readonly T[], item: T, limit: number): T[] {
  const next = list.length >= limit ? list.slice(list.length - limit + 1) : list.slice();
  next.push(item);
  return next;
}
