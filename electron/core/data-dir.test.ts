import { describe, expect, it } from 'vitest';
import { resolveDataDir } from './data-dir';

describe('data dir', () => {
  it('uses OPS_CONSOLE_DATA_DIR, else the platform default', () => {
    expect(resolveDataDir({ OPS_CONSOLE_DATA_DIR: '/x' }, 'linux', '/home/a')).toBe('/x');
    expect(resolveDataDir({}, 'linux', '/home/a')).toBe('/home/a/.local/share/ops-console');
    expect(resolveDataDir({ XDG_DATA_HOME: '/xdg' }, 'linux', '/home/a')).toBe('/xdg/ops-console');
    expect(resolveDataDir({}, 'darwin', '/Users/a')).toBe(
      '/Users/a/Library/Application Support/ops-console',
    );
  });

  it('uses the machine-local LOCALAPPDATA on Windows, like the hub', () => {
    const env = { LOCALAPPDATA: '/c/Users/a/AppData/Local', APPDATA: '/c/Users/a/AppData/Roaming' };
    expect(resolveDataDir(env, 'win32', '/c/Users/a', () => false)).toBe(
      '/c/Users/a/AppData/Local/ops-console',
    );
  });

  it('keeps using the roaming folder an earlier build wrote on Windows until a local one exists', () => {
    const env = { LOCALAPPDATA: '/c/Users/a/AppData/Local', APPDATA: '/c/Users/a/AppData/Roaming' };
    const roaming = '/c/Users/a/AppData/Roaming/ops-console';
    const local = '/c/Users/a/AppData/Local/ops-console';
    expect(resolveDataDir(env, 'win32', '/c/Users/a', (path) => path === roaming)).toBe(roaming);
    expect(
      resolveDataDir(env, 'win32', '/c/Users/a', (path) => path === roaming || path === local),
    ).toBe(local);
  });
});
