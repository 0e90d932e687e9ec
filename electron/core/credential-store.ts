import {
  credentialAccount,
  parseCredentialAccount,
  type CredentialStore,
} from './credential-store-contract';

// Re-exported so callers keep one import for "credentials"; the contract lives
// apart only to keep the dependency on keytar-credential-store.ts one-way.
export {
  CREDENTIAL_SERVICE,
  credentialAccount,
  parseCredentialAccount,
  type CredentialStore,
} from './credential-store-contract';

/** What the user is told when there is no keychain. */
export const SESSION_ONLY_WARNING =
  'No system keychain is available (on Linux: no Secret Service such as gnome-keyring is running). ' +
  'Your sign-in is kept in memory for this session only and you will have to sign in again next time. ' +
  'It is never written to disk.';

/**
 * Credentials for this process only, used when the keychain is unavailable.
 * Deliberately never persisted: a plaintext fallback is what we refuse to do.
 */
export class SessionOnlyCredentialStore implements CredentialStore {
  readonly kind = 'session-only' as const;
  private readonly secrets = new Map<string, string>();

  constructor(readonly sessionOnlyWarning: string = SESSION_ONLY_WARNING) {}

  async get(hubUrl: string, username: string): Promise<string | null> {
    return this.secrets.get(credentialAccount(hubUrl, username)) ?? null;
  }

  async set(hubUrl: string, username: string, secret: string): Promise<void> {
    this.secrets.set(credentialAccount(hubUrl, username), secret);
  }

  async delete(hubUrl: string, username: string): Promise<boolean> {
    return this.secrets.delete(credentialAccount(hubUrl, username));
  }

  async list(hubUrl?: string): Promise<Array<{ hubUrl: string; username: string }>> {
    return [...this.secrets.keys()]
      .map(parseCredentialAccount)
      .filter(
        (entry): entry is { hubUrl: string; username: string } =>
          entry !== null && (!hubUrl || entry.hubUrl === hubUrl),
      );
  }
}

/** Logs the store needs: one warning when it falls back. */
export interface CredentialLog {
  warn(object: object, message: string): void;
}

/**
 * Opens the OS keychain, or falls back to the session-only store with a clear
 * warning when it cannot be reached. `openKeychain` is injectable for tests;
 * the default loads `keytar-credential-store.ts`, the only file that imports keytar.
 */
export async function openCredentialStore(
  log: CredentialLog,
  openKeychain: () => Promise<CredentialStore> = async () =>
    (await import('./keytar-credential-store')).openKeytarCredentialStore(),
): Promise<CredentialStore> {
  try {
    return await openKeychain();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    log.warn({ reason }, SESSION_ONLY_WARNING);
    return new SessionOnlyCredentialStore(`${SESSION_ONLY_WARNING} (${reason})`);
  }
}
