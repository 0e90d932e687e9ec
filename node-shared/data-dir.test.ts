import { describe, expect, it } from 'vitest';
import { platformDataDir } from './data-dir';

describe('platformDataDir', () => {
  it('follows XDG on Linux, with ~/.local/share when XDG_DATA_HOME is unset or empty', () => {
    const host = { platform: 'linux' as const, homeDir: '/home/op' };
    expect(platformDataDir('ops-hub', { ...host, env: {} })).toBe('/home/op/.local/share/ops-hub');
    expect(platformDataDir('ops-hub', { ...host, env: { XDG_DATA_HOME: '' } })).toBe(
      '/home/op/.local/share/ops-hub',
    );
    expect(platformDataDir('ops-console', { ...host, env: { XDG_DATA_HOME: '/data' } })).toBe(
      '/data/ops-console',
    );
  });

  it('uses Application Support on macOS, whatever XDG_DATA_HOME says', () => {
    expect(
      platformDataDir('ops-console', {
        platform: 'darwin',
        homeDir: '/Users/op',
        env: { XDG_DATA_HOME: '/data' },
      }),
    ).toBe('/Users/op/Library/Application Support/ops-console');
  });

  it('uses the machine-local LOCALAPPDATA on Windows, never the roaming APPDATA', () => {
    const env = {
      LOCALAPPDATA: 'C:/Users/op/AppData/Local',
      APPDATA: 'C:/Users/op/AppData/Roaming',
    };
    expect(platformDataDir('ops-hub', { platform: 'win32', homeDir: 'C:/Users/op', env })).toMatch(
      /^C:[/\\]Users[/\\]op[/\\]AppData[/\\]Local[/\\]ops-hub$/,
    );
    expect(
      platformDataDir('ops-console', {
        platform: 'win32',
        homeDir: 'C:/Users/op',
        env: { LOCALAPPDATA: '', APPDATA: 'C:/Users/op/AppData/Roaming' },
      }),
    ).toMatch(/^C:[/\\]Users[/\\]op[/\\]AppData[/\\]Local[/\\]ops-console$/);
  });

  it.each(['', '.', '..', 'a/b', 'a\\b'])('refuses %j as an app folder name', (name) => {
    expect(() =>
      platformDataDir(name, { platform: 'linux', homeDir: '/home/op', env: {} }),
    ).toThrow(/one folder name/);
  });
});
