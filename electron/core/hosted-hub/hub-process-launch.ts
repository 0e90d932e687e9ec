import type { HostedHubSettings } from './hosted-hub-settings';
import type { HubSecrets } from './hub-secrets';

/**
 * What the main process needs to fork the bundled hub: arguments, a minimal
 * environment without secrets, and the secrets to hand over the message port
 * (see hub-secrets.ts). The hub reads its usual HUB_* variables (see
 * server/config/hub-config.ts), so the bundled hub is configured exactly like
 * `ops-hub serve`.
 */
export interface HubProcessLaunch {
  args: string[];
  env: Record<string, string>;
  /** For `serveHubSecrets`; never put in `env` or `args`. */
  secrets: HubSecrets;
}

export interface HubLaunchInput {
  settings: HostedHubSettings;
  /** The port chosen by choosePort. */
  port: number;
  /** The bundled hub's own data dir (JWT secret, users, heads): `<console data dir>/hosted-hub`. */
  hubDataDir: string;
  /** The built renderer, served by the hub at /console for browsers on the LAN. */
  consoleDir: string;
  admin: { username: string; password: string };
  /** Redis URL when `settings.useRedis` (from REDIS_URL in the console's environment); never from a file. */
  redisUrl?: string;
  /** The console's environment; only the variables a Node process needs are copied. */
  baseEnv: Partial<Record<string, string | undefined>>;
  logLevel?: string;
}

/** Variables copied from the console's environment: enough for Node, DNS and TLS, and no secrets of ours. */
const PASSED_THROUGH = [
  'PATH',
  'HOME',
  'USERPROFILE',
  'APPDATA',
  'LOCALAPPDATA',
  'ProgramData',
  'SystemRoot',
  'TEMP',
  'TMP',
  'TMPDIR',
  'LANG',
  'LC_ALL',
  'TZ',
  'NODE_EXTRA_CA_CERTS',
  'SSL_CERT_FILE',
  'SSL_CERT_DIR',
  'HTTP_PROXY',
  'HTTPS_PROXY',
  'NO_PROXY',
];

/**
 * Builds the args, env and secrets for the hub process.
 * - The admin password and the Redis URL (which may carry a password) go in
 *   `secrets`, never in argv (visible to every user in `ps`) nor env (kept in
 *   `/proc/<pid>/environ` for the process's life).
 * - A Redis URL is passed only when Redis is chosen, so the default is the embedded backplane.
 * @throws Error when `settings.useRedis` is on but no Redis URL was given.
 */
export function buildHubProcessLaunch(input: HubLaunchInput): HubProcessLaunch {
  const env: Record<string, string> = {};
  for (const name of PASSED_THROUGH) {
    const value = input.baseEnv[name];
    if (value !== undefined) env[name] = value;
  }
  Object.assign(env, {
    HUB_HOST: input.settings.bindAddress.replace(/^\[(.*)\]$/, '$1'),
    HUB_PORT: String(input.port),
    HUB_DATA_DIR: input.hubDataDir,
    HUB_CONSOLE_DIR: input.consoleDir,
    HUB_LOG_LEVEL: input.logLevel ?? 'info',
  });
  const secrets: HubSecrets = { admin: { ...input.admin } };
  if (input.settings.useRedis) {
    if (!input.redisUrl)
      throw new Error(
        'buildHubProcessLaunch: settings.useRedis is on but no redisUrl was given; start the console with REDIS_URL set',
      );
    secrets.redisUrl = input.redisUrl;
  }
  return { args: input.settings.demo ? ['--demo'] : [], env, secrets };
}
