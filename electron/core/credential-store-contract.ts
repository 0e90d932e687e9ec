/**
 * What every credential store is, and how it names keychain entries. Its own
 * module so that `credential-store.ts` (which picks a store) and
 * `keytar-credential-store.ts` (one store) both depend on it and never on each other.
 */

/** Keychain service name every Ops Console credential is stored under. */
export const CREDENTIAL_SERVICE = 'ops-console';

/** The keychain account of a credential: `<hub-url>#<username>`. */
export function credentialAccount(hubUrl: string, username: string): string {
  return `${hubUrl}#${username}`;
}

/** Splits an account name back into hub URL and username; null for foreign entries. */
export function parseCredentialAccount(
  account: string,
): { hubUrl: string; username: string } | null {
  const at = account.lastIndexOf('#');
  if (at <= 0 || at === account.length - 1) return null;
  return { hubUrl: account.slice(0, at), username: account.slice(at + 1) };
}

/**
 * Where sessions (the newest refresh token per profile, see stored-credential.ts) and
 * the bundled hub's admin password live. The secret never touches disk in plain
 * text and never crosses to a renderer. Implementations: the OS keychain
 * (`KeytarCredentialStore`) and, only when no keychain is available, the
 * in-memory `SessionOnlyCredentialStore`.
 */
export interface CredentialStore {
  readonly kind: 'keychain' | 'session-only';
  /** Set when credentials are kept for this session only; show it to the user. */
  readonly sessionOnlyWarning?: string;
  get(hubUrl: string, username: string): Promise<string | null>;
  set(hubUrl: string, username: string, secret: string): Promise<void>;
  /** True when something was deleted. */
  delete(hubUrl: string, username: string): Promise<boolean>;
  /** Stored accounts (no secrets), optionally for one hub. */
  list(hubUrl?: string): Promise<Array<{ hubUrl: string; username: string }>>;
}
