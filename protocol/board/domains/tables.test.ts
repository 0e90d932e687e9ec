import { describe, expect, it } from 'vitest';
import { reduceAll } from '../board-reducer';
import { tableOccupancy } from '../board-selectors';
import { beirutBoard, sequence } from '../../../test-support/board-events';

describe('the tables domain', () => {
  it('keeps tables occupied out of known per location', () => {
    const state = reduceAll(
      beirutBoard(),
      sequence([
        { type: 'table.seated', location: 'downtown', data: { tableId: 'T1', covers: 4 } },
        { type: 'table.seated', location: 'downtown', data: { tableId: 'T2', covers: 2 } },
        { type: 'table.cleared', location: 'downtown', data: { tableId: 'T1' } },
        { type: 'table.seated', location: 'jounieh', data: { tableId: 'T1', covers: 3 } },
      ]),
    );
    expect(tableOccupancy(state, 'downtown')).toEqual({ occupied: 1, known: 2 });
    expect(tableOccupancy(state)).toEqual({ occupied: 2, known: 3 });
    expect(state.trend.at(-1)?.occupiedTables).toBe(2);
  });
});
