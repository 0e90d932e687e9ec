import { BOARD_LIMITS, type BoardState, type TableState } from '../board-state';
import { withEntry, withLocation } from '../board-collections';
import { ownValue } from '../id-record';
import type { DomainSteps } from './domain-step';

/**
 * The tables domain (`table.seated`, `table.cleared`): which tables of each location
 * are occupied, by how many covers, since when. A location keeps at most
 * `BOARD_LIMITS.tablesPerLocation` tables; events for further tables are ignored.
 * @internal
 */
export const tablesDomain: DomainSteps = {
  'table.seated': (state, { location, ts, data }) =>
    withTable(state, location, {
      tableId: data.tableId,
      occupied: true,
      covers: data.covers,
      since: ts,
    }),
  'table.cleared': (state, { location, ts, data }) =>
    withTable(state, location, { tableId: data.tableId, occupied: false, covers: 0, since: ts }),
};

function withTable(state: BoardState, location: string, table: TableState): BoardState {
  return withLocation(state, location, (board) => {
    if (
      !ownValue(board.tables, table.tableId) &&
      Object.keys(board.tables).length >= BOARD_LIMITS.tablesPerLocation
    )
      return board;
    return { ...board, tables: withEntry(board.tables, table.tableId, table) };
  });
}
