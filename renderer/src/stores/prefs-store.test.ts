import { describe, expect, it, vi } from 'vitest';
import { createPrefsStore, PREFS_STORAGE_KEY } from './prefs-store';
import { memoryStorage } from '../testing/memory-storage';

describe('prefs store', () => {
  it('persists the locale and playlist and reads them back in a new window', () => {
    const storage = memoryStorage();
    const first = createPrefsStore(storage);
    first.getState().setLocale('ar');
    first.getState().setPlaylist({ boards: ['orders', 'payments'], intervalSec: 30 });
    const second = createPrefsStore(storage);
    expect(second.getState().locale).toBe('ar');
    expect(second.getState().playlist).toEqual({ boards: ['orders', 'payments'], intervalSec: 30 });
  });

  it('persists the wall text size and ignores an unknown one', () => {
    const storage = memoryStorage();
    createPrefsStore(storage).getState().setWallTextSize('xlarge');
    expect(createPrefsStore(storage).getState().wallTextSize).toBe('xlarge');
    const foreign = memoryStorage({
      [PREFS_STORAGE_KEY]: JSON.stringify({ locale: 'ar', wallTextSize: 'enormous' }),
    });
    expect(createPrefsStore(foreign).getState().wallTextSize).toBe('normal');
    expect(createPrefsStore(foreign).getState().locale).toBe('ar');
  });

  it('falls back to defaults for corrupt or foreign stored data, dropping a damaged playlist with a log line instead of rewriting it', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const storage = memoryStorage({
      [PREFS_STORAGE_KEY]: JSON.stringify({
        locale: 'xx',
        playlist: { boards: ['nope', 'feed'], intervalSec: 1 },
      }),
    });
    const prefs = createPrefsStore(storage).getState();
    expect(prefs.locale).toBe('en');
    // Before issue 12 this was silently rewritten to { boards: ['feed'], intervalSec: 10 }.
    expect(prefs.playlist).toEqual({ boards: [], intervalSec: 60 });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('Dropping the saved wall playlist'));
    const broken = createPrefsStore(memoryStorage({ [PREFS_STORAGE_KEY]: '{not json' })).getState();
    expect(broken.locale).toBe('en');
    warn.mockRestore();
  });

  const lobby = {
    name: 'Lobby',
    steps: [
      { tenant: 'cedar-group', board: 'orders' as const },
      { tenant: 'harbor-eats', board: 'overview' as const },
    ],
    intervalSec: 15,
  };

  it('saves, renames and deletes named playlists across tenants and reads them back', () => {
    const storage = memoryStorage();
    const prefs = createPrefsStore(storage).getState();
    prefs.savePlaylist(lobby);
    prefs.savePlaylist({ ...lobby, name: 'Kitchen' });
    createPrefsStore(storage)
      .getState()
      .savePlaylist({ ...lobby, name: 'Front' }, 'Lobby');
    const reread = createPrefsStore(storage).getState();
    expect(reread.playlists.map((p) => p.name)).toEqual(['Front', 'Kitchen']);
    expect(reread.playlists[0]).toEqual({ ...lobby, name: 'Front' });
    reread.deletePlaylist('Kitchen');
    expect(
      createPrefsStore(storage)
        .getState()
        .playlists.map((p) => p.name),
    ).toEqual(['Front']);
  });

  it('refuses to save a playlist outside the schema', () => {
    const prefs = createPrefsStore(memoryStorage()).getState();
    expect(() => prefs.savePlaylist({ ...lobby, intervalSec: 4 })).toThrow(/at least 5 s/);
    expect(prefs.playlists).toEqual([]);
  });

  it('drops a damaged saved playlist, and a second one with the same name, with a log line each, and keeps the rest', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const storage = memoryStorage({
      [PREFS_STORAGE_KEY]: JSON.stringify({
        playlists: [lobby, { ...lobby, name: 'Fast', intervalSec: 1 }, lobby, 'garbage'],
      }),
    });
    expect(createPrefsStore(storage).getState().playlists).toEqual([lobby]);
    expect(warn).toHaveBeenCalledTimes(3);
    expect(String(warn.mock.calls[0]?.[0])).toContain('intervalSec');
    warn.mockRestore();
  });
});
