/**
 * Makes the bundled hub's user store hold exactly the admin credential the
 * console keeps in the keychain. Runs inside the hub process at start. Unlike
 * the standalone hub's first-start admin (written to a 0600 file), the
 * bundled hub's password never touches disk in plain text.
 */

/** The slice of the hub's UserStore (server/users/user-store.ts) this needs. */
export interface AdminUserStore {
  verifyPassword(
    name: string,
    password: string,
  ): Promise<{ name: string; tenants: string[] } | null>;
  removeUser(name: string): Promise<boolean>;
  addUser(user: {
    name: string;
    password: string;
    tenants: string[];
    scope: string;
  }): Promise<unknown>;
}

/** Scopes of the bundled hub's admin: see boards, publish (the demo, local producers) and administer. */
export const BUNDLED_ADMIN_SCOPE = 'read publish admin';

/**
 * Ensures `username` exists with `password` and exactly `tenants`. Leaves a
 * matching user untouched; replaces a user whose password or tenants differ
 * (the keychain is the source of truth, e.g. after the keychain entry was
 * reset or the console moved to a session-only store).
 * @returns what was done.
 */
export async function ensureBundledAdmin(
  store: AdminUserStore,
  username: string,
  password: string,
  tenants: readonly string[],
): Promise<'unchanged' | 'created' | 'replaced'> {
  const current = await store.verifyPassword(username, password);
  const sameTenants =
    current !== null &&
    current.tenants.length === tenants.length &&
    tenants.every((t) => current.tenants.includes(t));
  if (current && sameTenants) return 'unchanged';
  const existed = await store.removeUser(username);
  await store.addUser({
    name: username,
    password,
    tenants: [...tenants],
    scope: BUNDLED_ADMIN_SCOPE,
  });
  return existed ? 'replaced' : 'created';
}
