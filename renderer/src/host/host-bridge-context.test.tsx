import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFixtureHost } from '../fixtures/fixture-host';
import { getHostBridge, HostUnavailableError } from './host-bridge-context';

afterEach(() => {
  delete window.opsHost;
});

describe('getHostBridge', () => {
  it('uses window.opsHost when the Electron preload exposed it', async () => {
    const electron = createFixtureHost();
    window.opsHost = electron;
    const loadBrowserHost = vi.fn();
    const host = await getHostBridge({ loadBrowserHost });
    expect(host.source).toBe('electron');
    expect(host.bridge.profiles).toBe(electron.profiles);
    expect(loadBrowserHost).not.toHaveBeenCalled();
  });

  it('checks each board update from Electron main once, where it enters the renderer process', async () => {
    const pushes: Array<(update: unknown) => void> = [];
    const electron = createFixtureHost();
    window.opsHost = {
      ...electron,
      boards: {
        subscribe: (_tenant, onUpdate) => {
          pushes.push(onUpdate as (update: unknown) => void);
          return () => {};
        },
      },
    };
    const host = await getHostBridge();
    const received: unknown[] = [];
    host.bridge.boards.subscribe('cedar-group', (update) => received.push(update));
    const good = {
      kind: 'freshness',
      tenant: 'cedar-group',
      freshness: 'stale',
      staleSince: 1,
      asOf: 1,
    };
    pushes[0]?.(good);
    pushes[0]?.({ kind: 'reset', tenant: 'cedar-group', state: { nope: true }, seq: 1 });
    expect(received[0]).toEqual(good);
    expect(received[1]).toMatchObject({ kind: 'error', tenant: 'cedar-group', code: 'bad_state' });
  });

  it('uses the browser host when there is no preload', async () => {
    const browser = createFixtureHost();
    const host = await getHostBridge({
      loadBrowserHost: async () => ({ createBrowserHost: () => browser }),
    });
    expect(host.source).toBe('browser');
    expect(host.bridge).toBe(browser);
  });

  it('refuses to fall back to demo data unless asked, naming the fix', async () => {
    const loadBrowserHost = async () => {
      throw new Error('chunk failed');
    };
    await expect(getHostBridge({ loadBrowserHost })).rejects.toThrow(HostUnavailableError);
    await expect(getHostBridge({ loadBrowserHost })).rejects.toThrow(
      /chunk failed.*window\.opsHost/,
    );
  });

  it('falls back to the fixture host only when allowed, and says why', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const host = await getHostBridge({
      allowFixtureFallback: true,
      loadBrowserHost: async () => {
        throw new Error('chunk failed');
      },
    });
    expect(host.source).toBe('fixture');
    expect(host.fallbackReason).toContain('chunk failed');
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
    (host.bridge as ReturnType<typeof createFixtureHost>).control.stop();
  });
});
