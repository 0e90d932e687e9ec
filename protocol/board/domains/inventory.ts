import { BOARD_LIMITS, type InventoryItem } from '../board-state';
import { withEntry } from '../board-collections';
import { ownValue } from '../id-record';
import type { DomainSteps } from './domain-step';

/**
 * The inventory domain (`inventory.level`): the latest stock level of each SKU per
 * location, keyed `location|sku`. At most `BOARD_LIMITS.inventoryItems` items; levels
 * for further items are ignored.
 * @internal
 */
export const inventoryDomain: DomainSteps = {
  'inventory.level': (state, { location, ts, data }) => {
    const key = `${location}|${data.sku}`;
    if (
      !ownValue(state.inventory, key) &&
      Object.keys(state.inventory).length >= BOARD_LIMITS.inventoryItems
    )
      return state;
    const item: InventoryItem = {
      sku: data.sku,
      name: data.name,
      location,
      qty: data.qty,
      threshold: data.threshold,
      ...(data.unit ? { unit: data.unit } : {}),
      at: ts,
    };
    return { ...state, inventory: withEntry(state.inventory, key, item) };
  },
};
