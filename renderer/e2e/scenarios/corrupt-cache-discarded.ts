import { expect } from 'vitest';
import { CEDAR, USERS, type ConsoleHarness } from '../console-harness';
import {
  boardRoute,
  kpiValue,
  locationRow,
  waitForDeliveredSeq,
  waitForLinkState,
} from '../console-page';
import { orderAt, probeLocation } from '../probe-events';
import { signInToOverview } from '../sign-in-to-overview';

/** Runs in a page of the hub's origin: the keys of the IndexedDB board cache, optionally overwriting every record with garbage first. */
const SNAPSHOT_KEYS = async (corrupt: boolean): Promise<string[]> => {
  type Request<T> = { result: T; onsuccess: (() => void) | null; onerror: (() => void) | null };
  type Store = {
    getAllKeys(): Request<string[]>;
    put(value: unknown, key: string): Request<unknown>;
  };
  type Db = {
    transaction(
      name: string,
      mode: string,
    ): { objectStore(name: string): Store; oncomplete: (() => void) | null };
    close(): void;
  };
  const idb = (globalThis as unknown as { indexedDB: { open(name: string): Request<Db> } })
    .indexedDB;
  const done = <T>(request: Request<T>) =>
    new Promise<T>(
      (resolve, reject) => (
        (request.onsuccess = () => resolve(request.result)),
        (request.onerror = reject)
      ),
    );
  const db = await done(idb.open('ops-console'));
  const keys = await done(
    db.transaction('snapshots', 'readonly').objectStore('snapshots').getAllKeys(),
  );
  if (corrupt) {
    const tx = db.transaction('snapshots', 'readwrite');
    for (const key of keys)
      tx.objectStore('snapshots').put({ v: 1, state: 'garbage', seq: 'x' }, key);
    await new Promise<void>((resolve) => (tx.oncomplete = () => resolve()));
  }
  db.close();
  return keys;
};

/** A corrupt cached board is discarded (never shown, never a crash) and rebuilt from the next snapshot. */
export async function corruptCacheDiscarded(harness: ConsoleHarness): Promise<void> {
  const page = await signInToOverview(harness, USERS.cedarOnly);
  const probe = probeLocation('cached');
  const last = await harness.publish(CEDAR, [orderAt(probe)]);
  await waitForDeliveredSeq(page, CEDAR, last.lastSeq ?? 0);
  // Leaving the console releases the board, which saves it to IndexedDB.
  await page.goto('about:blank');
  const other = await harness.browser.newPage();
  await other.goto(`${harness.hub.url}/readyz`);
  await expect.poll(() => other.evaluate(SNAPSHOT_KEYS, false)).toHaveLength(1);
  expect(await other.evaluate(SNAPSHOT_KEYS, true)).toHaveLength(1);

  await harness.hub.kill();
  await page.goto(harness.consoleUrl + boardRoute(CEDAR, 'overview'));
  await waitForLinkState(page, ['offline', 'reconnecting']);
  // The garbage record is deleted instead of shown; the page stays up and says it is reconnecting.
  await expect.poll(() => other.evaluate(SNAPSHOT_KEYS, false), { timeout: 5000 }).toHaveLength(0);
  expect(await locationRow(page, probe).count()).toBe(0);
  expect(harness.browser.consoleLines.filter((line) => line.startsWith('pageerror'))).toEqual([]);

  await harness.hub.restart();
  await waitForLinkState(page, ['live'], 45_000);
  await kpiValue(page, 'Orders today').waitFor({ timeout: 10_000 });
  // The next snapshot rebuilds the cache (saved when the board is released).
  await page.goto('about:blank');
  await expect.poll(() => other.evaluate(SNAPSHOT_KEYS, false), { timeout: 5000 }).toHaveLength(1);
}
