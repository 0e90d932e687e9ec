import { homedir } from 'node:os';
import { join } from 'node:path';

/** The environment variable that overrides where Ops Console keeps profiles and caches. */
export const DATA_DIR_ENV = 'OPS_CONSOLE_DATA_DIR';

/**
 * The data directory: `OPS_CONSOLE_DATA_DIR`, or the platform default
 * (Linux `$XDG_DATA_HOME/ops-console` or `~/.local/share/ops-console`,
 * macOS `~/Library/Application Support/ops-console`, Windows `%APPDATA%\ops-console`).
 * It holds no secrets: credentials live in the OS keychain.
 */
export function resolveDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home = homedir(),
): string {
  const override = env[DATA_DIR_ENV];
  if (override && override.trim() !== '') return override;
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'ops-console');
  if (platform === 'win32')
    return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'ops-console');
  return join(env.XDG_DATA_HOME || join(home, '.local', 'share'), 'ops-console');
}
