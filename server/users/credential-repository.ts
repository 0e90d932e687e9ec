/**
 * Storage underneath a user store: records with their secrets' hashes. Only
 * `CredentialStore` sees these; callers get the hash-free records of user-store.ts.
 * @internal
 */
export interface StoredUser {
  name: string;
  passwordHash: string;
  tenants: string[];
  scope: string;
  createdAt: number;
}

export interface StoredApiKey {
  id: string;
  /** SHA-256 (hex) of the full key; keys are 256-bit random, so a fast hash is enough. */
  keyHash: string;
  name: string;
  tenants: string[];
  scope: string;
  createdAt: number;
}

export interface CredentialRepository {
  getUser(name: string): Promise<StoredUser | null>;
  /** @returns false when the name is taken (nothing written). */
  insertUser(user: StoredUser): Promise<boolean>;
  deleteUser(name: string): Promise<boolean>;
  listUsers(): Promise<StoredUser[]>;
  getApiKeyByHash(keyHash: string): Promise<StoredApiKey | null>;
  insertApiKey(key: StoredApiKey): Promise<void>;
  deleteApiKey(id: string): Promise<boolean>;
  listApiKeys(): Promise<StoredApiKey[]>;
  close(): Promise<void>;
}
