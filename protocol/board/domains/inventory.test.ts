import { describe, expect, it } from 'vitest';
import { reduceAll } from '../board-reducer';
import { lowStock } from '../board-selectors';
import { beirutBoard, sequence } from '../../../test-support/board-events';

describe('the inventory domain', () => {
  it('lists inventory at or below threshold as low stock, lowest ratio first', () => {
    const state = reduceAll(
      beirutBoard(),
      sequence([
        {
          type: 'inventory.level',
          location: 'jounieh',
          data: { sku: 'chicken', name: 'Chicken', qty: 4, threshold: 10, unit: 'kg' },
        },
        {
          type: 'inventory.level',
          location: 'jounieh',
          data: { sku: 'rice', name: 'Rice', qty: 50, threshold: 10 },
        },
        {
          type: 'inventory.level',
          location: 'downtown',
          data: { sku: 'bread', name: 'Bread', qty: 1, threshold: 10 },
        },
      ]),
    );
    expect(lowStock(state).map((item) => item.sku)).toEqual(['bread', 'chicken']);
  });
});
