import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pickDisplay } from './display-choice';
import {
  applyXdgAutostart,
  loginItemPlan,
  quoteExecArgument,
  xdgAutostartEntry,
} from './login-item';

describe('loginItemPlan', () => {
  const packaged = {
    isPackaged: true,
    execPath: '/opt/Ops Console/ops-console',
    env: { HOME: '/home/ana' },
  };

  it('uses the OS login item on Windows and macOS', () => {
    expect(loginItemPlan({ ...packaged, platform: 'win32', enabled: true })).toEqual({
      kind: 'login-item',
      openAtLogin: true,
    });
    expect(loginItemPlan({ ...packaged, platform: 'darwin', enabled: false })).toEqual({
      kind: 'login-item',
      openAtLogin: false,
    });
  });

  it('writes an XDG autostart entry on Linux, under XDG_CONFIG_HOME when set, running the AppImage itself', () => {
    expect(loginItemPlan({ ...packaged, platform: 'linux', enabled: true })).toEqual({
      kind: 'xdg-autostart',
      file: '/home/ana/.config/autostart/ops-console.desktop',
      content: xdgAutostartEntry('/opt/Ops Console/ops-console'),
    });
    const appImage = loginItemPlan({
      ...packaged,
      platform: 'linux',
      enabled: true,
      env: { XDG_CONFIG_HOME: '/cfg', APPIMAGE: '/home/ana/Ops-Console.AppImage' },
    });
    expect(appImage).toMatchObject({ file: '/cfg/autostart/ops-console.desktop' });
    expect(appImage.kind === 'xdg-autostart' && appImage.content).toContain(
      'Exec="/home/ana/Ops-Console.AppImage"',
    );
    expect(loginItemPlan({ ...packaged, platform: 'linux', enabled: false })).toMatchObject({
      content: null,
    });
  });

  it('never registers a development run', () => {
    expect(
      loginItemPlan({ ...packaged, isPackaged: false, platform: 'linux', enabled: true }).kind,
    ).toBe('none');
  });

  it('quotes Exec paths as the Desktop Entry spec requires', () => {
    expect(quoteExecArgument('/opt/Ops Console/ops-console')).toBe(
      '"/opt/Ops Console/ops-console"',
    );
    expect(quoteExecArgument('/opt/a$b"c`d%e')).toBe('"/opt/a\\\\$b\\\\"c\\\\`d%%e"');
    expect(quoteExecArgument('/opt/back\\slash')).toBe('"/opt/back\\\\\\\\slash"');
    expect(() => quoteExecArgument('/opt/a\nb')).toThrow(TypeError);
  });

  it('creates the autostart entry and removes it again', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'autostart-'));
    try {
      const plan = loginItemPlan({
        ...packaged,
        platform: 'linux',
        enabled: true,
        env: { XDG_CONFIG_HOME: dir },
      });
      if (plan.kind !== 'xdg-autostart') throw new Error('expected an XDG plan');
      await applyXdgAutostart(plan.file, plan.content);
      const text = await readFile(join(dir, 'autostart', 'ops-console.desktop'), 'utf8');
      expect(text).toMatch(/^\[Desktop Entry\]\nType=Application\n/);
      expect(text).toContain('Exec="/opt/Ops Console/ops-console"');
      await applyXdgAutostart(plan.file, null);
      await expect(stat(plan.file)).rejects.toMatchObject({ code: 'ENOENT' });
      await applyXdgAutostart(plan.file, null);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('pickDisplay', () => {
  const displays = [
    { id: 3, bounds: { x: 1920, y: 0, width: 1920, height: 1080 } },
    { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } },
    { id: 2, bounds: { x: -1280, y: 0, width: 1280, height: 1024 } },
  ];

  it('counts the primary first, then the others left to right', () => {
    expect([0, 1, 2].map((index) => pickDisplay(displays, 1, index).id)).toEqual([1, 2, 3]);
  });

  it('falls back to the primary when the chosen display is not plugged in', () => {
    expect(pickDisplay(displays, 1, 7).id).toBe(1);
    expect(() => pickDisplay([], 1, 0)).toThrow(TypeError);
  });
});
