import { BOARD_KINDS, type BoardKind } from '../../../protocol/bridge/host-bridge';
import { sanitizePlaylist, type Playlist } from '../stores/prefs-store';

/**
 * Hash routes, so a window or tab can open straight on a board:
 *   #/                                  tenant picker (or the only tenant)
 *   #/t/<tenant>                        the tenant's Overview
 *   #/t/<tenant>/<board>                one board
 *   #/t/<tenant>/<board>?wall=1         wall mode
 *   ...?wall=1&playlist=orders,payments&interval=30   wall mode rotating boards every 30 s
 * `wall`, `playlist` and `interval` are also read from the page's query string
 * (`/console/?wall=1#/t/...`) for kiosk launchers that cannot set a hash query.
 */
export interface Route {
  tenant: string | null;
  board: BoardKind;
  wall: boolean;
  /** From the URL; null means "use the saved playlist". */
  playlist: Playlist | null;
}

export const HOME_ROUTE: Route = { tenant: null, board: 'overview', wall: false, playlist: null };

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
  const tenant = parts[0] === 't' && parts[1] ? parts[1] : null;
  const board = isBoardKind(parts[2]) ? parts[2] : 'overview';
  const wall = params.get('wall') === '1';
  const list = params.get('playlist');
  const playlist = list
    ? sanitizePlaylist({
        boards: list.split(','),
        intervalSec: Number(params.get('interval') ?? 60),
      })
    : null;
  return {
    tenant,
    board,
    wall,
    playlist: playlist && playlist.boards.length > 0 ? playlist : null,
  };
}

/** The hash for a route, e.g. `#/t/cedar-group/orders?wall=1`. */
export function formatRoute(route: Route): string {
  if (!route.tenant) return '#/';
  const params = new URLSearchParams();
  if (route.wall) params.set('wall', '1');
  if (route.wall && route.playlist) {
    params.set('playlist', route.playlist.boards.join(','));
    params.set('interval', String(route.playlist.intervalSec));
  }
  const query = params.toString();
  // URLSearchParams encodes the comma; a readable playlist is nicer in kiosk launchers.
  return `#/t/${encodeURIComponent(route.tenant)}/${route.board}${query ? `?${query.replace(/%2C/g, ',')}` : ''}`;
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    // A malformed escape in a hand-typed URL: keep the raw text instead of failing the whole route.
    return part;
  }
}
