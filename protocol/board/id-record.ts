/**
 * The one policy for every id-keyed collection of a board (locations, tables,
 * open orders, summarised orders, inventory, metrics, feed fields).
 *
 * Ids come from producers, so an id may be `__proto__`, `constructor`,
 * `toString`, `hasOwnProperty` or `valueOf`. On a plain object those read an
 * inherited member or set the prototype. The board is also serialised into
 * snapshots and checkpoints and parsed back with `JSON.parse`, which gives plain
 * objects again. So the policy has two halves that hold whatever the prototype:
 * - reads go through `ownValue`, an own-property check, never `map[id]`;
 * - writes go through `withId` (or `emptyIdRecord`), which build null-prototype
 *   copies, where assigning `__proto__` is an ordinary property.
 * `Object.keys/values/entries` only list own properties and stay safe as they are.
 */

/** A collection keyed by ids from input. Read it with `ownValue`, write it with `withId`. */
export type IdRecord<V> = Record<string, V>;

const hasOwn = Object.prototype.hasOwnProperty;

/** A fresh null-prototype record. */
export function emptyIdRecord<V>(): IdRecord<V> {
  return Object.create(null) as IdRecord<V>;
}

/** The value stored under `id`, or undefined; never an inherited member. */
export function ownValue<V>(record: IdRecord<V>, id: string): V | undefined {
  return hasOwn.call(record, id) ? record[id] : undefined;
}

/** A null-prototype copy of `record` (for intake of parsed data and for copy-on-write). */
export function copyIdRecord<V>(record: IdRecord<V>): IdRecord<V> {
  const copy = emptyIdRecord<V>();
  // for-in is several times faster than spread or Object.assign for large records; a
  // null-prototype source has no inherited keys, a parsed one is checked key by key.
  if (Object.getPrototypeOf(record) === null) for (const id in record) copy[id] = record[id] as V;
  else for (const id of Object.keys(record)) copy[id] = record[id] as V;
  return copy;
}

/**
 * Sets (or, with `value` undefined, removes) `id` on `record` in place. Only for a
 * record this caller just created (a copy from `copyIdRecord`/`emptyIdRecord`).
 */
export function setOwn<V>(record: IdRecord<V>, id: string, value: V | undefined): void {
  if (value === undefined) delete record[id];
  else if (Object.getPrototypeOf(record) === null) record[id] = value;
  else
    Object.defineProperty(record, id, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
}

/** A null-prototype copy of `record` with `id` set to `value` (or removed when undefined). */
export function withId<V>(record: IdRecord<V>, id: string, value: V | undefined): IdRecord<V> {
  const copy = copyIdRecord(record);
  setOwn(copy, id, value);
  return copy;
}
