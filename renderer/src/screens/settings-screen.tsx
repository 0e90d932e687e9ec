import '../styles/settings.css';
import { useMessages } from '../app/app-stores';
import { AlertSettings } from '../settings/alert-settings';
import { UpdateSettings } from '../settings/update-settings';
import { PlaylistSettings } from '../settings/playlist-settings';
import { WallSettings } from '../settings/wall-settings';

/** The settings route (`#/settings`); today it holds the Updates, Wall displays and Wall playlists sections. */
export function SettingsScreen() {
  const { t } = useMessages();
  return (
    <main id="main" className="settings-screen" tabIndex={-1}>
      <h1>{t.settings.title}</h1>
      <UpdateSettings />
      <WallSettings />
      <PlaylistSettings />
      <AlertSettings />
      <a className="button button--quiet" href="#/">
        {t.settings.back}
      </a>
    </main>
  );
}

/** True for the settings route's hash. */
export function isSettingsHash(hash: string): boolean {
  return hash === '#/settings';
}
