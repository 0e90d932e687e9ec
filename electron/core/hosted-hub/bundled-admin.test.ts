import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileUserStore } from '../../../server/users/file-user-store';
import { ensureBundledAdmin } from './bundled-admin';

// The hub's real file user store, with cheap scrypt so the test is fast.
let dir: string;
let store: FileUserStore;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bundled-admin-'));
  store = new FileUserStore({ dataDir: dir, scryptParams: { N: 2 ** 10, r: 8, p: 1 } });
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

const tenants = ['cedar-group', 'harbor-eats'];

describe('ensureBundledAdmin', () => {
  it('creates the admin so the keychain password signs in, without writing it in plain text', async () => {
    expect(await ensureBundledAdmin(store, 'admin', 'keychain-password-1', tenants)).toBe(
      'created',
    );
    expect(await store.verifyPassword('admin', 'keychain-password-1')).toMatchObject({
      name: 'admin',
      tenants,
    });
    for (const file of await readdir(dir))
      expect(await readFile(join(dir, file), 'utf8')).not.toContain('keychain-password-1');
  });

  it('leaves a matching admin untouched on later starts', async () => {
    await ensureBundledAdmin(store, 'admin', 'keychain-password-1', tenants);
    expect(await ensureBundledAdmin(store, 'admin', 'keychain-password-1', tenants)).toBe(
      'unchanged',
    );
  });

  it('replaces the admin when the keychain password changed, so the old password stops working', async () => {
    await ensureBundledAdmin(store, 'admin', 'old-password', tenants);
    expect(await ensureBundledAdmin(store, 'admin', 'new-password', tenants)).toBe('replaced');
    expect(await store.verifyPassword('admin', 'old-password')).toBeNull();
    expect(await store.verifyPassword('admin', 'new-password')).not.toBeNull();
  });

  it('replaces the admin when its tenants differ', async () => {
    await ensureBundledAdmin(store, 'admin', 'pw-123456', ['cedar-group']);
    expect(await ensureBundledAdmin(store, 'admin', 'pw-123456', tenants)).toBe('replaced');
    expect((await store.verifyPassword('admin', 'pw-123456'))?.tenants.sort()).toEqual(tenants);
  });
});
