import { parseCachedSnapshot } from '../../../protocol/session';
import type { CachedSnapshot, SnapshotStore } from '../../../protocol/session';
import { openConsoleDatabase, runRequest, SNAPSHOT_STORE } from './indexeddb-database';

const RECORD_VERSION = 1;

/** What is stored per key: the snapshot, plus whose and which tenant's it is. */
interface SnapshotRecord extends CachedSnapshot {
  v: typeof RECORD_VERSION;
  profileId: string;
  tenant: string;
}

/**
 * The IndexedDB snapshot cache of one profile: one record per tenant, keyed
 * `<profileId>\u0000<tenant>`. A record that is corrupt, foreign or of another
 * version is deleted with a console warning and read as "no cache"; it never
 * throws into the caller. Writes are not throttled here; the session
 * (protocol/session) decides how often to save.
 */
export class IndexedDbSnapshotStore implements SnapshotStore {
  private db: Promise<IDBDatabase> | null = null;

  constructor(
    private readonly profileId: string,
    private readonly factory: IDBFactory = indexedDB,
  ) {}

  /** The cached snapshot of `tenant`, or null when there is none or it was unusable. */
  async load(tenant: string): Promise<CachedSnapshot | null> {
    const key = this.key(tenant);
    let raw: unknown;
    try {
      raw = await runRequest(await this.open(), SNAPSHOT_STORE, 'readonly', (store) =>
        store.get(key),
      );
    } catch (error) {
      console.warn(
        `[ops-console] Could not read the cached board of ${tenant}; starting without it.`,
        error,
      );
      return null;
    }
    if (raw === undefined) return null;
    const problem = recordProblem(raw, this.profileId, tenant);
    const parsed = problem ? null : parseCachedSnapshot(raw);
    if (parsed?.ok) return parsed.snapshot;
    console.warn(
      `[ops-console] Discarded a corrupt cached board for ${tenant} (${problem ?? (parsed && !parsed.ok ? parsed.error : 'unreadable')}); it is rebuilt from the next snapshot.`,
    );
    await this.delete(tenant);
    return null;
  }

  /** Saves (replaces) the snapshot of `tenant`. I/O failures are logged, never thrown. */
  async save(tenant: string, snapshot: CachedSnapshot): Promise<void> {
    const record: SnapshotRecord = {
      v: RECORD_VERSION,
      profileId: this.profileId,
      tenant,
      seq: snapshot.seq,
      epoch: snapshot.epoch,
      savedAt: snapshot.savedAt,
      state: snapshot.state,
    };
    try {
      await runRequest(await this.open(), SNAPSHOT_STORE, 'readwrite', (store) =>
        store.put(record, this.key(tenant)),
      );
    } catch (error) {
      console.warn(`[ops-console] Could not cache the board of ${tenant}.`, error);
    }
  }

  /** Deletes the cached snapshot of one tenant. */
  async delete(tenant: string): Promise<void> {
    try {
      await runRequest(await this.open(), SNAPSHOT_STORE, 'readwrite', (store) =>
        store.delete(this.key(tenant)),
      );
    } catch (error) {
      console.warn(`[ops-console] Could not delete the cached board of ${tenant}.`, error);
    }
  }

  /** Deletes every cached snapshot of this profile (sign-out). */
  async clear(): Promise<void> {
    const prefix = this.profileId + '\u0000';
    try {
      const range = IDBKeyRange.bound(prefix, prefix + '\uffff');
      await runRequest(await this.open(), SNAPSHOT_STORE, 'readwrite', (store) =>
        store.delete(range),
      );
    } catch (error) {
      console.warn('[ops-console] Could not clear the board cache.', error);
    }
  }

  private key(tenant: string): string {
    return `${this.profileId}\u0000${tenant}`;
  }

  private open(): Promise<IDBDatabase> {
    if (!this.db) {
      this.db = openConsoleDatabase(this.factory);
      this.db.catch(() => {
        this.db = null;
      });
    }
    return this.db;
  }
}

/** Why a stored record is not this profile's record of this tenant, or null when it is. */
function recordProblem(raw: unknown, profileId: string, tenant: string): string | null {
  if (typeof raw !== 'object' || raw === null) return 'not an object';
  const record = raw as Partial<SnapshotRecord>;
  if (record.v !== RECORD_VERSION) return `record version ${String(record.v)}`;
  if (record.profileId !== profileId || record.tenant !== tenant)
    return 'stored under the wrong key';
  return null;
}
