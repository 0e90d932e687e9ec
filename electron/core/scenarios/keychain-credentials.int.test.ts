import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHubProcess, type HubProcess } from '../../../test-support/hub-process';
import { startKeyring, type TestKeyring } from '../../../test-support/keyring';
import { createCoreLogger } from '../core-logger';
import { openCredentialStore } from '../credential-store';
import { decodeStoredCredential } from '../stored-credential';
import { runCli, spawnCli } from './cli-process';
import { waitFor } from '../../../test-support/link-recorder';

const PASSWORD = 'kitchen-sink-7781-secret';

/** True when `needle` occurs in any file under `dir` (grep -r, binary files included). */
function diskContains(dir: string, needle: string): boolean {
  try {
    execFileSync('grep', ['-r', '-a', '-l', '-F', needle, dir], { encoding: 'utf8' });
    return true;
  } catch (error) {
    if ((error as { status?: number }).status === 1) return false;
    throw error;
  }
}

describe('keychain credentials', () => {
  let hub: HubProcess;
  let keyring: TestKeyring;
  let bareBus: TestKeyring;
  const dataDirs: string[] = [];
  const newDataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'ops-console-data-'));
    dataDirs.push(dir);
    return dir;
  };

  beforeAll(async () => {
    hub = await startHubProcess();
    await hub.addUser('ops', PASSWORD, { tenants: ['cedar-group'], scope: 'read' });
    keyring = await startKeyring();
    bareBus = await startKeyring({ secretService: false });
  });
  afterAll(async () => {
    await hub?.stop();
    await keyring?.stop();
    await bareBus?.stop();
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  });

  it('stores, reads, lists and deletes through the real Secret Service', async () => {
    process.env.DBUS_SESSION_BUS_ADDRESS = keyring.env.DBUS_SESSION_BUS_ADDRESS;
    const warnings: string[] = [];
    const store = await openCredentialStore({ warn: (_o, message) => void warnings.push(message) });
    expect(store.kind).toBe('keychain');
    expect(warnings).toEqual([]);
    await store.set('http://hub.example:8787', 'alice', PASSWORD);
    expect(await store.get('http://hub.example:8787', 'alice')).toBe(PASSWORD);
    expect(await store.list('http://hub.example:8787')).toEqual([
      { hubUrl: 'http://hub.example:8787', username: 'alice' },
    ]);
    expect(await store.delete('http://hub.example:8787', 'alice')).toBe(true);
    expect(await store.get('http://hub.example:8787', 'alice')).toBeNull();
  });

  it('several processes opening the keychain at once all get it, and no probe entry is left or listed', async () => {
    // Each open writes, reads back and deletes a probe entry; a shared probe name
    // once let one process delete another's and push it to the session-only store.
    const dataDir = newDataDir();
    const env = { ...keyring.env, OPS_CONSOLE_DATA_DIR: dataDir };
    const runs = await Promise.all(
      Array.from({ length: 4 }, () => runCli(['status', '--json'], env)),
    );
    for (const run of runs) {
      expect(run.stderr).not.toMatch(/No system keychain/);
      expect(run.code, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({ keychain: 'keychain', warning: null });
    }
    process.env.DBUS_SESSION_BUS_ADDRESS = keyring.env.DBUS_SESSION_BUS_ADDRESS;
    const store = await openCredentialStore(createCoreLogger('silent'));
    expect(await store.list()).toEqual([]);
  });

  it('ops-console login keeps a refresh token in the keychain and the password nowhere; logout removes it', async () => {
    const dataDir = newDataDir();
    const env = { ...keyring.env, OPS_CONSOLE_DATA_DIR: dataDir };
    const login = await runCli(['login', '--hub', hub.url, '--user', 'ops'], env, `${PASSWORD}\n`);
    expect(login.stderr).toBe('');
    expect(login.code).toBe(0);
    expect(login.stdout).toMatch(/signed in as ops/);
    process.env.DBUS_SESSION_BUS_ADDRESS = keyring.env.DBUS_SESSION_BUS_ADDRESS;
    const store = await openCredentialStore(createCoreLogger('silent'));
    const stored = await store.get(hub.url, 'ops');
    expect(stored).not.toBeNull();
    expect(stored).not.toContain(PASSWORD);
    expect(decodeStoredCredential(stored as string).kind).toBe('refresh');
    expect(diskContains(dataDir, PASSWORD)).toBe(false);
    expect(diskContains(dataDir, 'ops')).toBe(true); // the profile itself is on disk, without the secret

    const status = await runCli(['status', '--json'], env);
    expect(status.code, status.stderr).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({
      keychain: 'keychain',
      warning: null,
      profiles: [{ username: 'ops', link: { state: 'live', reason: 'welcome received' } }],
    });

    const logout = await runCli(['logout'], env);
    expect(logout.code).toBe(0);
    expect(await store.get(hub.url, 'ops')).toBeNull();
  });

  it('with no Secret Service: a clear session-only warning, nothing stored, no plaintext on disk', async () => {
    const dataDir = newDataDir();
    const env = { ...bareBus.env, OPS_CONSOLE_DATA_DIR: dataDir };
    const login = await runCli(['login', '--hub', hub.url, '--user', 'ops'], env, `${PASSWORD}\n`);
    expect(login.code).toBe(1);
    expect(login.stderr).toMatch(/No system keychain is available/);
    expect(login.stderr).toMatch(/Nothing was stored/);

    // The documented way to run without a keychain: the password for this run only.
    const tail = spawnCli(
      [
        'tail',
        '--hub',
        hub.url,
        '--tenant',
        'cedar-group',
        '--user',
        'ops',
        '--password-stdin',
        '--json',
      ],
      env,
      `${PASSWORD}\n`,
    );
    try {
      await waitFor('a snapshot line', () => tail.stdout().includes('"kind":"snapshot"'), 20_000);
    } finally {
      tail.child.kill('SIGTERM');
    }
    expect(await tail.exited).toBe(0);
    expect(tail.stderr()).toMatch(/No system keychain is available/);
    expect(tail.stdout()).not.toContain(PASSWORD);
    expect(tail.stderr()).not.toContain(PASSWORD);
    expect(diskContains(dataDir, PASSWORD)).toBe(false);
    expect(diskContains(bareBus.home, PASSWORD)).toBe(false);
  });
});
