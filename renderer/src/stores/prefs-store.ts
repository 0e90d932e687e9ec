import { createStore, type StoreApi } from 'zustand/vanilla';
import type { BoardKind } from '../../../protocol/bridge/host-bridge';
import { boardPlaylistSchema } from '../../../protocol/bridge/windows';
import {
  describePlaylistIssues,
  namedPlaylistSchema,
  PLAYLISTS_MAX,
  type NamedPlaylist,
} from '../../../protocol/playlist';
import { DEFAULT_ALERT_PREFS, sanitizeAlertPrefs, type AlertPrefs } from '../alerts/alert-prefs';

/** Per-device UI preferences, persisted in localStorage. */
export type Locale = 'en' | 'ar';

export interface Playlist {
  boards: BoardKind[];
  /** Seconds per board, in protocol/playlist.ts's range (5..3600). */
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
  /** Named wall playlists made in Settings (may cross tenants); opened as `#/wall?playlist=<name>`. */
  playlists: NamedPlaylist[];
  /** Desktop notification and sound for new critical alerts. */
  alerts: AlertPrefs;
}

export interface PrefsActions {
  setLocale(locale: Locale): void;
  setPlaylist(playlist: Playlist): void;
  setWallTextSize(size: WallTextSize): void;
  /**
   * Saves `playlist`, replacing the one named `replaces` (a rename or edit) or
   * the one with the same name. Validated with namedPlaylistSchema.
   * @throws Error with the schema's message when the playlist is invalid (the editor validates first).
   */
  savePlaylist(playlist: NamedPlaylist, replaces?: string): void;
  deletePlaylist(name: string): void;
  setAlertPrefs(alerts: AlertPrefs): void;
}

export type PrefsStore = StoreApi<Prefs & PrefsActions>;

export const PREFS_STORAGE_KEY = 'ops-console.prefs.v1';
export const DEFAULT_PREFS: Prefs = {
  locale: 'en',
  playlist: { boards: [], intervalSec: 60 },
  wallTextSize: 'normal',
  playlists: [],
  alerts: DEFAULT_ALERT_PREFS,
};

function sanitizeWallTextSize(value: unknown): WallTextSize {
  return WALL_TEXT_SIZES.includes(value as WallTextSize)
    ? (value as WallTextSize)
    : DEFAULT_PREFS.wallTextSize;
}

/**
 * Validates the saved default playlist with the bridge's schema. A damaged
 * value (unknown board, interval out of range) is dropped with a log line
 * rather than silently rewritten into something nobody chose.
 */
export function sanitizePlaylist(value: unknown): Playlist {
  if (value === undefined) return DEFAULT_PREFS.playlist;
  // The empty default means "no rotation"; the schema requires a board, so it is let through here.
  if (isEmptyPlaylist(value)) return { boards: [], intervalSec: value.intervalSec };
  const parsed = boardPlaylistSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  console.warn(
    `[ops-console] Dropping the saved wall playlist: ${describePlaylistIssues(parsed.error)}`,
  );
  return DEFAULT_PREFS.playlist;
}

function isEmptyPlaylist(value: unknown): value is { boards: []; intervalSec: number } {
  if (typeof value !== 'object' || value === null) return false;
  const raw = value as { boards?: unknown; intervalSec?: unknown };
  return (
    Array.isArray(raw.boards) &&
    raw.boards.length === 0 &&
    boardPlaylistSchema.shape.intervalSec.safeParse(raw.intervalSec).success
  );
}

/** The saved named playlists; each damaged entry (or a repeated name) is dropped with a log line. */
export function sanitizePlaylists(value: unknown): NamedPlaylist[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    console.warn('[ops-console] Dropping the saved playlists: not a list');
    return [];
  }
  const kept: NamedPlaylist[] = [];
  for (const [index, item] of value.slice(0, PLAYLISTS_MAX).entries()) {
    const parsed = namedPlaylistSchema.safeParse(item);
    if (!parsed.success)
      console.warn(
        `[ops-console] Dropping saved playlist #${index + 1}: ${describePlaylistIssues(parsed.error)}`,
      );
    else if (kept.some((playlist) => playlist.name === parsed.data.name))
      console.warn(`[ops-console] Dropping a second saved playlist named "${parsed.data.name}"`);
    else kept.push(parsed.data);
  }
  return kept;
}

function withPlaylist(
  playlists: readonly NamedPlaylist[],
  playlist: NamedPlaylist,
  replaces: string | undefined,
): NamedPlaylist[] {
  const parsed = namedPlaylistSchema.safeParse(playlist);
  if (!parsed.success)
    throw new Error(
      `savePlaylist: ${describePlaylistIssues(parsed.error)}; validate in the editor first`,
    );
  const saved = parsed.data;
  const at = playlists.findIndex((p) => p.name === (replaces ?? saved.name));
  const others = playlists.filter((p, index) => index !== at && p.name !== saved.name);
  if (at < 0) return [...others, saved];
  // Keep the edited playlist where it was in the list.
  const next = [...others];
  next.splice(Math.min(at, next.length), 0, saved);
  return next;
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
      playlists: sanitizePlaylists(value.playlists),
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
    savePlaylist: (playlist, replaces) =>
      set((state) => ({ playlists: withPlaylist(state.playlists, playlist, replaces) })),
    deletePlaylist: (name) =>
      set((state) => ({ playlists: state.playlists.filter((p) => p.name !== name) })),
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
          playlists: prefs.playlists,
          alerts: prefs.alerts,
        }),
      );
    } catch (error) {
      console.warn('[ops-console] Could not save UI preferences', error);
    }
  });
  return store;
}
