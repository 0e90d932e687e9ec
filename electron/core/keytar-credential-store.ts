import keytar from 'keytar';
import {
  CREDENTIAL_SERVICE,
  credentialAccount,
  parseCredentialAccount,
  type CredentialStore,
} from './credential-store-contract';

/** A keychain that did not answer in time is treated as unavailable, ms. */
const PROBE_TIMEOUT_MS = 5000;

/**
 * The OS keychain through keytar (Secret Service on Linux, Keychain on macOS,
 * Credential Vault on Windows). keytar is archived upstream; this is the only
 * file that imports it, so moving to `safeStorage` or `@napi-rs/keyring`
 * changes this file alone.
 */
export class KeytarCredentialStore implements CredentialStore {
  readonly kind = 'keychain' as const;

  async get(hubUrl: string, username: string): Promise<string | null> {
    return keytar.getPassword(CREDENTIAL_SERVICE, credentialAccount(hubUrl, username));
  }

  async set(hubUrl: string, username: string, secret: string): Promise<void> {
    await keytar.setPassword(CREDENTIAL_SERVICE, credentialAccount(hubUrl, username), secret);
  }

  async delete(hubUrl: string, username: string): Promise<boolean> {
    return keytar.deletePassword(CREDENTIAL_SERVICE, credentialAccount(hubUrl, username));
  }

  async list(hubUrl?: string): Promise<Array<{ hubUrl: string; username: string }>> {
    const found = await keytar.findCredentials(CREDENTIAL_SERVICE);
    return found
      .map((entry) => parseCredentialAccount(entry.account))
      .filter(
        (entry): entry is { hubUrl: string; username: string } =>
          entry !== null && (!hubUrl || entry.hubUrl === hubUrl),
      );
  }
}

/** Account of the throwaway entry that proves the keychain can store. */
const PROBE_ACCOUNT = 'ops-console-probe#keychain-check';

/**
 * Opens the keychain and proves it can store, read and delete (a Linux box
 * without a Secret Service, or with one that has no usable collection, fails
 * here, not later at sign-in).
 * @throws Error saying why the keychain is unavailable.
 */
export async function openKeytarCredentialStore(): Promise<CredentialStore> {
  const store = new KeytarCredentialStore();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`the keychain did not answer within ${PROBE_TIMEOUT_MS} ms`)),
      PROBE_TIMEOUT_MS,
    );
    timer.unref();
  });
  try {
    await Promise.race([probe(), timeout]);
  } finally {
    clearTimeout(timer);
  }
  return store;
}

async function probe(): Promise<void> {
  const value = `probe-${Date.now()}`;
  await keytar.setPassword(CREDENTIAL_SERVICE, PROBE_ACCOUNT, value);
  const read = await keytar.getPassword(CREDENTIAL_SERVICE, PROBE_ACCOUNT);
  await keytar.deletePassword(CREDENTIAL_SERVICE, PROBE_ACCOUNT);
  if (read !== value) throw new Error('the keychain did not return what was just stored in it');
}
