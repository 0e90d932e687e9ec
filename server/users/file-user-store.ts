import { mkdirSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { writeJsonAtomically } from '../../node-shared/json-file';
import {
  storedApiKeySchema,
  storedUserSchema,
  type CredentialRepository,
  type StoredApiKey,
  type StoredUser,
} from './credential-repository';
import { CredentialStore } from './credential-store';
import type { ScryptParams } from './password-hash';
import { UserStoreCorruptError } from './user-store';

export interface FileUserStoreOptions {
  /** The hub's data directory; credentials live in `<dataDir>/users.json` (mode 0600). */
  dataDir: string;
  /** scrypt parameters for new hashes (tests lower the cost). */
  scryptParams?: ScryptParams;
  now?: () => number;
}

/**
 * Users and API keys in `<dataDir>/users.json`, the embedded default. Every
 * operation checks whether the file changed on disk (inode, size, mtime), so a
 * running hub sees users that `ops-hub users add` wrote afterwards. Writes are
 * atomic (temp file, fsync, rename) and re-read the file first; two processes
 * writing in the same instant can still lose one change (last rename wins).
 */
export class FileUserStore extends CredentialStore {
  /** @throws when `dataDir` cannot be created. */
  constructor(options: FileUserStoreOptions) {
    super(
      new FileCredentialRepository(join(options.dataDir, 'users.json')),
      options.scryptParams,
      options.now,
    );
  }
}

const usersFileSchema = z.strictObject({
  version: z.literal(1),
  users: z.record(z.string(), storedUserSchema),
  apiKeys: z.record(z.string(), storedApiKeySchema),
});
type UsersFile = z.infer<typeof usersFileSchema>;

const emptyFile = (): UsersFile => ({ version: 1, users: {}, apiKeys: {} });

/** @internal */
export class FileCredentialRepository implements CredentialRepository {
  private cache: { stamp: string; data: UsersFile } | null = null;
  private writes: Promise<unknown> = Promise.resolve();

  constructor(private readonly path: string) {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  }

  async getUser(name: string): Promise<StoredUser | null> {
    const data = await this.read();
    return Object.hasOwn(data.users, name) ? (data.users[name] as StoredUser) : null;
  }

  insertUser(user: StoredUser): Promise<boolean> {
    return this.mutate((data) => {
      if (Object.hasOwn(data.users, user.name)) return false;
      data.users[user.name] = user;
      return true;
    });
  }

  replaceUser(user: StoredUser): Promise<boolean> {
    return this.mutate((data) => {
      if (!Object.hasOwn(data.users, user.name)) return false;
      data.users[user.name] = user;
      return true;
    });
  }

  deleteUser(name: string): Promise<boolean> {
    return this.mutate((data) => Object.hasOwn(data.users, name) && delete data.users[name]);
  }

  async listUsers(): Promise<StoredUser[]> {
    return Object.values((await this.read()).users);
  }

  async getApiKeyByHash(keyHash: string): Promise<StoredApiKey | null> {
    return Object.values((await this.read()).apiKeys).find((k) => k.keyHash === keyHash) ?? null;
  }

  async insertApiKey(key: StoredApiKey): Promise<void> {
    await this.mutate((data) => {
      data.apiKeys[key.id] = key;
      return true;
    });
  }

  deleteApiKey(id: string): Promise<boolean> {
    return this.mutate((data) => Object.hasOwn(data.apiKeys, id) && delete data.apiKeys[id]);
  }

  async listApiKeys(): Promise<StoredApiKey[]> {
    return Object.values((await this.read()).apiKeys);
  }

  async close(): Promise<void> {
    await this.writes;
  }

  /** The file's current content, re-read only when it changed on disk. @throws UserStoreCorruptError */
  private async read(): Promise<UsersFile> {
    let stamp: string;
    try {
      const info = await stat(this.path);
      stamp = `${info.ino}:${info.size}:${info.mtimeMs}`;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyFile();
      throw error;
    }
    if (this.cache?.stamp === stamp) return this.cache.data;
    const text = await readFile(this.path, 'utf8');
    let data: UsersFile;
    try {
      data = usersFileSchema.parse(JSON.parse(text));
    } catch (error) {
      throw new UserStoreCorruptError(
        `${this.path} is not a valid users file; fix it or move it away and add users again`,
        { cause: error },
      );
    }
    this.cache = { stamp, data };
    return data;
  }

  /** Applies `change` to a fresh copy and writes it when it reports a change. Serialized per instance. */
  private mutate(change: (data: UsersFile) => boolean): Promise<boolean> {
    const run = this.writes.then(async () => {
      const data = structuredClone(await this.read());
      if (!change(data)) return false;
      await writeJsonAtomically(this.path, data);
      return true;
    });
    // The caller gets the failure through `run`; the queue itself must keep going.
    this.writes = run.catch(() => undefined);
    return run;
  }
}
