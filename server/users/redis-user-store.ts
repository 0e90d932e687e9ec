import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { createLogger } from '../../node-shared/logger';
import { z } from 'zod';
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

export interface RedisUserStoreOptions {
  /** `redis://[:password@]host:port[/db]` (REDIS_URL). */
  url: string;
  /** Key prefix (default `ops`); keys look like `ops:{users}:users`. */
  keyPrefix?: string;
  scryptParams?: ScryptParams;
  now?: () => number;
  logger?: Logger;
}

/**
 * Users and API keys in Redis, used when `REDIS_URL` is set, so every hub
 * instance and the CLI see the same credentials at once. All keys share the
 * hash tag `{users}`, so the multi-key updates work on Redis Cluster.
 */
export class RedisUserStore extends CredentialStore {
  /** Connects lazily on first use. @throws TypeError for a URL that is not redis:// or rediss://. */
  constructor(options: RedisUserStoreOptions) {
    if (typeof options?.url !== 'string' || !/^rediss?:\/\//.test(options.url)) {
      throw new TypeError(
        'RedisUserStore needs options.url like redis://127.0.0.1:6379 (REDIS_URL)',
      );
    }
    const logger = options.logger ?? createLogger({ app: 'redis-user-store', level: 'warn' });
    super(
      new RedisCredentialRepository(options.url, options.keyPrefix ?? 'ops', logger),
      options.scryptParams,
      options.now,
    );
  }
}

function decode<T>(schema: z.ZodType<T>, raw: string, what: string): T {
  try {
    return schema.parse(JSON.parse(raw));
  } catch (error) {
    throw new UserStoreCorruptError(`stored ${what} is invalid; remove it and add it again`, {
      cause: error,
    });
  }
}

/** @internal */
export class RedisCredentialRepository implements CredentialRepository {
  private readonly redis: Redis;
  private readonly users: string;
  private readonly apiKeys: string;
  private readonly apiKeyHashes: string;

  constructor(url: string, prefix: string, logger: Logger) {
    // A login must fail fast while Redis is down rather than wait in a queue.
    this.redis = new Redis(url, {
      maxRetriesPerRequest: 1,
      lazyConnect: true,
      connectionName: 'ops-user-store',
    });
    let lastLogged = '';
    this.redis.on('error', (error: Error) => {
      // One line per distinct error, not one per reconnect attempt.
      if (error.message === lastLogged) return;
      lastLogged = error.message;
      logger.warn({ err: error }, 'user store: redis error');
    });
    this.redis.on('ready', () => {
      lastLogged = '';
    });
    this.users = `${prefix}:{users}:users`;
    this.apiKeys = `${prefix}:{users}:apikeys`;
    this.apiKeyHashes = `${prefix}:{users}:apikey-hashes`;
  }

  async getUser(name: string): Promise<StoredUser | null> {
    const raw = await this.redis.hget(this.users, name);
    return raw === null ? null : decode(storedUserSchema, raw, `user ${name}`);
  }

  async insertUser(user: StoredUser): Promise<boolean> {
    return (await this.redis.hsetnx(this.users, user.name, JSON.stringify(user))) === 1;
  }

  async replaceUser(user: StoredUser): Promise<boolean> {
    // Atomic "set if present": a user removed meanwhile must not come back.
    const written = await this.redis.eval(
      "if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]) return 1 end return 0",
      1,
      this.users,
      user.name,
      JSON.stringify(user),
    );
    return written === 1;
  }

  async deleteUser(name: string): Promise<boolean> {
    return (await this.redis.hdel(this.users, name)) === 1;
  }

  async listUsers(): Promise<StoredUser[]> {
    const all = await this.redis.hgetall(this.users);
    return Object.entries(all).map(([name, raw]) => decode(storedUserSchema, raw, `user ${name}`));
  }

  async getApiKeyByHash(keyHash: string): Promise<StoredApiKey | null> {
    const id = await this.redis.hget(this.apiKeyHashes, keyHash);
    if (id === null) return null;
    const raw = await this.redis.hget(this.apiKeys, id);
    return raw === null ? null : decode(storedApiKeySchema, raw, `api key ${id}`);
  }

  async insertApiKey(key: StoredApiKey): Promise<void> {
    await this.redis
      .multi()
      .hset(this.apiKeys, key.id, JSON.stringify(key))
      .hset(this.apiKeyHashes, key.keyHash, key.id)
      .exec();
  }

  async deleteApiKey(id: string): Promise<boolean> {
    const raw = await this.redis.hget(this.apiKeys, id);
    if (raw === null) return false;
    const key = decode(storedApiKeySchema, raw, `api key ${id}`);
    const results = await this.redis
      .multi()
      .hdel(this.apiKeys, id)
      .hdel(this.apiKeyHashes, key.keyHash)
      .exec();
    return results?.[0]?.[1] === 1;
  }

  async listApiKeys(): Promise<StoredApiKey[]> {
    const all = await this.redis.hgetall(this.apiKeys);
    return Object.entries(all).map(([id, raw]) => decode(storedApiKeySchema, raw, `api key ${id}`));
  }

  async close(): Promise<void> {
    if (this.redis.status === 'ready') {
      await this.redis.quit().then(
        () => undefined,
        () => this.redis.disconnect(),
      );
      return;
    }
    this.redis.disconnect();
  }
}
