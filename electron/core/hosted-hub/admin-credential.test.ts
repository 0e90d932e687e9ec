import { describe, expect, it } from 'vitest';
import {
  ensureAdminCredential,
  generateAdminPassword,
  HOSTED_HUB_ADMIN_USER,
} from './admin-credential';
import type { AdminSecretStore } from './admin-credential';
import { encodeRefreshCredential } from '../stored-credential';

/** An in-memory store with the same contract as the keychain-backed one. */
function memoryStore(): AdminSecretStore & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return {
    entries,
    get: async (hub, user) => entries.get(`${hub}#${user}`) ?? null,
    set: async (hub, user, secret) => {
      entries.set(`${hub}#${user}`, secret);
    },
  };
}

describe('bundled hub admin credential', () => {
  it('generates a strong password once and stores it under its own account, apart from the session at <hub-url>#admin', async () => {
    const store = memoryStore();
    const first = await ensureAdminCredential(store, 'http://127.0.0.1:8787');
    expect(first.created).toBe(true);
    expect(first.username).toBe(HOSTED_HUB_ADMIN_USER);
    expect(first.password).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(store.entries.get('bundled-hub-admin:http://127.0.0.1:8787#admin')).toBe(first.password);
    expect(store.entries.has('http://127.0.0.1:8787#admin')).toBe(false);
  });

  it('is not overwritten by the session the console keeps for the same hub and user', async () => {
    const store = memoryStore();
    const first = await ensureAdminCredential(store, 'http://127.0.0.1:8787');
    await store.set(
      'http://127.0.0.1:8787',
      'admin',
      encodeRefreshCredential('refresh-token-of-session'),
    );
    const again = await ensureAdminCredential(store, 'http://127.0.0.1:8787');
    expect(again).toEqual({ username: 'admin', password: first.password, created: false });
  });

  it('moves a password an older console stored under <hub-url>#admin', async () => {
    const store = memoryStore();
    await store.set('http://127.0.0.1:8787', 'admin', 'older-console-admin-password');
    const moved = await ensureAdminCredential(store, 'http://127.0.0.1:8787');
    expect(moved).toEqual({
      username: 'admin',
      password: 'older-console-admin-password',
      created: false,
    });
  });

  it('reuses the stored password on later starts', async () => {
    const store = memoryStore();
    const first = await ensureAdminCredential(store, 'http://127.0.0.1:8787');
    const second = await ensureAdminCredential(store, 'http://127.0.0.1:8787');
    expect(second).toEqual({ username: 'admin', password: first.password, created: false });
  });

  it('gives different hubs different passwords', async () => {
    const store = memoryStore();
    const a = await ensureAdminCredential(store, 'http://127.0.0.1:8787');
    const b = await ensureAdminCredential(store, 'http://127.0.0.1:9000');
    expect(a.password).not.toBe(b.password);
  });

  it('uses the injected random source', () => {
    expect(generateAdminPassword((n) => Buffer.alloc(n, 0))).toBe('A'.repeat(43));
  });
});
