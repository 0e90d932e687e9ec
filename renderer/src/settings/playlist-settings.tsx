import { useState } from 'react';
import { useStore } from 'zustand';
import { PLAYLIST_INTERVAL_DEFAULT_SEC, type NamedPlaylist } from '../../../protocol/playlist';
import { useAppStores, useMessages } from '../app/app-stores';
import { formatRoute } from '../routing/hash-route';
import { PlaylistEditor } from './playlist-editor';

/** The wall URL that opens a saved playlist by name. */
export function namedWallHash(name: string): string {
  return formatRoute({
    tenant: null,
    board: 'overview',
    wall: true,
    playlist: null,
    playlistName: name,
  });
}

/**
 * The settings screen's "Wall playlists" section: IT's playlists (read-only,
 * from the managed policy), this device's playlists (create, edit, rename,
 * delete) and the ways to put one on a screen.
 */
export function PlaylistSettings() {
  const { prefs, session } = useAppStores();
  const { t } = useMessages();
  const saved = useStore(prefs, (state) => state.playlists);
  const tenants = useStore(session, (state) => state.tenants);
  const managed = useStore(session, (state) => state.appInfo?.managedPlaylists ?? NONE);
  // The name being edited; '' with `draft` set means a new playlist.
  const [editing, setEditing] = useState<string | null>(null);
  const [draft, setDraft] = useState<NamedPlaylist | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const startNew = () => {
    const taken = new Set([...saved, ...managed].map((playlist) => playlist.name));
    let n = saved.length + 1;
    while (taken.has(t.playlists.defaultName(n))) n += 1;
    setDraft({
      name: t.playlists.defaultName(n),
      steps: [],
      intervalSec: PLAYLIST_INTERVAL_DEFAULT_SEC,
    });
    setEditing('');
    setNotice(null);
  };
  const close = () => {
    setDraft(null);
    setEditing(null);
  };

  return (
    <section className="settings-section" aria-labelledby="settings-playlists">
      <h2 id="settings-playlists">{t.playlists.title}</h2>
      <p className="hint">{t.playlists.intro}</p>
      {managed.length > 0 && (
        <ul className="playlist-list" aria-label={t.playlists.managed}>
          {managed.map((playlist) => (
            <PlaylistRow key={`it-${playlist.name}`} playlist={playlist} managed />
          ))}
        </ul>
      )}
      {saved.length === 0 && managed.length === 0 && <p>{t.playlists.none}</p>}
      {saved.length > 0 && (
        <ul className="playlist-list">
          {saved.map((playlist) =>
            editing === playlist.name && draft ? (
              <li key={playlist.name}>
                <PlaylistEditor
                  initial={draft}
                  tenants={tenants}
                  takenNames={namesExcept([...saved, ...managed], playlist.name)}
                  onSave={(next) => {
                    prefs.getState().savePlaylist(next, playlist.name);
                    setNotice(t.playlists.saved);
                    close();
                  }}
                  onCancel={close}
                />
              </li>
            ) : (
              <PlaylistRow
                key={playlist.name}
                playlist={playlist}
                onEdit={() => {
                  setDraft(playlist);
                  setEditing(playlist.name);
                  setNotice(null);
                }}
                onDelete={() => prefs.getState().deletePlaylist(playlist.name)}
              />
            ),
          )}
        </ul>
      )}
      {editing === '' && draft ? (
        <PlaylistEditor
          initial={draft}
          tenants={tenants}
          takenNames={namesExcept([...saved, ...managed], null)}
          onSave={(next) => {
            prefs.getState().savePlaylist(next);
            setNotice(t.playlists.saved);
            close();
          }}
          onCancel={close}
        />
      ) : (
        <div className="settings-actions">
          <button type="button" className="button" onClick={startNew} disabled={editing !== null}>
            {t.playlists.create}
          </button>
        </div>
      )}
      {notice && <p role="status">{notice}</p>}
    </section>
  );
}

const NONE: readonly NamedPlaylist[] = [];

/** Goes to the wall route in this window, the way useHashRoute's navigate does (a history entry, then hashchange). */
function openHere(hash: string): void {
  window.history.pushState(null, '', hash);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

function namesExcept(playlists: readonly NamedPlaylist[], except: string | null): string[] {
  return playlists.map((playlist) => playlist.name).filter((name) => name !== except);
}

/** One playlist with its summary and actions; IT's have no edit or delete. */
function PlaylistRow({
  playlist,
  managed = false,
  onEdit,
  onDelete,
}: {
  playlist: NamedPlaylist;
  managed?: boolean;
  onEdit?: () => void;
  onDelete?: () => void;
}) {
  const { bridge, session } = useAppStores();
  const { t } = useMessages();
  const canOpenWindows = useStore(session, (state) => state.appInfo?.canOpenWindows ?? false);
  const [error, setError] = useState<string | null>(null);
  const hash = namedWallHash(playlist.name);
  const openWindow = async () => {
    setError(null);
    const first = playlist.steps[0];
    if (!first) return;
    if (!canOpenWindows) {
      // A browser tab shares this origin's saved playlists, so the name form is enough.
      window.open(
        `${window.location.pathname}${window.location.search}${hash}`,
        '_blank',
        'noopener',
      );
      return;
    }
    const result = await bridge.windows.open(first.tenant, first.board, {
      mode: 'kiosk',
      playlist: { steps: playlist.steps, intervalSec: playlist.intervalSec },
    });
    if (!result.ok) setError(t.playlists.openFailed(result.error.message));
  };
  return (
    <li className="playlist-row">
      <div>
        <strong>
          <bdi>{playlist.name}</bdi>
        </strong>{' '}
        <span className="hint">
          {t.playlists.summary(playlist.steps.length, playlist.intervalSec)}
        </span>
        {managed && <span className="playlist-row__managed"> · {t.playlists.managed}</span>}
      </div>
      <div className="settings-actions">
        <button type="button" className="button button--small" onClick={() => openHere(hash)}>
          {t.playlists.openHere}
        </button>
        <button type="button" className="button button--small" onClick={() => void openWindow()}>
          {t.playlists.openWindow}
        </button>
        {onEdit && (
          <button type="button" className="button button--small button--quiet" onClick={onEdit}>
            {t.playlists.edit}
          </button>
        )}
        {onDelete && (
          <button
            type="button"
            className="button button--small button--quiet"
            aria-label={`${t.playlists.delete} ${playlist.name}`}
            onClick={onDelete}
          >
            {t.playlists.delete}
          </button>
        )}
      </div>
      {error && (
        <p role="alert" className="inline-error">
          {error}
        </p>
      )}
    </li>
  );
}
