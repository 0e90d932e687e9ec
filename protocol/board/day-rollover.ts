import { dayKeyOf } from './day-key';
import { emptyDayTotals, type BoardState, type LocationBoard } from './board-state';
import { emptyIdRecord, setOwn } from './id-record';

/**
 * Starts a new "today" when an event's tenant-local day (in the board's time zone)
 * is later than the board's: the tenant and location day totals reset. Pure.
 * An event stamped on an earlier day (clock skew between hub instances) changes nothing.
 * @internal
 */
export function rollDay(state: BoardState, ts: number): BoardState {
  const dayKey = dayKeyOf(ts, state.timeZone);
  if (state.dayKey === dayKey) return state;
  if (state.dayKey !== null && dayKey < state.dayKey) return state;
  const locations = emptyIdRecord<LocationBoard>();
  for (const [key, board] of Object.entries(state.locations))
    setOwn(locations, key, { ...board, day: emptyDayTotals() });
  if (state.dayKey === null) return { ...state, dayKey, totals: emptyDayTotals(), locations };
  // A new day's totals start at its first event, so a gap in an earlier day's history no longer matters.
  const { totalsSince: _earlierGap, ...rest } = state;
  return { ...rest, dayKey, totals: emptyDayTotals(), locations };
}
