import { useEffect } from 'react';
import { useStore } from 'zustand';
import { useAppStores, useMessages } from '../app/app-stores';
import type { Route } from '../routing/hash-route';
import { findNamedPlaylist } from './wall-playlist';

/**
 * `#/wall?playlist=<name>`: finds the saved playlist (IT's first, then this
 * device's) and replaces the route with its first step and its steps, so the
 * wall then runs like any other playlist URL. An unknown name says so on screen.
 */
export function NamedPlaylistWall({
  route,
  navigate,
}: {
  route: Route;
  navigate: (route: Route, options?: { replace?: boolean }) => void;
}) {
  const { prefs, session } = useAppStores();
  const { t } = useMessages();
  const saved = useStore(prefs, (state) => state.playlists);
  const appInfo = useStore(session, (state) => state.appInfo);
  const name = route.playlistName;
  // IT's playlists arrive with the app info; until then an unknown name may still be IT's.
  const found = name ? findNamedPlaylist(name, saved, appInfo?.managedPlaylists ?? []) : undefined;
  const settled = found !== undefined || appInfo !== null;
  useEffect(() => {
    const first = found?.steps[0];
    if (!found || !first) return;
    navigate(
      {
        tenant: first.tenant,
        board: first.board,
        wall: true,
        playlist: { steps: found.steps, intervalSec: found.intervalSec },
      },
      { replace: true },
    );
  }, [found, navigate]);
  let message: string;
  if (route.playlistError) message = t.playlists.refused(route.playlistError);
  else if (name && settled && !found) message = t.playlists.notFound(name);
  else message = t.freshness.loading;
  return (
    <main id="main" className="empty" role={settled ? 'alert' : undefined}>
      {message}
    </main>
  );
}
