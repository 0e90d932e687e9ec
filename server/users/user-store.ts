import { CodedError } from '../../protocol/codes';

/**
 * Users (people who log in with a password) and API keys (services that
 * exchange a key for a token). Two implementations pass one contract suite:
 * `file-user-store.ts` (the hub's data directory, the embedded default) and
 * `redis-user-store.ts` (when `REDIS_URL` is set). Secrets never leave a store:
 * listings carry no hashes, and an API key is shown only when it is created.
 */

/** A user as listed; never carries the password hash. */
export interface UserRecord {
  /** Matches `^[a-zA-Z0-9._@-]{1,64}$`. */
  name: string;
  /** Tenant ids the user may see (protocol/ids.ts). */
  tenants: string[];
  /** Space-separated scopes from `read`, `publish`, `operate`, `admin` (protocol/scopes.ts). */
  scope: string;
  /** Epoch ms. */
  createdAt: number;
}

/** An API key as listed; never carries the key or its hash. */
export interface ApiKeyRecord {
  /** Public id used to list and revoke, e.g. `k_3f9a…`. */
  id: string;
  /** Who the key belongs to; becomes the token's `sub`. Same rules as a user name. */
  name: string;
  tenants: string[];
  scope: string;
  createdAt: number;
}

/** What `updateUser` changes; a field left out stays as it is. */
export interface UserChanges {
  tenants?: string[];
  scope?: string;
}

export interface NewUser {
  name: string;
  /** 1..1024 characters. */
  password: string;
  tenants: string[];
  scope: string;
}

export interface NewApiKey {
  name: string;
  tenants: string[];
  scope: string;
}

export interface UserStore {
  /** @throws UserExistsError when the name is taken; InvalidUserInputError for bad fields. */
  addUser(user: NewUser): Promise<UserRecord>;
  /**
   * Changes a user's tenants and/or scope, keeping the password and `createdAt`, so signed-in
   * sessions go on and get the new grant with their next token refresh.
   * @returns the updated user, or null when there is no such user.
   * @throws InvalidUserInputError for bad fields.
   */
  updateUser(name: string, changes: UserChanges): Promise<UserRecord | null>;
  /** @returns false when no such user existed. */
  removeUser(name: string): Promise<boolean>;
  /** The user without its hash, or null for an unknown (or removed) user or an invalid name. */
  getUser(name: string): Promise<UserRecord | null>;
  /** Users sorted by name, without hashes. */
  listUsers(): Promise<UserRecord[]>;
  /**
   * The user when the password matches, else null. Spends the same hashing time
   * for an unknown user, so timing does not reveal which names exist.
   */
  verifyPassword(name: string, password: string): Promise<UserRecord | null>;
  /** Creates a key `opsk_<random>`; the returned `key` is the only time it is visible. */
  createApiKey(input: NewApiKey): Promise<{ key: string; record: ApiKeyRecord }>;
  /** The key's record, or null for an unknown, revoked or malformed key. */
  verifyApiKey(key: string): Promise<ApiKeyRecord | null>;
  listApiKeys(): Promise<ApiKeyRecord[]>;
  /** @returns false when no key had that id. */
  revokeApiKey(id: string): Promise<boolean>;
  close(): Promise<void>;
}

/** A user name is already taken. Choose another name or remove the user first. */
export class UserExistsError extends CodedError {
  constructor(name: string) {
    super(
      'user_exists',
      `user ${JSON.stringify(name)} already exists; remove it first or choose another name`,
    );
    this.name = 'UserExistsError';
  }
}

/** A field of a user or key is invalid; the message names the field and the rule. */
export class InvalidUserInputError extends CodedError {
  constructor(message: string) {
    super('invalid_user_input', message);
    this.name = 'InvalidUserInputError';
  }
}

/** The stored credentials cannot be read (corrupt file); fix or remove the file named in the message. */
export class UserStoreCorruptError extends CodedError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('user_store_corrupt', message, options);
    this.name = 'UserStoreCorruptError';
  }
}
