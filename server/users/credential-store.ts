import { createHash, randomBytes } from 'node:crypto';
import type { CredentialRepository, StoredApiKey, StoredUser } from './credential-repository';
import {
  DEFAULT_SCRYPT_PARAMS,
  hashPassword,
  verifyAgainstDummy,
  verifyPassword,
  type ScryptParams,
} from './password-hash';
import { validateName, validatePassword, validateScope, validateTenants } from './user-input';
import {
  UserExistsError,
  type ApiKeyRecord,
  type NewApiKey,
  type NewUser,
  type UserChanges,
  type UserRecord,
  type UserStore,
} from './user-store';

const API_KEY_PATTERN = /^opsk_[A-Za-z0-9_-]{43}$/;
const KEY_ID_PATTERN = /^k_[0-9a-f]{16}$/;

/**
 * The store logic shared by every backend: validation, hashing, and stripping
 * secrets from what is returned. Backends only persist records.
 * @internal
 */
export class CredentialStore implements UserStore {
  constructor(
    private readonly repository: CredentialRepository,
    private readonly scryptParams: ScryptParams = DEFAULT_SCRYPT_PARAMS,
    private readonly now: () => number = Date.now,
  ) {}

  async addUser(user: NewUser): Promise<UserRecord> {
    const name = validateName(user?.name);
    const password = validatePassword(user.password);
    const tenants = validateTenants(user.tenants);
    const scope = validateScope(user.scope);
    if (await this.repository.getUser(name)) throw new UserExistsError(name);
    const stored: StoredUser = {
      name,
      passwordHash: await hashPassword(password, this.scryptParams),
      tenants,
      scope,
      createdAt: this.now(),
    };
    if (!(await this.repository.insertUser(stored))) throw new UserExistsError(name);
    return publicUser(stored);
  }

  async updateUser(name: string, changes: UserChanges): Promise<UserRecord | null> {
    const valid = validateName(name);
    const tenants = changes.tenants === undefined ? undefined : validateTenants(changes.tenants);
    const scope = changes.scope === undefined ? undefined : validateScope(changes.scope);
    const user = await this.repository.getUser(valid);
    if (!user) return null;
    const updated: StoredUser = {
      ...user,
      ...(tenants === undefined ? {} : { tenants }),
      ...(scope === undefined ? {} : { scope }),
    };
    return (await this.repository.replaceUser(updated)) ? publicUser(updated) : null;
  }

  async removeUser(name: string): Promise<boolean> {
    return this.repository.deleteUser(validateName(name));
  }

  async getUser(name: string): Promise<UserRecord | null> {
    if (typeof name !== 'string' || !/^[a-zA-Z0-9._@-]{1,64}$/.test(name)) return null;
    const user = await this.repository.getUser(name);
    return user ? publicUser(user) : null;
  }

  async listUsers(): Promise<UserRecord[]> {
    return (await this.repository.listUsers())
      .map(publicUser)
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  async verifyPassword(name: string, password: string): Promise<UserRecord | null> {
    if (typeof password !== 'string' || password.length > 1024) return null;
    const user =
      typeof name === 'string' && /^[a-zA-Z0-9._@-]{1,64}$/.test(name)
        ? await this.repository.getUser(name)
        : null;
    if (!user) return verifyAgainstDummy(password, this.scryptParams).then(() => null);
    return (await verifyPassword(password, user.passwordHash)) ? publicUser(user) : null;
  }

  async createApiKey(input: NewApiKey): Promise<{ key: string; record: ApiKeyRecord }> {
    const name = validateName(input?.name);
    const tenants = validateTenants(input.tenants);
    const scope = validateScope(input.scope);
    const key = `opsk_${randomBytes(32).toString('base64url')}`;
    const stored: StoredApiKey = {
      id: `k_${randomBytes(8).toString('hex')}`,
      keyHash: hashKey(key),
      name,
      tenants,
      scope,
      createdAt: this.now(),
    };
    await this.repository.insertApiKey(stored);
    return { key, record: publicKey(stored) };
  }

  async verifyApiKey(key: string): Promise<ApiKeyRecord | null> {
    if (typeof key !== 'string' || !API_KEY_PATTERN.test(key)) return null;
    const stored = await this.repository.getApiKeyByHash(hashKey(key));
    return stored ? publicKey(stored) : null;
  }

  async listApiKeys(): Promise<ApiKeyRecord[]> {
    return (await this.repository.listApiKeys())
      .map(publicKey)
      .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  }

  async revokeApiKey(id: string): Promise<boolean> {
    if (typeof id !== 'string' || !KEY_ID_PATTERN.test(id)) return false;
    return this.repository.deleteApiKey(id);
  }

  close(): Promise<void> {
    return this.repository.close();
  }
}

function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

function publicUser(user: StoredUser): UserRecord {
  return {
    name: user.name,
    tenants: [...user.tenants],
    scope: user.scope,
    createdAt: user.createdAt,
  };
}

function publicKey(key: StoredApiKey): ApiKeyRecord {
  return {
    id: key.id,
    name: key.name,
    tenants: [...key.tenants],
    scope: key.scope,
    createdAt: key.createdAt,
  };
}
