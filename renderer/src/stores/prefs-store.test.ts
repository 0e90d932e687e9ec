import { describe, expect, it } from 'vitest';
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

  it('falls back to defaults for corrupt or foreign stored data', () => {
    const storage = memoryStorage({
      [PREFS_STORAGE_KEY]: JSON.stringify({
        locale: 'xx',
        playlist: { boards: ['nope', 'feed'], intervalSec: 1 },
      }),
    });
    const prefs = createPrefsStore(storage).getState();
    expect(prefs.locale).toBe('en');
    expect(prefs.playlist).toEqual({ boards: ['feed'], intervalSec: 10 });
    const broken = createPrefsStore(memoryStorage({ [PREFS_STORAGE_KEY]: '{not json' })).getState();
    expect(broken.locale).toBe('en');
  });
});
