import { BOARD_KINDS, type BoardKind } from '../../../protocol/bridge/host-bridge';
import { playlistNameSchema } from '../../../protocol/playlist';
import type { WindowPlaylist } from '../../../protocol/bridge/windows';
import { parseUrlPlaylist } from './url-playlist';

/**
 * Hash routes, so a window or tab can open straight on a board:
 *   #/                                  tenant picker (or the only tenant)
 *   #/t/<tenant>                        the tenant's Overview
 *   #/t/<tenant>/<board>                one board
 *   #/t/<tenant>/<board>?wall=1         wall mode
 *   ...?wall=1&playlist=orders,payments&interval=30   wall mode rotating the tenant's boards every 30 s
 *   ...?wall=1&steps=cedar-group:orders,harbor-eats:overview&interval=30   rotating across tenants
 *   #/wall?playlist=<name>              wall mode on a playlist saved in Settings or set by IT
 * `interval` is 5..3600 s (protocol/playlist.ts); a playlist out of range is
 * refused with a message on screen, never rewritten. `wall`, `playlist`,
 * `steps` and `interval` are also read from the page's query string
 * (`/console/?wall=1#/t/...`) for kiosk launchers that cannot set a hash query.
 * The full form is documented in docs/deployment.md ("Wall playlists").
 */
export interface Route {
  tenant: string | null;
  board: BoardKind;
  wall: boolean;
  /** From the URL; null means "use the saved playlist". */
  playlist: WindowPlaylist | null;
  /** `#/wall?playlist=<name>`: a saved playlist to open by name (App resolves it). */
  playlistName?: string;
  /** Why the URL's playlist was refused; shown on the wall, which then does not rotate. */
  playlistError?: string;
}

export const HOME_ROUTE: Route = { tenant: null, board: 'overview', wall: false, playlist: null };

/** The query keys a wall route may carry (dropped together when leaving wall mode). */
export const WALL_QUERY_KEYS = ['wall', 'playlist', 'boards', 'steps', 'interval'] as const;

export function isBoardKind(value: string | undefined): value is BoardKind {
  return BOARD_KINDS.includes(value as BoardKind);
}

/** Parses a location hash (and optional page query); unknown boards fall back to Overview. */
export function parseRoute(hash: string, search = ''): Route {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  const [path = '', hashQuery = ''] = raw.split('?', 2);
  const params = new URLSearchParams(search);
  for (const [key, value] of new URLSearchParams(hashQuery)) params.set(key, value);
  const parts = path.split('/').filter(Boolean).map(safeDecode);
  if (parts[0] === 'wall' && parts.length === 1) return namedWallRoute(params.get('playlist'));
  const tenant = parts[0] === 't' && parts[1] ? parts[1] : null;
  const board = isBoardKind(parts[2]) ? parts[2] : 'overview';
  const wall = params.get('wall') === '1';
  const parsed = parseUrlPlaylist(params);
  return {
    tenant,
    board,
    wall,
    playlist: parsed.ok ? parsed.playlist : null,
    ...(parsed.ok ? {} : { playlistError: parsed.error }),
  };
}

function namedWallRoute(name: string | null): Route {
  const route: Route = { tenant: null, board: 'overview', wall: true, playlist: null };
  const parsed = playlistNameSchema.safeParse(name ?? '');
  if (!parsed.success)
    return { ...route, playlistError: 'the wall URL needs ?playlist=<name of a saved playlist>' };
  return { ...route, playlistName: parsed.data };
}

/** The hash for a route, e.g. `#/t/cedar-group/orders?wall=1`. */
export function formatRoute(route: Route): string {
  if (!route.tenant) {
    if (route.wall && route.playlistName)
      return `#/wall?playlist=${encodeURIComponent(route.playlistName)}`;
    return '#/';
  }
  const params = new URLSearchParams();
  if (route.wall) params.set('wall', '1');
  const playlist = route.wall ? route.playlist : null;
  if (playlist && 'steps' in playlist) {
    params.set('steps', playlist.steps.map((step) => `${step.tenant}:${step.board}`).join(','));
    params.set('interval', String(playlist.intervalSec));
  } else if (playlist) {
    params.set('playlist', playlist.boards.join(','));
    params.set('interval', String(playlist.intervalSec));
  }
  const query = params.toString();
  // URLSearchParams encodes the comma and colon; a readable playlist is nicer in kiosk launchers.
  return `#/t/${encodeURIComponent(route.tenant)}/${route.board}${query ? `?${query.replace(/%2C/g, ',').replace(/%3A/g, ':')}` : ''}`;
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    // A malformed escape in a hand-typed URL: keep the raw text instead of failing the whole route.
    return part;
  }
}
