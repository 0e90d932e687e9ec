/**
 * The console's IndexedDB database: `ops-console`, with one object store for
 * cached board snapshots and one for the last signed-in profile (never a token
 * or a password). Works in a window and in a (shared) worker.
 */

export const DB_NAME = 'ops-console';
export const DB_VERSION = 1;
export const SNAPSHOT_STORE = 'snapshots';
export const PROFILE_STORE = 'profiles';

/** Opens (and on first use creates) the database. @throws DOMException when IndexedDB is unavailable or blocked. */
export function openConsoleDatabase(factory: IDBFactory = indexedDB): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(SNAPSHOT_STORE)) db.createObjectStore(SNAPSHOT_STORE);
      if (!db.objectStoreNames.contains(PROFILE_STORE)) db.createObjectStore(PROFILE_STORE);
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB open failed'));
    request.onblocked = () =>
      reject(
        new Error(
          'IndexedDB open is blocked by another tab holding an older version; close other console tabs.',
        ),
      );
  });
}

/** Runs one request in its own transaction and resolves with its result once the transaction commits. */
export function runRequest<T>(
  db: IDBDatabase,
  storeName: string,
  mode: IDBTransactionMode,
  make: (store: IDBObjectStore) => IDBRequest<T>,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(storeName, mode);
    const request = make(tx.objectStore(storeName));
    tx.oncomplete = () => resolve(request.result);
    tx.onerror = () =>
      reject(tx.error ?? request.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}
