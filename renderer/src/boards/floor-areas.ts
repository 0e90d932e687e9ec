import type { BoardState, TableState } from '../../../protocol/board/board-state';
import {
  boardDirectory,
  locationBoard,
  unknownTables,
} from '../../../protocol/board/board-selectors';
import { directoryLocation } from '../../../protocol/tenant-directory';

/**
 * A location's floor as the tenant directory lays it out: one group per
 * configured area (its name, its tables, occupancy against its configured
 * count), then the tables events mention that the directory does not know,
 * marked unknown. Without a directory entry for the tenant there are no areas:
 * one group holds the tables seen so far. Pure, so the desktop and the wall
 * floor and the tests agree.
 */

/** A table to show: its state (a configured table no event mentioned yet is free), and whether the directory knows it. */
export type FloorTable = TableState & { unknown: boolean };

export interface FloorArea {
  /**
   * `area`: a directory area (`name` is its name); `unknown`: tables the directory
   * does not list; `seen`: the tenant has no directory entry, so only tables seen.
   */
  kind: 'area' | 'unknown' | 'seen';
  /** The area's name from the directory; null for `unknown` and `seen`. */
  name: string | null;
  /** Tables with an id, in the directory's order for listed ids, else in natural order. */
  tables: FloorTable[];
  occupied: number;
  /** Tables the area has: its listed ids or its count; for `unknown` and `seen`, the tables shown. */
  total: number;
  /**
   * Tables of an area configured only as a count that no event has named yet:
   * counted in `total` and free, but without an id to show.
   */
  unnamed: number;
}

/** Natural order for table ids, so T2 comes before T10. */
const byTableId = (a: { tableId: string }, b: { tableId: string }) =>
  a.tableId.localeCompare(b.tableId, undefined, { numeric: true });

function freeTable(tableId: string): FloorTable {
  return { tableId, occupied: false, covers: 0, since: 0, unknown: false };
}

function group(
  kind: FloorArea['kind'],
  name: string | null,
  tables: FloorTable[],
  unnamed = 0,
): FloorArea {
  const occupied = tables.filter((table) => table.occupied).length;
  return { kind, name, tables, occupied, total: tables.length + unnamed, unnamed };
}

/**
 * The areas of `location` with their tables. Areas that give only a count take
 * the seen ids that no area lists, in natural order (as `unknownTables` counts
 * them), up to their count; the seen ids left over are the unknown group, last.
 * Empty areas (no tables) are left out, and so is an empty unknown group.
 */
export function floorAreas(state: BoardState, location: string): FloorArea[] {
  const seen = new Map<string, TableState>(
    Object.values(locationBoard(state, location)?.tables ?? {}).map((table) => [
      table.tableId,
      table,
    ]),
  );
  const directory = boardDirectory(state);
  const shown = (table: TableState, unknown: boolean): FloorTable => ({ ...table, unknown });
  if (!directory)
    return seen.size === 0
      ? []
      : [group('seen', null, [...seen.values()].map((t) => shown(t, false)).sort(byTableId))];

  const unknown = unknownTables(state, location);
  const configured = directoryLocation(directory, location);
  const listed = new Set<string>();
  for (const area of configured?.areas ?? [])
    if (Array.isArray(area.tables)) for (const id of area.tables) listed.add(id);
  // Seen ids no area lists and the directory still counts: they fill the count-only areas.
  const unlisted = [...seen.values()]
    .filter((table) => !listed.has(table.tableId) && !unknown.has(table.tableId))
    .sort(byTableId);

  const areas: FloorArea[] = [];
  for (const area of configured?.areas ?? []) {
    if (Array.isArray(area.tables)) {
      const tables = area.tables.map((id) => {
        const table = seen.get(id);
        return table ? shown(table, false) : freeTable(id);
      });
      if (tables.length > 0) areas.push(group('area', area.name, tables));
      continue;
    }
    const taken = unlisted.splice(0, area.tables).map((table) => shown(table, false));
    if (area.tables > 0) areas.push(group('area', area.name, taken, area.tables - taken.length));
  }
  const strangers = [...seen.values()]
    .filter((table) => unknown.has(table.tableId))
    .map((table) => shown(table, true))
    .sort(byTableId);
  if (strangers.length > 0) areas.push(group('unknown', null, strangers));
  return areas;
}
