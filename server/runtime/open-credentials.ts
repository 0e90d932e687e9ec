import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { CredentialVerifier, UserPrincipal } from '../auth/credential-verifier';
import { ensureDataDir } from '../config/data-dir';
import type { HubConfig } from '../config/hub-config';
import { FileUserStore } from '../users/file-user-store';
import { RedisUserStore } from '../users/redis-user-store';
import type { UserRecord, UserStore } from '../users/user-store';
import { DEMO_TENANT_IDS } from '../demo/generator/demo-tenants';

/** The user store plus the hub's view of it for the token endpoint. */
export interface OpenCredentials {
  store: UserStore;
  verifier: CredentialVerifier;
  close(): Promise<void>;
}

/** File name of the initial admin credential in the data dir (mode 0600). */
export const INITIAL_ADMIN_FILE = 'initial-admin.txt';

/** Opens the user store: Redis when REDIS_URL is set, else `<dataDir>/users.json`. */
export function openUserStore(config: HubConfig, logger?: Logger): UserStore {
  if (config.redisUrl)
    return new RedisUserStore({
      url: config.redisUrl,
      logger: logger?.child({ component: 'users' }),
    });
  ensureDataDir(config.dataDir);
  return new FileUserStore({ dataDir: config.dataDir });
}

/**
 * Opens the store for the token endpoint. Every check reads the store, so users
 * added later (by `ops-hub users add`, on either backplane) are seen at once.
 */
export async function openCredentials(config: HubConfig, logger: Logger): Promise<OpenCredentials> {
  const store = openUserStore(config, logger);
  const verifier: CredentialVerifier = {
    async verifyPassword(username, password) {
      const user = await store.verifyPassword(username, password);
      return user ? userPrincipal(user) : null;
    },
    async lookupUser(username) {
      const user = await store.getUser(username);
      return user ? userPrincipal(user) : null;
    },
    async verifyApiKey(apiKey) {
      const key = await store.verifyApiKey(apiKey);
      return key ? { sub: key.name, tenants: key.tenants, scope: key.scope } : null;
    },
  };
  return { store, verifier, close: () => store.close() };
}

function userPrincipal(user: UserRecord): UserPrincipal {
  return { sub: user.name, tenants: user.tenants, scope: user.scope, createdAt: user.createdAt };
}

/**
 * On a store without users, creates `admin` (scope `read admin`, the demo tenants) with
 * a random password written to `<dataDir>/initial-admin.txt` (mode 0600). The password
 * is never logged; `print` (the terminal by default) is told where the file is.
 */
export async function ensureInitialAdmin(
  users: OpenCredentials,
  config: HubConfig,
  logger: Logger,
  print: (text: string) => void = (text) => void process.stdout.write(text),
): Promise<void> {
  if ((await users.store.listUsers()).length > 0) return;
  const password = randomBytes(18).toString('base64url');
  const tenants = [...DEMO_TENANT_IDS];
  await users.store.addUser({ name: 'admin', password, tenants, scope: 'read admin' });
  ensureDataDir(config.dataDir);
  const file = join(config.dataDir, INITIAL_ADMIN_FILE);
  writeFileSync(file, `username: admin\npassword: ${password}\ntenants: ${tenants.join(',')}\n`, {
    mode: 0o600,
  });
  logger.info({ file }, 'created the initial admin user; its password is in the file');
  print(
    `created the initial admin user "admin" for ${tenants.join(', ')}; its password is in ${file} (mode 0600).\n` +
      `  get a token: curl -s -X POST http://${config.host}:${config.port}/v1/auth/token -H 'Content-Type: application/json' -d '{"username":"admin","password":"<from the file>"}'\n`,
  );
}
