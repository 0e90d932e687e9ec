import { describe, expect, it } from 'vitest';
import { reduce } from './board/board-reducer';
import {
  boardDirectory,
  configuredOccupancy,
  locationLabel,
  tableOccupancy,
  unknownTables,
} from './board/board-selectors';
import { createBoardState, type BoardState } from './board/board-state';
import {
  DEFAULT_KITCHEN_THRESHOLDS,
  tenantDirectoryEntrySchema,
  tenantDirectoryInputSchema,
  tenantDisplayNameIn,
  withDirectory,
  type TenantDirectoryEntry,
} from './tenant-directory';

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
      localizedNames: [{ locale: 'ar', name: 'بيروت - وسط البلد' }],
      areas: [
        { name: 'Indoor', tables: ['T1', 'T2', 'T3'] },
        { name: 'Terrace', tables: 2 },
      ],
      thresholds: { lateAfterMin: 12, overdueAfterMin: 20, staleAfterMin: 45 },
    },
    { id: 'byblos', displayName: 'Byblos', areas: [{ name: 'Hall', tables: 10 }] },
  ],
  revision: 1,
  updatedAt: 0,
});

let seq = 0;
function seat(state: BoardState, location: string, tableId: string): BoardState {
  seq += 1;
  return reduce(state, {
    seq,
    ts: 1_700_000_000_000 + seq,
    event: { id: `e${seq}`, type: 'table.seated', location, data: { tableId, covers: 2 } },
  } as never);
}

describe('the tenant directory', () => {
  it('fills defaults and refuses unordered thresholds, bad zones, bad currencies and too many tables', () => {
    const minimal = tenantDirectoryInputSchema.parse({
      displayName: 'X',
      locations: [{ id: 'a', displayName: 'A' }],
    });
    expect(minimal).toMatchObject({ timeZone: 'UTC', currency: null, locales: [] });
    expect(minimal.locations[0]?.thresholds).toEqual(DEFAULT_KITCHEN_THRESHOLDS);
    const bad = [
      { displayName: 'X', timeZone: 'Europe/Nowhere' },
      { displayName: 'X', currency: 'EURO' },
      { displayName: 'X', locales: ['English!'] },
      {
        displayName: 'X',
        locations: [
          {
            id: 'a',
            displayName: 'A',
            thresholds: { lateAfterMin: 5, overdueAfterMin: 5, staleAfterMin: 9 },
          },
        ],
      },
      {
        displayName: 'X',
        locations: [
          {
            id: 'a',
            displayName: 'A',
            areas: [
              { name: 'a', tables: 200 },
              { name: 'b', tables: 101 },
            ],
          },
        ],
      },
      {
        displayName: 'X',
        locations: [{ id: 'a', displayName: 'A', areas: [{ name: 'a', tables: ['T1', 'T1'] }] }],
      },
    ];
    for (const input of bad)
      expect(tenantDirectoryInputSchema.safeParse(input).success).toBe(false);
  });

  it('names a location in the UI language, else its display name, and knows nothing of other ids', () => {
    const state = withDirectory(createBoardState(), ENTRY);
    expect(locationLabel(state, 'downtown', 'ar-u-nu-latn')).toBe('بيروت - وسط البلد');
    expect(locationLabel(state, 'downtown', 'en-GB')).toBe('Beirut Downtown');
    expect(locationLabel(state, 'byblos', 'ar')).toBe('Byblos');
    expect(locationLabel(state, '__proto__', 'en')).toBeUndefined();
    expect(locationLabel(createBoardState(), 'downtown', 'en')).toBeUndefined();
  });

  it('gives the board its time zone and currency, survives the reducer, and can be dropped', () => {
    let state = withDirectory(createBoardState(), ENTRY);
    expect(state).toMatchObject({ timeZone: 'Asia/Beirut', currency: 'LBP' });
    state = seat(state, 'downtown', 'T1');
    expect(boardDirectory(state)).toEqual(ENTRY);
    expect(boardDirectory(withDirectory(state, null))).toBeNull();
    // A damaged entry is ignored, not trusted.
    expect(boardDirectory({ ...state, directory: { id: 'x' } } as BoardState)).toBeNull();
  });

  it('counts occupancy against configured tables, and counts and marks tables the directory does not know', () => {
    let state = withDirectory(createBoardState(), ENTRY);
    expect(configuredOccupancy(state)).toEqual({
      occupied: 0,
      total: 15,
      configured: 15,
      unknown: 0,
    });
    state = seat(state, 'downtown', 'T1');
    // Two unlisted ids fill the count-only terrace; the third is unknown.
    state = seat(state, 'downtown', 'P1');
    state = seat(state, 'downtown', 'P2');
    state = seat(state, 'downtown', 'P3');
    expect([...unknownTables(state, 'downtown')]).toEqual(['P3']);
    expect(configuredOccupancy(state, 'downtown')).toEqual({
      occupied: 4,
      total: 6,
      configured: 5,
      unknown: 1,
    });
    // A location the entry lacks: all of its tables are unknown.
    state = seat(state, 'pop-up', 'X1');
    expect(configuredOccupancy(state, 'pop-up')).toEqual({
      occupied: 1,
      total: 1,
      configured: null,
      unknown: 1,
    });
    expect(configuredOccupancy(state)).toMatchObject({ occupied: 5, total: 17, unknown: 2 });
  });

  it('without an entry, occupancy is the tables seen so far, as before', () => {
    const state = seat(seat(createBoardState(), 'downtown', 'T1'), 'downtown', 'T2');
    expect(configuredOccupancy(state)).toEqual({
      occupied: 2,
      total: 2,
      configured: null,
      unknown: 0,
    });
    expect(tableOccupancy(state)).toEqual({ occupied: 2, known: 2 });
  });
});

describe("a group's name in the UI language", () => {
  const names = {
    displayName: 'مجموعة الأرز',
    localizedNames: [
      { locale: 'en', name: 'Cedar Group' },
      { locale: 'fr-LB', name: 'Groupe du Cèdre' },
    ],
  };

  it('is the localized name whose language matches, else the display name, else nothing', () => {
    expect(tenantDisplayNameIn(names, 'en-GB')).toBe('Cedar Group');
    expect(tenantDisplayNameIn(names, 'fr')).toBe('Groupe du Cèdre');
    expect(tenantDisplayNameIn(names, 'ar-u-nu-latn')).toBe('مجموعة الأرز');
    expect(tenantDisplayNameIn({ displayName: 'Harbor Eats' }, 'ar')).toBe('Harbor Eats');
    expect(tenantDisplayNameIn(null, 'en')).toBeUndefined();
  });

  it('is optional in stored entries, so entries written before it stay valid, and is checked like a location’s names', () => {
    const { localizedNames: _none, ...withoutNames } = ENTRY;
    expect(tenantDirectoryEntrySchema.safeParse(withoutNames).success).toBe(true);
    const input = tenantDirectoryInputSchema.parse(names);
    expect(input.localizedNames).toEqual(names.localizedNames);
    expect(
      tenantDirectoryInputSchema.safeParse({
        displayName: 'Cedar',
        localizedNames: [{ locale: 'Arabic', name: 'x' }],
      }).success,
    ).toBe(false);
    expect(
      tenantDirectoryInputSchema.safeParse({
        displayName: 'Cedar',
        localizedNames: Array.from({ length: 9 }, (_, i) => ({ locale: 'en', name: `n${i}` })),
      }).success,
    ).toBe(false);
  });
});
