import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { platformDataDir } from '../../node-shared/data-dir';

/** The environment variable that overrides where Ops Console keeps profiles and caches. */
export const DATA_DIR_ENV = 'OPS_CONSOLE_DATA_DIR';

const APP_FOLDER = 'ops-console';

/**
 * The data directory: `OPS_CONSOLE_DATA_DIR`, or the platform default from
 * `platformDataDir` (Linux `$XDG_DATA_HOME/ops-console` or `~/.local/share/ops-console`,
 * macOS `~/Library/Application Support/ops-console`, Windows `%LOCALAPPDATA%\ops-console`).
 * On Windows, a console that kept its data in the roaming `%APPDATA%\ops-console`
 * (as builds before this resolver did) keeps using it while no LOCALAPPDATA folder
 * exists, so an update never loses its profiles and window layout.
 * It holds no secrets: credentials live in the OS keychain.
 */
export function resolveDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home = homedir(),
  exists: (path: string) => boolean = existsSync,
): string {
  const override = env[DATA_DIR_ENV];
  if (override && override.trim() !== '') return override;
  const dir = platformDataDir(APP_FOLDER, { platform, homeDir: home, env });
  if (platform !== 'win32' || exists(dir)) return dir;
  const roaming = join(env.APPDATA || join(home, 'AppData', 'Roaming'), APP_FOLDER);
  return exists(roaming) ? roaming : dir;
}
