import { createStore, type StoreApi } from 'zustand/vanilla';
import { BOARD_KINDS, type BoardKind } from '../../../protocol/bridge/host-bridge';

/** Per-device UI preferences, persisted in localStorage. */
export type Locale = 'en' | 'ar';

export interface Playlist {
  boards: BoardKind[];
  /** Seconds per board, 10..3600. */
  intervalSec: number;
}

export interface Prefs {
  locale: Locale;
  /** Playlist used in wall mode when the URL does not give one. Empty boards = no rotation. */
  playlist: Playlist;
}

export interface PrefsActions {
  setLocale(locale: Locale): void;
  setPlaylist(playlist: Playlist): void;
}

export type PrefsStore = StoreApi<Prefs & PrefsActions>;

export const PREFS_STORAGE_KEY = 'ops-console.prefs.v1';
export const DEFAULT_PREFS: Prefs = { locale: 'en', playlist: { boards: [], intervalSec: 60 } };

/** Validates a playlist from storage or a URL; drops unknown boards and clamps the interval. */
export function sanitizePlaylist(value: unknown): Playlist {
  if (typeof value !== 'object' || value === null) return DEFAULT_PREFS.playlist;
  const raw = value as { boards?: unknown; intervalSec?: unknown };
  const boards = Array.isArray(raw.boards)
    ? raw.boards.filter((board): board is BoardKind => BOARD_KINDS.includes(board as BoardKind))
    : [];
  const interval =
    typeof raw.intervalSec === 'number' && Number.isFinite(raw.intervalSec)
      ? raw.intervalSec
      : DEFAULT_PREFS.playlist.intervalSec;
  return { boards, intervalSec: Math.min(3600, Math.max(10, Math.round(interval))) };
}

function readPrefs(storage: Storage | undefined): Prefs {
  if (!storage) return DEFAULT_PREFS;
  try {
    const raw: unknown = JSON.parse(storage.getItem(PREFS_STORAGE_KEY) ?? 'null');
    if (typeof raw !== 'object' || raw === null) return DEFAULT_PREFS;
    const value = raw as Partial<Prefs>;
    return {
      locale: value.locale === 'ar' ? 'ar' : 'en',
      playlist: sanitizePlaylist(value.playlist),
    };
  } catch (error) {
    console.warn('[ops-console] Ignoring unreadable UI preferences', error);
    return DEFAULT_PREFS;
  }
}

/** Creates the prefs store, reading and writing `storage` (localStorage by default). */
export function createPrefsStore(
  storage: Storage | undefined = globalThis.localStorage,
): PrefsStore {
  const store = createStore<Prefs & PrefsActions>((set) => ({
    ...readPrefs(storage),
    setLocale: (locale) => set({ locale }),
    setPlaylist: (playlist) => set({ playlist: sanitizePlaylist(playlist) }),
  }));
  store.subscribe((prefs) => {
    try {
      storage?.setItem(
        PREFS_STORAGE_KEY,
        JSON.stringify({ locale: prefs.locale, playlist: prefs.playlist }),
      );
    } catch (error) {
      console.warn('[ops-console] Could not save UI preferences', error);
    }
  });
  return store;
}
