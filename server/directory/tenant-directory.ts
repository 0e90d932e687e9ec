import { CodedError } from '../../protocol/codes';
import { tenantIdSchema } from '../../protocol/ids';
import {
  tenantDirectoryInputSchema,
  type TenantDirectoryEntry,
  type TenantDirectoryFields,
  type TenantDirectoryInput,
} from '../../protocol/tenant-directory';
import { describeIssues } from '../../protocol/messages';

/**
 * The hub's tenant directory (protocol/tenant-directory.ts): names, time zone,
 * currency, locations, tables and kitchen thresholds per tenant. Two
 * implementations pass one contract suite (test-support/tenant-directory-contract.ts):
 * `file-tenant-directory.ts` (`<dataDir>/tenants.json`, the embedded default) and
 * `redis-tenant-directory.ts` (when `REDIS_URL` is set), chosen like the user
 * stores. A change made through any instance reaches the `watch` listeners of
 * every instance over the same file or Redis.
 */
export interface TenantDirectory {
  /** The entry, or null for an unknown tenant or an invalid id. @throws DirectoryCorruptError */
  get(id: string): Promise<TenantDirectoryEntry | null>;
  /** Every entry, sorted by id. @throws DirectoryCorruptError */
  list(): Promise<TenantDirectoryEntry[]>;
  /** Creates the entry. @throws TenantExistsError; InvalidDirectoryInputError for bad fields. */
  add(id: string, fields: TenantDirectoryInput): Promise<TenantDirectoryEntry>;
  /** Creates or replaces the entry; its revision goes up by one. @throws InvalidDirectoryInputError */
  put(id: string, fields: TenantDirectoryInput): Promise<TenantDirectoryEntry>;
  /** @returns false when there was no such entry. */
  remove(id: string): Promise<boolean>;
  /**
   * Calls `listener` with a tenant id whenever its entry changes or goes, through
   * this instance or another one over the same storage (within about a second).
   * @returns a function that stops the calls.
   */
  watch(listener: (id: string) => void): () => void;
  close(): Promise<void>;
}

/** `tenants add` for a tenant the directory already holds. */
export class TenantExistsError extends CodedError {
  constructor(id: string) {
    super(
      'tenant_exists',
      `tenant ${JSON.stringify(id)} is already in the directory; use "tenants set" to change it`,
    );
  }
}

/** A change to a tenant (or one of its locations) the directory does not hold. */
export class UnknownTenantError extends CodedError {
  constructor(what: string) {
    super(
      'unknown_tenant',
      `${what} is not in the directory; "ops-hub tenants list" shows what is`,
    );
  }
}

/** A tenant or location field breaks a rule; the message names the field. */
export class InvalidDirectoryInputError extends CodedError {
  constructor(
    message: string,
    readonly fields: Array<{ path: string; message: string }> = [],
  ) {
    super('invalid_directory_input', message);
  }
}

/** The stored directory cannot be read; it is refused whole, never half-read. */
export class DirectoryCorruptError extends CodedError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('directory_corrupt', message, options);
  }
}

/**
 * Validates an id and the fields an administrator sent, applying the defaults.
 * @throws InvalidDirectoryInputError naming each bad field.
 */
export function validateDirectoryInput(id: string, fields: unknown): TenantDirectoryFields {
  if (!tenantIdSchema.safeParse(id).success)
    throw new InvalidDirectoryInputError(
      `tenant id ${JSON.stringify(id)} must match ^[a-z0-9][a-z0-9_-]{0,62}$`,
    );
  const result = tenantDirectoryInputSchema.safeParse(fields);
  if (result.success) return result.data;
  throw new InvalidDirectoryInputError(
    describeIssues(result.error),
    result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
  );
}

/** The stored entry for `fields` after `previous` (null when new). */
export function nextEntry(
  id: string,
  fields: TenantDirectoryFields,
  previous: TenantDirectoryEntry | null,
  now: number,
): TenantDirectoryEntry {
  return { id, ...fields, revision: (previous?.revision ?? 0) + 1, updatedAt: now };
}
