import { describe, expect, it } from 'vitest';
import { reduceAll } from '../../../protocol/board/board-reducer';
import { configuredOccupancy } from '../../../protocol/board/board-selectors';
import { createBoardState, type BoardState } from '../../../protocol/board/board-state';
import type { SequencedEvent } from '../../../protocol/events';
import {
  tenantDirectoryEntrySchema,
  withDirectory,
  type TenantDirectoryEntry,
} from '../../../protocol/tenant-directory';
import { floorAreas } from './floor-areas';

const NOON = Date.UTC(2026, 10, 27, 10, 0, 0);

const ENTRY: TenantDirectoryEntry = tenantDirectoryEntrySchema.parse({
  id: 'cedar-group',
  displayName: 'Cedar Group',
  timeZone: 'Asia/Beirut',
  currency: 'LBP',
  locales: ['ar', 'en'],
  locations: [
    {
      id: 'downtown',
      displayName: 'Beirut Downtown',
      areas: [
        { name: 'Hall', tables: ['T1', 'T2', 'T10'] },
        { name: 'Terrace', tables: 3 },
        { name: 'Closed for winter', tables: [] },
      ],
    },
    { id: 'byblos', displayName: 'Byblos', areas: [] },
  ],
  revision: 1,
  updatedAt: 0,
});

let seq = 0;
function seated(location: string, tableId: string, covers = 2): SequencedEvent {
  seq += 1;
  return {
    seq,
    ts: NOON + seq,
    event: { type: 'table.seated', id: `s${seq}`, location, data: { tableId, covers } },
  };
}

function board(events: SequencedEvent[], entry: TenantDirectoryEntry | null = ENTRY): BoardState {
  seq = 0;
  return reduceAll(withDirectory(createBoardState({ currency: 'LBP' }), entry), events);
}

const ids = (tables: { tableId: string }[]) => tables.map((table) => table.tableId);

describe('floorAreas', () => {
  it("lists each configured area with its tables in the directory's order, occupancy per area, and leaves empty areas out", () => {
    const state = board([seated('downtown', 'T10'), seated('downtown', 'T2')]);
    const areas = floorAreas(state, 'downtown');
    expect(areas.map((area) => [area.kind, area.name])).toEqual([
      ['area', 'Hall'],
      ['area', 'Terrace'],
    ]);
    expect(ids(areas[0]!.tables)).toEqual(['T1', 'T2', 'T10']);
    expect(areas[0]!.tables.map((table) => table.occupied)).toEqual([false, true, true]);
    expect([areas[0]!.occupied, areas[0]!.total]).toEqual([2, 3]);
    // A count-only area with no table seen yet: three free tables without ids.
    expect([areas[1]!.tables.length, areas[1]!.unnamed, areas[1]!.total]).toEqual([0, 3, 3]);
  });

  it('gives a count-only area the seen ids no area lists, in natural order, and puts the rest in an unknown group', () => {
    const state = board(
      ['T12', 'T4', 'T30', 'T11', 'Z9'].map((table) => seated('downtown', table, 1)),
    );
    const [hall, terrace, unknown] = floorAreas(state, 'downtown');
    expect(ids(hall!.tables)).toEqual(['T1', 'T2', 'T10']);
    expect(ids(terrace!.tables)).toEqual(['T4', 'T11', 'T12']);
    expect([terrace!.occupied, terrace!.unnamed, terrace!.total]).toEqual([3, 0, 3]);
    expect(unknown!.kind).toBe('unknown');
    expect(ids(unknown!.tables)).toEqual(['T30', 'Z9']);
    expect(unknown!.tables.every((table) => table.unknown)).toBe(true);
    // The groups add up to the location's occupancy against the directory.
    const occupancy = configuredOccupancy(state, 'downtown');
    const groups = floorAreas(state, 'downtown');
    expect(groups.reduce((sum, area) => sum + area.total, 0)).toBe(occupancy.total);
    expect(groups.reduce((sum, area) => sum + area.occupied, 0)).toBe(occupancy.occupied);
    expect(unknown!.tables.length).toBe(occupancy.unknown);
  });

  it('marks every seen table unknown at a location the directory has no areas for, or does not list', () => {
    const state = board([seated('byblos', 'T1'), seated('tripoli', 'A1')]);
    expect(floorAreas(state, 'byblos').map((area) => [area.kind, ids(area.tables)])).toEqual([
      ['unknown', ['T1']],
    ]);
    expect(floorAreas(state, 'tripoli').map((area) => [area.kind, ids(area.tables)])).toEqual([
      ['unknown', ['A1']],
    ]);
  });

  it('without a directory entry shows the tables seen so far as one group, none unknown', () => {
    const state = board([seated('downtown', 'T10'), seated('downtown', 'T9')], null);
    const areas = floorAreas(state, 'downtown');
    expect(areas.map((area) => [area.kind, area.name, ids(area.tables)])).toEqual([
      ['seen', null, ['T9', 'T10']],
    ]);
    expect(areas[0]!.tables.some((table) => table.unknown)).toBe(false);
    expect(floorAreas(state, 'nowhere')).toEqual([]);
  });
});
