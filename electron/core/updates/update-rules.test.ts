import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectInstallKind } from './install-kind';
import { loadStagingId, STAGING_ID_FILE } from './staging-id';
import { compareVersions } from './update-decision';
import { channelFileName } from './update-feed';
import { channelOfVersion } from './update-plan';

describe('compareVersions', () => {
  it('orders versions by semver precedence, prereleases before their release', () => {
    const sorted = [
      '1.0.0-alpha',
      '1.0.0-alpha.1',
      '1.0.0-beta',
      '1.0.0-beta.2',
      '1.0.0-beta.11',
      '1.0.0',
      '1.0.1',
      '1.10.0',
      '2.0.0',
    ];
    for (let i = 1; i < sorted.length; i += 1) {
      expect(compareVersions(sorted[i - 1] as string, sorted[i] as string), sorted[i]).toBe(-1);
      expect(compareVersions(sorted[i] as string, sorted[i - 1] as string), sorted[i]).toBe(1);
    }
    expect(compareVersions('1.2.3+build.7', '1.2.3')).toBe(0);
    expect(() => compareVersions('1.2', '1.2.0')).toThrow(/semver/);
  });

  it('takes the channel from the version', () => {
    expect(channelOfVersion('1.4.0')).toBe('stable');
    expect(channelOfVersion('1.4.0-beta.1')).toBe('beta');
  });
});

describe('channelFileName', () => {
  it('names the file electron-updater reads on each platform', () => {
    expect(channelFileName('stable', 'win32', 'x64')).toBe('latest.yml');
    expect(channelFileName('stable', 'darwin', 'arm64')).toBe('latest-mac.yml');
    expect(channelFileName('beta', 'linux', 'x64')).toBe('beta-linux.yml');
    expect(channelFileName('stable', 'linux', 'arm64')).toBe('latest-linux-arm64.yml');
  });
});

describe('detectInstallKind', () => {
  const base = { isPackaged: true, env: {} };
  it('treats Program Files installs (MSI, NSIS /allusers) as per-machine and the per-user NSIS folder as per-user', () => {
    expect(
      detectInstallKind({
        ...base,
        platform: 'win32',
        execPath: 'C:\\Program Files\\Ops Console\\Ops Console.exe',
        env: { ProgramFiles: 'C:\\Program Files' },
      }),
    ).toBe('per-machine');
    expect(
      detectInstallKind({
        ...base,
        platform: 'win32',
        execPath: 'D:\\Apps\\Ops Console\\Ops Console.exe',
        env: { ProgramFiles: 'D:\\Apps' },
      }),
    ).toBe('per-machine');
    expect(
      detectInstallKind({
        ...base,
        platform: 'win32',
        execPath: 'C:\\Users\\ana\\AppData\\Local\\Programs\\Ops Console\\Ops Console.exe',
      }),
    ).toBe('per-user');
  });

  it('treats a root-owned macOS bundle, deb and rpm as per-machine, a writable bundle and an AppImage as per-user', () => {
    const mac = {
      ...base,
      platform: 'darwin' as const,
      execPath: '/Applications/Ops Console.app/Contents/MacOS/Ops Console',
    };
    expect(detectInstallKind({ ...mac, appBundleWritable: false })).toBe('per-machine');
    expect(detectInstallKind({ ...mac, appBundleWritable: true })).toBe('per-user');
    expect(
      detectInstallKind({ ...base, platform: 'linux', execPath: '/opt/Ops Console/ops-console' }),
    ).toBe('per-machine');
    expect(
      detectInstallKind({
        ...base,
        platform: 'linux',
        execPath: '/tmp/.mount_x/ops-console',
        env: { APPIMAGE: '/home/ana/Ops-Console.AppImage' },
      }),
    ).toBe('per-user');
  });

  it('never updates an unpackaged development run', () => {
    expect(
      detectInstallKind({
        isPackaged: false,
        platform: 'linux',
        execPath: '/x/electron',
        env: { APPIMAGE: '/a' },
      }),
    ).toBe('development');
  });
});

describe('loadStagingId', () => {
  it('creates the id once in .updaterId and then keeps it; a damaged file gets a new id', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'staging-'));
    try {
      const first = await loadStagingId(dir);
      expect(first).toMatch(/^[0-9a-f-]{36}$/);
      expect(await loadStagingId(dir)).toBe(first);
      expect(await readFile(join(dir, STAGING_ID_FILE), 'utf8')).toBe(first);
      await writeFile(join(dir, STAGING_ID_FILE), 'garbage');
      const second = await loadStagingId(dir);
      expect(second).not.toBe(first);
      expect(second).toMatch(/^[0-9a-f-]{36}$/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('readBuiltFeed', () => {
  it('reads the generic feed electron-builder wrote, and reports a missing or unusable file', async () => {
    const { readBuiltFeed } = await import('./app-update-file');
    const dir = await mkdtemp(join(tmpdir(), 'app-update-'));
    try {
      expect(await readBuiltFeed(dir)).toEqual({});
      await writeFile(
        join(dir, 'app-update.yml'),
        'provider: generic\nurl: https://updates.example.com/ops-console\nupdaterCacheDirName: ops-console-updater\n',
      );
      expect(await readBuiltFeed(dir)).toEqual({ url: 'https://updates.example.com/ops-console' });
      await writeFile(
        join(dir, 'app-update.yml'),
        'provider: generic\nurl: http://updates.example.com/\n',
      );
      expect((await readBuiltFeed(dir)).problem).toMatch(/https/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
