import { useCallback } from 'react';
import { useStore } from 'zustand';
import type { AlertRecord } from '../../../protocol/board/board-state';
import type { BoardKind } from '../../../protocol/bridge/host-bridge';
import type { PlaylistStep } from '../../../protocol/playlist';
import { OperatorActionsProvider } from '../actions/action-availability';
import { AlertActions } from '../alerts/alert-actions';
import { CriticalAlerts } from '../alerts/critical-alerts';
import { useCriticalAlertNotices } from '../alerts/use-alert-notices';
import { useAppStores, useBoardView, useMessages } from '../app/app-stores';
import { BOARD_PANEL_ID, BoardTabs, boardTabId } from '../components/board-tabs';
import { DataClockProvider } from '../components/data-clock';
import { FreshnessBanner } from '../components/freshness-banner';
import { useLearnTenantNames } from '../format/tenant-names';
import { LanguageSwitcher } from '../components/language-switcher';
import { OpenWindowButton } from '../components/open-window-button';
import type { Route } from '../routing/hash-route';
import { formatRoute } from '../routing/hash-route';
import { usePlaylistRotation, useBurnInShift, useWallExit } from '../wall/use-wall-mode';
import { WallHeader } from '../wall/wall-header';
import { toRotation } from '../wall/wall-playlist';
import { BoardContent } from './board-panel';

export interface TenantScreenProps {
  route: Route & { tenant: string };
  tenantName: string;
  navigate: (route: Route, options?: { replace?: boolean }) => void;
}

/**
 * One tenant: header, board tabs, the freshness banner and the selected board.
 * In wall mode the chrome goes, type grows, the playlist rotates and the board
 * shifts a few pixels now and then against burn-in.
 */
export function TenantScreen({ route, tenantName, navigate }: TenantScreenProps) {
  const { prefs, session } = useAppStores();
  const { t } = useMessages();
  const savedPlaylist = useStore(prefs, (state) => state.playlist);
  const view = useBoardView(route.tenant, (board) => board);
  useLearnTenantNames(route.tenant, view.state);
  const wall = route.wall;
  // A refused URL playlist does not fall back to the saved one: the wall shows why instead.
  const playlist =
    route.playlist ??
    (savedPlaylist.boards.length > 0 && !route.playlistError ? savedPlaylist : null);
  const selectBoard = useCallback(
    (board: BoardKind) => navigate({ ...route, board }, { replace: route.wall }),
    [navigate, route],
  );
  const selectStep = useCallback(
    (step: PlaylistStep) => navigate({ ...route, ...step }, { replace: true }),
    [navigate, route],
  );
  const exitWall = useCallback(
    () => navigate({ ...route, wall: false, playlist: null }),
    [navigate, route],
  );
  usePlaylistRotation(
    wall,
    playlist ? toRotation(playlist, route.tenant) : null,
    { tenant: route.tenant, board: route.board },
    selectStep,
  );
  useWallExit(wall, exitWall);
  const [dx, dy] = useBurnInShift(wall);
  useCriticalAlertNotices({ tenant: route.tenant, tenantName, state: view.state, wall });

  return (
    <div
      className={`tenant-screen${wall ? ' tenant-screen--wall' : ''}`}
      style={wall ? { transform: `translate(${dx}px, ${dy}px)` } : undefined}
      data-wall={wall || undefined}
    >
      {!wall && (
        <header className="app-header">
          <a
            className="skip-link"
            href="#main"
            onClick={(event) => {
              event.preventDefault();
              document.getElementById('main')?.focus();
            }}
          >
            {t.skipToBoard}
          </a>
          <div className="app-header__title">
            <span className="app-header__app">{t.appName}</span>
            <h1 className="app-header__tenant">{tenantName}</h1>
          </div>
          <nav className="app-header__actions" aria-label={t.appName}>
            <a className="button button--small button--quiet" href="#/">
              {t.tenants.switch}
            </a>
            <OpenWindowButton tenant={route.tenant} board={route.board} />
            <a
              className="button button--small button--quiet"
              href={formatRoute({ ...route, wall: true })}
              title={t.wall.exitHint}
            >
              {t.wall.enter}
            </a>
            <LanguageSwitcher />
            <button
              type="button"
              className="button button--small button--quiet"
              onClick={() => void session.getState().signOut()}
            >
              {t.signIn.signOut}
            </button>
          </nav>
          <BoardTabs board={route.board} onSelect={selectBoard} />
        </header>
      )}
      {wall && <WallHeader tenant={route.tenant} tenantName={tenantName} board={route.board} />}
      {wall && route.playlistError && (
        <p role="alert" className="banner banner--warning wall-playlist-error">
          {t.playlists.refused(route.playlistError)}
        </p>
      )}
      <FreshnessBanner tenant={route.tenant} />
      <main id="main" className="board" tabIndex={-1} data-board={route.board}>
        <div
          id={BOARD_PANEL_ID}
          {...(wall ? {} : { role: 'tabpanel', 'aria-labelledby': boardTabId(route.board) })}
        >
          {view.state ? (
            <DataClockProvider tenant={route.tenant}>
              {/* Actions on the desktop only: a wall display has no controls. */}
              <OperatorActionsProvider tenant={wall ? null : route.tenant}>
                <CriticalAlerts
                  state={view.state}
                  wall={wall}
                  renderAcknowledge={renderAlertActions}
                />
                <BoardContent board={route.board} state={view.state} wall={wall} />
              </OperatorActionsProvider>
            </DataClockProvider>
          ) : (
            <p className="empty">
              {view.error ? t.freshness.rejected(view.error.message) : t.freshness.loading}
            </p>
          )}
        </div>
      </main>
    </div>
  );
}

function renderAlertActions(alert: AlertRecord) {
  return <AlertActions alert={alert} className="critical-alerts__actions" />;
}
