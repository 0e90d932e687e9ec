import { homedir } from 'node:os';
import { join } from 'node:path';

/** What {@link platformDataDir} reads from the machine; tests pass their own. */
export interface DataDirHost {
  platform: NodeJS.Platform;
  homeDir: string;
  env: Partial<Record<string, string | undefined>>;
}

/** The running process's platform, home folder and environment. */
export function currentDataDirHost(): DataDirHost {
  return { platform: process.platform, homeDir: homedir(), env: process.env };
}

/**
 * The per-user data folder for `appFolder`, following each OS's convention:
 * - Linux and other Unixes: `$XDG_DATA_HOME/<appFolder>`, else `~/.local/share/<appFolder>`;
 * - macOS: `~/Library/Application Support/<appFolder>`;
 * - Windows: `%LOCALAPPDATA%\<appFolder>`, else `~\AppData\Local\<appFolder>`.
 *
 * Windows gets LOCALAPPDATA, not the roaming APPDATA: hub data (tenant journals, the
 * generated JWT secret) and the console's caches and window layout belong to this
 * machine, and roaming profiles copy APPDATA to every machine the user signs in to.
 * An empty variable counts as unset, so `XDG_DATA_HOME= cmd` never writes into the cwd.
 * Callers apply their own override variable (HUB_DATA_DIR, OPS_CONSOLE_DATA_DIR) first.
 * @param appFolder a single folder name such as `ops-hub`; never a path.
 * @throws TypeError when `appFolder` is empty or contains a path separator.
 */
export function platformDataDir(
  appFolder: string,
  host: DataDirHost = currentDataDirHost(),
): string {
  if (appFolder === '' || /[/\\]/.test(appFolder) || appFolder === '.' || appFolder === '..')
    throw new TypeError(`appFolder must be one folder name such as 'ops-hub', got '${appFolder}'`);
  const { platform, homeDir, env } = host;
  if (platform === 'win32')
    return join(env.LOCALAPPDATA || join(homeDir, 'AppData', 'Local'), appFolder);
  if (platform === 'darwin') return join(homeDir, 'Library', 'Application Support', appFolder);
  return join(env.XDG_DATA_HOME || join(homeDir, '.local', 'share'), appFolder);
}
