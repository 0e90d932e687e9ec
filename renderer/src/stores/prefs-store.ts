import { createStore, type StoreApi } from 'zustand/vanilla';
import { BOARD_KINDS, type BoardKind } from '../../../protocol/bridge/host-bridge';
import { DEFAULT_ALERT_PREFS, sanitizeAlertPrefs, type AlertPrefs } from '../alerts/alert-prefs';

/** Per-device UI preferences, persisted in localStorage. */
export type Locale = 'en' | 'ar';

export interface Playlist {
  boards: BoardKind[];
  /** Seconds per board, 10..3600. */
  intervalSec: number;
}

/** Type size on wall displays (the large-type setting). */
export type WallTextSize = 'normal' | 'large' | 'xlarge';

export const WALL_TEXT_SIZES: readonly WallTextSize[] = ['normal', 'large', 'xlarge'];

/** How much each wall text size scales the wall's type (theme.css `--wall-scale`). */
export const WALL_TEXT_SCALE: Record<WallTextSize, number> = {
  normal: 1,
  large: 1.25,
  xlarge: 1.5,
};

export interface Prefs {
  locale: Locale;
  /** Playlist used in wall mode when the URL does not give one. Empty boards = no rotation. */
  playlist: Playlist;
  /** Scales the type in wall mode, for screens read from across a room. */
  wallTextSize: WallTextSize;
  /** Desktop notification and sound for new critical alerts. */
  alerts: AlertPrefs;
}

export interface PrefsActions {
  setLocale(locale: Locale): void;
  setPlaylist(playlist: Playlist): void;
  setWallTextSize(size: WallTextSize): void;
  setAlertPrefs(alerts: AlertPrefs): void;
}

export type PrefsStore = StoreApi<Prefs & PrefsActions>;

export const PREFS_STORAGE_KEY = 'ops-console.prefs.v1';
export const DEFAULT_PREFS: Prefs = {
  locale: 'en',
  playlist: { boards: [], intervalSec: 60 },
  wallTextSize: 'normal',
  alerts: DEFAULT_ALERT_PREFS,
};

function sanitizeWallTextSize(value: unknown): WallTextSize {
  return WALL_TEXT_SIZES.includes(value as WallTextSize)
    ? (value as WallTextSize)
    : DEFAULT_PREFS.wallTextSize;
}

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
      wallTextSize: sanitizeWallTextSize(value.wallTextSize),
      alerts: sanitizeAlertPrefs(value.alerts),
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
    setWallTextSize: (size) => set({ wallTextSize: sanitizeWallTextSize(size) }),
    setAlertPrefs: (alerts) => set({ alerts: sanitizeAlertPrefs(alerts) }),
  }));
  store.subscribe((prefs) => {
    try {
      storage?.setItem(
        PREFS_STORAGE_KEY,
        JSON.stringify({
          locale: prefs.locale,
          playlist: prefs.playlist,
          wallTextSize: prefs.wallTextSize,
          alerts: prefs.alerts,
        }),
      );
    } catch (error) {
      console.warn('[ops-console] Could not save UI preferences', error);
    }
  });
  return store;
}
