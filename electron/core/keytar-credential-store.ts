import { randomUUID } from 'node:crypto';
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

/**
 * Where the throwaway entry that proves the keychain can store lives: its own
 * service, so `findCredentials` in `list()` never enumerates it (keytar crashes
 * the process when an entry it enumerates is deleted before it reads it, and a
 * probe is deleted at once). The account is unique per probe, so two processes
 * starting together (two `ops-console tail`s, or the app and the CLI) never
 * delete each other's entry.
 */
const PROBE_SERVICE = `${CREDENTIAL_SERVICE}.keychain-probe`;
function probeAccount(): string {
  return `${process.pid}-${randomUUID()}`;
}

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
  const account = probeAccount();
  const value = `probe-${Date.now()}`;
  await keytar.setPassword(PROBE_SERVICE, account, value);
  const read = await keytar.getPassword(PROBE_SERVICE, account);
  await keytar.deletePassword(PROBE_SERVICE, account);
  if (read !== value) throw new Error('the keychain did not return what was just stored in it');
}
