import { randomBytes } from 'node:crypto';
import { decodeStoredCredential } from '../stored-credential';

/**
 * The bundled hub's admin credential. It is generated here, stored only in
 * the OS keychain (through the core credential store) under its own account
 * (`bundledHubAdminKey`), handed to the hub process over its message port
 * (hub-secrets.ts), and used by this console to sign in. It never crosses IPC
 * to a renderer and is never written to disk in plain text.
 */

/** The admin user name of the bundled hub. */
export const HOSTED_HUB_ADMIN_USER = 'admin';

/** The slice of the core credential store this needs: secrets by (hub URL, user name). */
export interface AdminSecretStore {
  get(hubUrl: string, username: string): Promise<string | null>;
  set(hubUrl: string, username: string, secret: string): Promise<void>;
}

/**
 * The keychain "hub URL" the admin password is kept under: not the hub URL
 * itself, because `<hub-url>#admin` holds the console's signed-in session (its
 * refresh token), and signing out deletes it. `ops-console status` skips it (not http).
 */
export function bundledHubAdminKey(hubUrl: string): string {
  return `bundled-hub-admin:${hubUrl}`;
}

/** A new random password: 32 bytes, base64url (43 characters). */
export function generateAdminPassword(random: (size: number) => Buffer = randomBytes): string {
  return random(32).toString('base64url');
}

/**
 * Returns the stored admin password for the hub at `hubUrl`, generating and
 * storing one on first use.
 * @returns the password and whether it was created now (the hub must then create or reset the user).
 */
export async function ensureAdminCredential(
  store: AdminSecretStore,
  hubUrl: string,
  random?: (size: number) => Buffer,
): Promise<{ username: string; password: string; created: boolean }> {
  const key = bundledHubAdminKey(hubUrl);
  const existing = await store.get(key, HOSTED_HUB_ADMIN_USER);
  if (existing) return { username: HOSTED_HUB_ADMIN_USER, password: existing, created: false };
  // Consoles before issue 8 kept the password itself under <hub-url>#admin: move it over.
  const legacy = await store.get(hubUrl, HOSTED_HUB_ADMIN_USER);
  if (legacy && decodeStoredCredential(legacy).kind === 'legacy-password') {
    await store.set(key, HOSTED_HUB_ADMIN_USER, legacy);
    return { username: HOSTED_HUB_ADMIN_USER, password: legacy, created: false };
  }
  const password = generateAdminPassword(random);
  await store.set(key, HOSTED_HUB_ADMIN_USER, password);
  return { username: HOSTED_HUB_ADMIN_USER, password, created: true };
}
