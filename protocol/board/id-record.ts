/**
 * The one policy for every id-keyed collection of a board (locations, tables,
 * open orders, summarised orders, inventory, metrics, feed fields).
 *
 * Ids come from producers, so an id may be `__proto__`, `constructor`,
 * `toString`, `hasOwnProperty` or `valueOf`. On a plain object `record[id]` then
 * reads an inherited member, and `record['__proto__'] = x` sets the prototype.
 * The board is serialised into snapshots and checkpoints and parsed back with
 * `JSON.parse` (plain objects, an own `__proto__` key included), so the policy
 * must hold whatever the prototype. It is:
 * - reads go through `ownValue` (an own-property check), never `record[id]`;
 * - writes go through `withId`/`setOwn`: copies by spread, which defines own
 *   properties, and `__proto__` defined as an own property, never assigned.
 * `Object.keys/values/entries` and spread only see own properties and stay as they are.
 * Plain objects rather than null-prototype ones: V8 keeps small plain objects in
 * fast mode, which keeps the reducer's per-event copies cheap.
 */

/** A collection keyed by ids from input. Read it with `ownValue`, write it with `withId`. */
export type IdRecord<V> = Record<string, V>;

const hasOwn = Object.prototype.hasOwnProperty;

/** A fresh, empty record. */
export function emptyIdRecord<V>(): IdRecord<V> {
  return {};
}

/** The value stored under `id`, or undefined; never an inherited member. */
export function ownValue<V>(record: IdRecord<V>, id: string): V | undefined {
  return hasOwn.call(record, id) ? record[id] : undefined;
}

/** A copy of `record` with the same own entries (for copy-on-write). */
export function copyIdRecord<V>(record: IdRecord<V>): IdRecord<V> {
  return { ...record };
}

/**
 * Sets (or, with `value` undefined, removes) `id` on `record` in place. Only for a
 * record this caller just created (a copy from `copyIdRecord`/`emptyIdRecord`).
 */
export function setOwn<V>(record: IdRecord<V>, id: string, value: V | undefined): void {
  if (value === undefined) delete record[id];
  // Only `__proto__` is an accessor on Object.prototype; every other name assigns an own property.
  else if (id === '__proto__')
    Object.defineProperty(record, id, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  else record[id] = value;
}

/** A copy of `record` with `id` set to `value` (or removed when undefined). */
export function withId<V>(record: IdRecord<V>, id: string, value: V | undefined): IdRecord<V> {
  const copy = copyIdRecord(record);
  setOwn(copy, id, value);
  return copy;
}
