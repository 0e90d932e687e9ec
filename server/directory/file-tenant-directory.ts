import { mkdirSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { z } from 'zod';
import { writeJsonAtomically } from '../../node-shared/json-file';
import { describeIssues } from '../../protocol/messages';
import {
  tenantDirectoryEntrySchema,
  type TenantDirectoryEntry,
  type TenantDirectoryInput,
} from '../../protocol/tenant-directory';
import {
  DirectoryCorruptError,
  TenantExistsError,
  nextEntry,
  validateDirectoryInput,
  type TenantDirectory,
} from './tenant-directory';

export interface FileTenantDirectoryOptions {
  /** The hub's data directory; the directory lives in `<dataDir>/tenants.json` (mode 0600). */
  dataDir: string;
  now?: () => number;
  /** How often watchers look for changes other processes wrote, ms (default 1000). */
  pollMs?: number;
  /** Where a failed poll is reported. */
  logger?: Logger;
}

const directoryFileSchema = z.strictObject({
  version: z.literal(1),
  tenants: z.array(tenantDirectoryEntrySchema).max(10_000),
});
type DirectoryFile = z.infer<typeof directoryFileSchema>;

/**
 * The tenant directory in `<dataDir>/tenants.json`, the embedded default. Reads
 * check whether the file changed on disk (inode, size, mtime), so a running hub
 * sees what `ops-hub tenants` wrote; watchers poll for that. Writes are atomic
 * and re-read the file first. A damaged file is refused whole with
 * DirectoryCorruptError: no entry of it is used.
 */
export class FileTenantDirectory implements TenantDirectory {
  private readonly path: string;
  private readonly now: () => number;
  private cache: { stamp: string; byId: Map<string, TenantDirectoryEntry> } | null = null;
  private writes: Promise<unknown> = Promise.resolve();
  private readonly listeners = new Set<(id: string) => void>();
  private poller: NodeJS.Timeout | null = null;
  private seen: Map<string, number> | null = null;

  /** @throws when `dataDir` cannot be created. */
  constructor(private readonly options: FileTenantDirectoryOptions) {
    mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
    this.path = join(options.dataDir, 'tenants.json');
    this.now = options.now ?? Date.now;
  }

  async get(id: string): Promise<TenantDirectoryEntry | null> {
    return (await this.read()).get(id) ?? null;
  }

  async list(): Promise<TenantDirectoryEntry[]> {
    return [...(await this.read()).values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  async add(id: string, fields: TenantDirectoryInput): Promise<TenantDirectoryEntry> {
    const valid = validateDirectoryInput(id, fields);
    return this.mutate(id, (byId) => {
      if (byId.has(id)) throw new TenantExistsError(id);
      return nextEntry(id, valid, null, this.now());
    });
  }

  async put(id: string, fields: TenantDirectoryInput): Promise<TenantDirectoryEntry> {
    const valid = validateDirectoryInput(id, fields);
    return this.mutate(id, (byId) => nextEntry(id, valid, byId.get(id) ?? null, this.now()));
  }

  async remove(id: string): Promise<boolean> {
    return (await this.mutate(id, (byId) => (byId.has(id) ? null : undefined))) === null;
  }

  watch(listener: (id: string) => void): () => void {
    this.listeners.add(listener);
    if (!this.poller) {
      this.poller = setInterval(() => void this.poll(), this.options.pollMs ?? 1000);
      this.poller.unref();
      void this.poll();
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0 && this.poller) {
        clearInterval(this.poller);
        this.poller = null;
        this.seen = null;
      }
    };
  }

  async close(): Promise<void> {
    if (this.poller) clearInterval(this.poller);
    this.poller = null;
    this.listeners.clear();
    await this.writes;
  }

  /** Compares revisions with the last poll and tells watchers which entries changed. */
  private async poll(): Promise<void> {
    let byId: Map<string, TenantDirectoryEntry>;
    try {
      byId = await this.read();
    } catch (error) {
      // Every read reports a damaged file; watchers keep the last good view meanwhile.
      this.options.logger?.error({ err: error }, 'tenant directory cannot be read');
      return;
    }
    const now = new Map([...byId].map(([id, entry]) => [id, entry.revision]));
    const before = this.seen;
    this.seen = now;
    if (!before) return;
    for (const [id, revision] of now) if (before.get(id) !== revision) this.emit(id);
    for (const id of before.keys()) if (!now.has(id)) this.emit(id);
  }

  private emit(id: string): void {
    for (const listener of this.listeners) listener(id);
  }

  /** The file's entries by id, re-read only when it changed on disk. @throws DirectoryCorruptError */
  private async read(): Promise<Map<string, TenantDirectoryEntry>> {
    let stamp: string;
    try {
      const info = await stat(this.path);
      stamp = `${info.ino}:${info.size}:${info.mtimeMs}`;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
      throw error;
    }
    if (this.cache?.stamp === stamp) return this.cache.byId;
    const data = parseFile(await readFile(this.path, 'utf8'), this.path);
    const byId = new Map(data.tenants.map((entry) => [entry.id, entry]));
    if (byId.size !== data.tenants.length)
      throw new DirectoryCorruptError(`${this.path} lists a tenant twice; fix it or move it away`);
    this.cache = { stamp, byId };
    return byId;
  }

  /**
   * Runs `change` on the current entries and writes the result: an entry replaces
   * `id`'s, null removes it, undefined writes nothing. Serialized per instance.
   */
  private mutate<T extends TenantDirectoryEntry | null | undefined>(
    id: string,
    change: (byId: Map<string, TenantDirectoryEntry>) => T,
  ): Promise<T> {
    const run = this.writes.then(async () => {
      const byId = new Map(await this.read());
      const result = change(byId);
      if (result === undefined) return result;
      if (result === null) byId.delete(id);
      else byId.set(id, result);
      const file: DirectoryFile = { version: 1, tenants: [...byId.values()] };
      await writeJsonAtomically(this.path, file);
      // This instance's own change is told now; the poll must not tell it again.
      if (result === null) this.seen?.delete(id);
      else this.seen?.set(id, result.revision);
      this.emit(id);
      return result;
    });
    // The caller gets the failure through `run`; the queue itself must keep going.
    this.writes = run.catch(() => undefined);
    return run;
  }
}

function parseFile(text: string, path: string): DirectoryFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new DirectoryCorruptError(
      `${path} is not valid JSON; fix it or move it away and add the tenants again`,
      { cause: error },
    );
  }
  const result = directoryFileSchema.safeParse(json);
  if (!result.success)
    throw new DirectoryCorruptError(
      `${path} is not a valid tenant directory (${describeIssues(result.error)}); fix it or move it away`,
    );
  return result.data;
}
