import { isBoardState, isTenantId } from '../../../protocol';
import type { BoardState } from '../../../protocol';
import { openConsoleDatabase, runRequest, SNAPSHOT_STORE } from './indexeddb-database';

/** One cached board: what the hub last sent for a tenant, and when it was saved. */
export interface CachedSnapshot {
  tenant: string;
  seq: number;
  epoch: string;
  /** Epoch ms when the snapshot was written. */
  savedAt: number;
  state: BoardState;
}

const RECORD_VERSION = 1;

interface SnapshotRecord extends CachedSnapshot {
  v: typeof RECORD_VERSION;
  profileId: string;
}

/**
 * The IndexedDB snapshot cache of one profile: one record per tenant, keyed
 * `<profileId>\u0000<tenant>`. A record that is corrupt, foreign or of another
 * version is deleted with a console warning and read as "no cache"; it never
 * throws into the caller. Writes are not throttled here; the session decides
 * how often to save.
 */
export class IndexedDbSnapshotStore {
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
      raw = await runRequest(await this.open(), SNAPSHOT_STORE, 'readonly', (store) => store.get(key));
    } catch (error) {
      console.warn(`[ops-console] Could not read the cached board of ${tenant}; starting without it.`, error);
      return null;
    }
    if (raw === undefined) return null;
    const record = validRecord(raw, this.profileId, tenant);
    if (record) return { tenant: record.tenant, seq: record.seq, epoch: record.epoch, savedAt: record.savedAt, state: record.state };
    console.warn(`[ops-console] Discarded a corrupt cached board for ${tenant}; it is rebuilt from the next snapshot.`);
    await this.remove(tenant);
    return null;
  }

  /** Saves (replaces) the snapshot of `snapshot.tenant`. I/O failures are logged, never thrown. */
  async save(snapshot: CachedSnapshot): Promise<void> {
    const record: SnapshotRecord = { v: RECORD_VERSION, profileId: this.profileId, ...snapshot };
    try {
      await runRequest(await this.open(), SNAPSHOT_STORE, 'readwrite', (store) => store.put(record, this.key(snapshot.tenant)));
    } catch (error) {
      console.warn(`[ops-console] Could not cache the board of ${snapshot.tenant}.`, error);
    }
  }

  /** Deletes the cached snapshot of one tenant. */
  async remove(tenant: string): Promise<void> {
    try {
      await runRequest(await this.open(), SNAPSHOT_STORE, 'readwrite', (store) => store.delete(this.key(tenant)));
    } catch (error) {
      console.warn(`[ops-console] Could not delete the cached board of ${tenant}.`, error);
    }
  }

  /** Deletes every cached snapshot of this profile (sign-out). */
  async clear(): Promise<void> {
    const prefix = this.profileId + '\u0000';
    try {
      const range = IDBKeyRange.bound(prefix, prefix + '\uffff');
      await runRequest(await this.open(), SNAPSHOT_STORE, 'readwrite', (store) => store.delete(range));
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

function validRecord(raw: unknown, profileId: string, tenant: string): SnapshotRecord | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Partial<SnapshotRecord>;
  if (r.v !== RECORD_VERSION || r.profileId !== profileId || r.tenant !== tenant || !isTenantId(r.tenant)) return null;
  if (typeof r.seq !== 'number' || !Number.isInteger(r.seq) || r.seq < 0) return null;
  if (typeof r.epoch !== 'string' || r.epoch.length === 0) return null;
  if (typeof r.savedAt !== 'number' || !Number.isFinite(r.savedAt)) return null;
  if (!isBoardState(r.state) || r.state.seq !== r.seq) return null;
  return r as SnapshotRecord;
}
