import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileUserStore } from './file-user-store';
import { describeUserStoreContract, TEST_SCRYPT } from '../../test-support/user-store-contract';
import { UserStoreCorruptError } from './user-store';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'users-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describeUserStoreContract('file', async () => {
  const dataDir = tempDir();
  return {
    first: new FileUserStore({ dataDir, scryptParams: TEST_SCRYPT }),
    second: new FileUserStore({ dataDir, scryptParams: TEST_SCRYPT }),
  };
});

describe('file user store on disk', () => {
  it('writes users.json with mode 0600 and never the plaintext password or API key', async () => {
    const dataDir = tempDir();
    const store = new FileUserStore({ dataDir, scryptParams: TEST_SCRYPT });
    await store.addUser({
      name: 'owner',
      password: 'plain-secret-pw',
      tenants: ['cedar-group'],
      scope: 'admin',
    });
    const { key } = await store.createApiKey({
      name: 'svc',
      tenants: ['cedar-group'],
      scope: 'publish',
    });
    const path = join(dataDir, 'users.json');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const text = readFileSync(path, 'utf8');
    expect(text).not.toContain('plain-secret-pw');
    expect(text).not.toContain(key);
    expect(text).toMatch(/scrypt\$N=1024,r=8,p=1\$/);
  });

  it('reports a corrupt file with a clear error and recovers once the file is fixed', async () => {
    const dataDir = tempDir();
    const store = new FileUserStore({ dataDir, scryptParams: TEST_SCRYPT });
    writeFileSync(join(dataDir, 'users.json'), '{"version":1,"users":');
    await expect(store.listUsers()).rejects.toBeInstanceOf(UserStoreCorruptError);
    await expect(
      store.addUser({ name: 'x', password: 'y', tenants: [], scope: 'read' }),
    ).rejects.toThrow(/users\.json is not a valid users file/);
    writeFileSync(
      join(dataDir, 'users.json'),
      JSON.stringify({ version: 1, users: {}, apiKeys: {} }),
    );
    await store.addUser({ name: 'x', password: 'y', tenants: [], scope: 'read' });
    expect((await store.listUsers()).map((u) => u.name)).toEqual(['x']);
  });
});
