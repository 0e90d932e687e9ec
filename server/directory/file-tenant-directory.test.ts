import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  CEDAR_INPUT,
  describeTenantDirectoryContract,
} from '../../test-support/tenant-directory-contract';
import { FileTenantDirectory } from './file-tenant-directory';
import { DirectoryCorruptError } from './tenant-directory';

const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'tenant-directory-'));
  dirs.push(dir);
  return dir;
}
afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describeTenantDirectoryContract('file', async () => {
  const dataDir = await tempDir();
  return {
    first: new FileTenantDirectory({ dataDir, pollMs: 50 }),
    second: new FileTenantDirectory({ dataDir, pollMs: 50 }),
  };
});

describe('file tenant directory on disk', () => {
  it('writes tenants.json with mode 0600', async () => {
    const dataDir = await tempDir();
    const directory = new FileTenantDirectory({ dataDir });
    await directory.add('cedar-group', CEDAR_INPUT);
    await directory.close();
    expect((await stat(join(dataDir, 'tenants.json'))).mode & 0o777).toBe(0o600);
  });

  it('refuses a damaged file whole, naming it, and keeps it untouched', async () => {
    const dataDir = await tempDir();
    const file = join(dataDir, 'tenants.json');
    const directory = new FileTenantDirectory({ dataDir });
    await directory.add('cedar-group', CEDAR_INPUT);
    const good = JSON.parse(await readFile(file, 'utf8')) as { tenants: unknown[] };
    // One valid entry and one with a bad time zone: nothing of it may be used.
    const bad = {
      version: 1,
      tenants: [
        ...good.tenants,
        { ...(good.tenants[0] as object), id: 'x', timeZone: 'Nowhere/None' },
      ],
    };
    await writeFile(file, JSON.stringify(bad));
    await expect(directory.get('cedar-group')).rejects.toBeInstanceOf(DirectoryCorruptError);
    await expect(directory.put('other', { displayName: 'Other' })).rejects.toThrow(/tenants\.json/);
    await writeFile(file, '{"version":1,"tenants":[');
    await expect(directory.list()).rejects.toThrow(/not valid JSON/);
    expect(await readFile(file, 'utf8')).toBe('{"version":1,"tenants":[');
    await directory.close();
  });
});
