import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { createLogger } from '../../node-shared/logger';
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

export interface RedisTenantDirectoryOptions {
  /** `redis://[:password@]host:port[/db]` (REDIS_URL). */
  url: string;
  /** Key prefix (default `ops`); keys look like `ops:{directory}:tenants`. */
  keyPrefix?: string;
  now?: () => number;
  logger?: Logger;
}

/**
 * Writes `ARGV[2]` as tenant `ARGV[1]` only when the stored revision is still
 * `ARGV[3]` (`0`: absent), then publishes the id. Returns 1, or 0 when another
 * writer came first (the caller reads again and retries).
 */
const PUT_IF_REVISION = `
local current = redis.call('HGET', KEYS[2], ARGV[1])
if (current or '0') ~= ARGV[3] then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('HSET', KEYS[2], ARGV[1], ARGV[4])
redis.call('PUBLISH', KEYS[3], ARGV[1])
return 1`;

const REMOVE = `
local removed = redis.call('HDEL', KEYS[1], ARGV[1])
redis.call('HDEL', KEYS[2], ARGV[1])
if removed == 1 then redis.call('PUBLISH', KEYS[3], ARGV[1]) end
return removed`;

/**
 * The tenant directory in Redis, used when `REDIS_URL` is set, so every hub and
 * the CLI share it. Entries are JSON in one hash; a second hash keeps each
 * entry's revision for compare-and-set writes; every change is published on
 * `<prefix>:{directory}:changed`, which `watch` subscribes to. All keys share the
 * hash tag `{directory}`, so the scripts run on Redis Cluster too.
 */
export class RedisTenantDirectory implements TenantDirectory {
  private readonly redis: Redis;
  private subscriber: Redis | null = null;
  private readonly keys: [entries: string, revisions: string, channel: string];
  private readonly listeners = new Set<(id: string) => void>();
  private readonly now: () => number;
  private readonly logger: Logger;

  /** Connects lazily on first use. @throws TypeError for a URL that is not redis:// or rediss://. */
  constructor(private readonly options: RedisTenantDirectoryOptions) {
    if (typeof options?.url !== 'string' || !/^rediss?:\/\//.test(options.url))
      throw new TypeError(
        'RedisTenantDirectory needs options.url like redis://127.0.0.1:6379 (REDIS_URL)',
      );
    const prefix = `${options.keyPrefix ?? 'ops'}:{directory}`;
    this.keys = [`${prefix}:tenants`, `${prefix}:revisions`, `${prefix}:changed`];
    this.now = options.now ?? Date.now;
    this.logger = options.logger ?? createLogger({ app: 'redis-tenant-directory', level: 'warn' });
    this.redis = this.connect('ops-tenant-directory');
  }

  async get(id: string): Promise<TenantDirectoryEntry | null> {
    const raw = await this.redis.hget(this.keys[0], id);
    return raw === null ? null : this.decode(id, raw);
  }

  async list(): Promise<TenantDirectoryEntry[]> {
    const all = await this.redis.hgetall(this.keys[0]);
    return Object.entries(all)
      .map(([id, raw]) => this.decode(id, raw))
      .sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  async add(id: string, fields: TenantDirectoryInput): Promise<TenantDirectoryEntry> {
    const valid = validateDirectoryInput(id, fields);
    return this.write(id, (previous) => {
      if (previous) throw new TenantExistsError(id);
      return nextEntry(id, valid, null, this.now());
    });
  }

  async put(id: string, fields: TenantDirectoryInput): Promise<TenantDirectoryEntry> {
    const valid = validateDirectoryInput(id, fields);
    return this.write(id, (previous) => nextEntry(id, valid, previous, this.now()));
  }

  async remove(id: string): Promise<boolean> {
    return (await this.redis.eval(REMOVE, 3, ...this.keys, id)) === 1;
  }

  watch(listener: (id: string) => void): () => void {
    this.listeners.add(listener);
    if (!this.subscriber) {
      const subscriber = this.connect('ops-tenant-directory-watch');
      this.subscriber = subscriber;
      subscriber.on('message', (channel: string, id: string) => {
        if (channel !== this.keys[2]) return;
        for (const each of this.listeners) each(id);
      });
      subscriber.subscribe(this.keys[2]).catch((error: unknown) => {
        this.logger.error({ err: error }, 'tenant directory: cannot subscribe to changes');
      });
    }
    return () => {
      this.listeners.delete(listener);
    };
  }

  async close(): Promise<void> {
    this.listeners.clear();
    await Promise.all([this.redis, this.subscriber].map((client) => client && quit(client)));
  }

  /** Compare-and-set on the revision: a concurrent writer makes this one read and try again. */
  private async write(
    id: string,
    make: (previous: TenantDirectoryEntry | null) => TenantDirectoryEntry,
  ): Promise<TenantDirectoryEntry> {
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const previous = await this.get(id);
      const entry = make(previous);
      const written = await this.redis.eval(
        PUT_IF_REVISION,
        3,
        ...this.keys,
        id,
        JSON.stringify(entry),
        String(previous?.revision ?? 0),
        String(entry.revision),
      );
      if (written === 1) return entry;
    }
    throw new Error(`tenant ${id} changed ten times while this write retried; try again`);
  }

  private decode(id: string, raw: string): TenantDirectoryEntry {
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (error) {
      throw new DirectoryCorruptError(
        `${this.keys[0]} field ${JSON.stringify(id)} is not JSON; remove the tenant and add it again`,
        { cause: error },
      );
    }
    const result = tenantDirectoryEntrySchema.safeParse(json);
    if (!result.success || result.data.id !== id)
      throw new DirectoryCorruptError(
        `${this.keys[0]} field ${JSON.stringify(id)} is not a valid entry (${result.success ? 'wrong id' : describeIssues(result.error)}); remove the tenant and add it again`,
      );
    return result.data;
  }

  private connect(name: string): Redis {
    // A request must fail fast while Redis is down rather than wait in a queue.
    const client = new Redis(this.options.url, {
      maxRetriesPerRequest: 1,
      lazyConnect: name !== 'ops-tenant-directory-watch',
      connectionName: name,
    });
    let lastLogged = '';
    client.on('error', (error: Error) => {
      // One line per distinct error, not one per reconnect attempt.
      if (error.message === lastLogged) return;
      lastLogged = error.message;
      this.logger.warn({ err: error }, 'tenant directory: redis error');
    });
    client.on('ready', () => {
      lastLogged = '';
    });
    return client;
  }
}

async function quit(client: Redis): Promise<void> {
  if (client.status !== 'ready') {
    client.disconnect();
    return;
  }
  await client.quit().then(
    () => undefined,
    () => client.disconnect(),
  );
}
