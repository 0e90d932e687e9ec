import { isBoardState, type BoardState } from '../board/board-state';
import { TENANT_ID_PATTERN } from '../ids';

/** One tenant's last known board, as a host keeps it between runs. */
export interface CachedSnapshot {
  seq: number;
  epoch: string;
  /** When it was written, epoch ms; shown as "as of" while stale. */
  savedAt: number;
  state: BoardState;
}

/**
 * Where a host keeps cached boards for one profile: files in Electron core,
 * IndexedDB in the browser host. Implementations must validate what they load
 * (see `parseCachedSnapshot`) and never throw for damaged data: they discard it
 * and answer null.
 */
export interface SnapshotStore {
  load(tenant: string): Promise<CachedSnapshot | null>;
  save(tenant: string, snapshot: CachedSnapshot): Promise<void>;
  delete(tenant: string): Promise<void>;
  /** Deletes every cached board of the profile (sign-out). */
  clear(): Promise<void>;
}

export type CacheParseResult =
  { ok: true; snapshot: CachedSnapshot } | { ok: false; error: string };

/** Validates a decoded cache record; the error says what was wrong, for the log line. */
export function parseCachedSnapshot(value: unknown): CacheParseResult {
  if (typeof value !== 'object' || value === null) return { ok: false, error: 'not an object' };
  const record = value as Partial<CachedSnapshot>;
  if (typeof record.seq !== 'number' || !Number.isInteger(record.seq) || record.seq < 0)
    return { ok: false, error: 'seq is not a non-negative integer' };
  if (typeof record.epoch !== 'string' || record.epoch.length === 0 || record.epoch.length > 128)
    return { ok: false, error: 'epoch is not a string' };
  if (typeof record.savedAt !== 'number' || !Number.isFinite(record.savedAt))
    return { ok: false, error: 'savedAt is not a number' };
  if (!isBoardState(record.state)) return { ok: false, error: 'state is not a board state' };
  if (record.state.seq !== record.seq)
    return { ok: false, error: `state.seq ${record.state.seq} does not match seq ${record.seq}` };
  return {
    ok: true,
    snapshot: {
      seq: record.seq,
      epoch: record.epoch,
      savedAt: record.savedAt,
      state: record.state,
    },
  };
}

/** Guards store keys: a tenant id doubles as a file name, so it must be a valid id. */
export function assertTenantKey(tenant: string): void {
  if (!TENANT_ID_PATTERN.test(tenant))
    throw new TypeError(
      `not a tenant id: ${JSON.stringify(tenant)} (must match ${TENANT_ID_PATTERN})`,
    );
}

/** A store that keeps nothing, for hosts that must not persist (and for tests). */
export class MemorySnapshotStore implements SnapshotStore {
  readonly entries = new Map<string, CachedSnapshot>();
  async load(tenant: string): Promise<CachedSnapshot | null> {
    return this.entries.get(tenant) ?? null;
  }
  async save(tenant: string, snapshot: CachedSnapshot): Promise<void> {
    this.entries.set(tenant, snapshot);
  }
  async delete(tenant: string): Promise<void> {
    this.entries.delete(tenant);
  }
  async clear(): Promise<void> {
    this.entries.clear();
  }
}
