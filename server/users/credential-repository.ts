import { z } from 'zod';

/**
 * Storage underneath a user store: records with their secrets' hashes. Only
 * `CredentialStore` sees these; callers get the hash-free records of user-store.ts.
 * @internal
 */
/** A stored user as both repositories persist it; parsed on every read. */
export const storedUserSchema = z.strictObject({
  name: z.string(),
  passwordHash: z.string(),
  tenants: z.array(z.string()),
  scope: z.string(),
  createdAt: z.number(),
});
export type StoredUser = z.infer<typeof storedUserSchema>;

/** A stored API key. `keyHash` is the SHA-256 (hex) of the full key: keys are 256-bit random, so a fast hash is enough. */
export const storedApiKeySchema = z.strictObject({
  id: z.string(),
  keyHash: z.string(),
  name: z.string(),
  tenants: z.array(z.string()),
  scope: z.string(),
  createdAt: z.number(),
});
export type StoredApiKey = z.infer<typeof storedApiKeySchema>;

export interface CredentialRepository {
  getUser(name: string): Promise<StoredUser | null>;
  /** @returns false when the name is taken (nothing written). */
  insertUser(user: StoredUser): Promise<boolean>;
  /** Overwrites an existing user's record. @returns false when there is no such user (nothing written). */
  replaceUser(user: StoredUser): Promise<boolean>;
  deleteUser(name: string): Promise<boolean>;
  listUsers(): Promise<StoredUser[]>;
  getApiKeyByHash(keyHash: string): Promise<StoredApiKey | null>;
  insertApiKey(key: StoredApiKey): Promise<void>;
  deleteApiKey(id: string): Promise<boolean>;
  listApiKeys(): Promise<StoredApiKey[]>;
  close(): Promise<void>;
}
