import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import {
  assertTenantKey,
  parseCachedSnapshot,
  type CachedSnapshot,
  type SnapshotStore,
} from '../../protocol/session/snapshot-store';
import { readJsonFile, writeJsonAtomically } from '../../node-shared/json-file';

/** Log lines the cache writes: one per discarded file. */
export interface CacheLog {
  warn(object: object, message: string): void;
}

/**
 * The snapshot cache of one profile: one JSON file per tenant,
 * `<dataDir>/cache/<profileId>/<tenant>.json` holding `{seq, epoch, savedAt, state}`.
 * Writes are atomic (temp file, fsync, rename); the throttling (≤ one write per
 * 2 s per tenant, plus a flush on quit) is BoardSession's. A truncated, garbage
 * or foreign file is deleted with a log line and reads as "no cache".
 */
export class FileSnapshotStore implements SnapshotStore {
  constructor(
    readonly dir: string,
    private readonly log: CacheLog,
  ) {}

  /** The cache folder of a profile under a data dir. */
  static dirFor(dataDir: string, profileId: string): string {
    if (!/^[a-z0-9-]{1,64}$/.test(profileId))
      throw new TypeError(`profile id ${JSON.stringify(profileId)} is not a safe folder name`);
    return join(dataDir, 'cache', profileId);
  }

  fileFor(tenant: string): string {
    assertTenantKey(tenant);
    return join(this.dir, `${tenant}.json`);
  }

  async load(tenant: string): Promise<CachedSnapshot | null> {
    const file = this.fileFor(tenant);
    let read;
    try {
      read = await readJsonFile(file);
    } catch (error) {
      this.log.warn(
        { file, err: error instanceof Error ? error.message : String(error) },
        'cache file unreadable; ignoring it',
      );
      return null;
    }
    if (read.kind === 'missing') return null;
    const parsed =
      read.kind === 'ok'
        ? parseCachedSnapshot(read.value)
        : { ok: false as const, error: `not JSON (${read.reason})` };
    if (parsed.ok) return parsed.snapshot;
    this.log.warn(
      { file, tenant, problem: parsed.error },
      'discarding a damaged cache file; the board will be rebuilt from the next snapshot',
    );
    await rm(file, { force: true });
    return null;
  }

  async save(tenant: string, snapshot: CachedSnapshot): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    await writeJsonAtomically(this.fileFor(tenant), snapshot, { createDir: true });
  }

  async delete(tenant: string): Promise<void> {
    await rm(this.fileFor(tenant), { force: true });
  }

  async clear(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }

  /** Tenants with a cache file (damaged or not). */
  async tenants(): Promise<string[]> {
    try {
      return (await readdir(this.dir))
        .filter((name) => name.endsWith('.json') && !name.startsWith('.'))
        .map((name) => name.slice(0, -5));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }
}
