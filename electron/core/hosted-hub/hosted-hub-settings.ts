import { join } from 'node:path';
import { z } from 'zod';
import { readJsonFile, writeJsonAtomically } from '../../../node-shared/json-file';

/**
 * The user's choices for "Host a hub on this PC", kept in the data dir so the
 * hub comes back on the same address (and the same keychain entry) next start.
 */
export const hostedHubSettingsSchema = z.object({
  version: z.literal(1),
  /** Start the bundled hub when the console starts. */
  autoStart: z.boolean(),
  /** Run the demo simulator inside the hub. */
  demo: z.boolean(),
  /** Address to bind: 127.0.0.1 keeps the hub private to this PC; 0.0.0.0 shares it on the LAN. */
  bindAddress: z.string().regex(/^[A-Za-z0-9.:[\]-]+$/),
  /** Port to try first; the last port actually used once the hub has run. */
  port: z.number().int().min(1).max(65535),
  /**
   * Whether the hub ran on Redis last time. The URL itself (it can hold a
   * password) is never stored here: it comes from REDIS_URL in the console's
   * environment at each start, and without it the hub uses the embedded backplane.
   */
  useRedis: z.boolean(),
});
export type HostedHubSettings = z.infer<typeof hostedHubSettingsSchema>;

export const HOSTED_HUB_SETTINGS_FILE = 'hosted-hub.json';

/** Loopback-only, port 8787 (the hub's default), memory backplane, demo on. */
export const DEFAULT_HOSTED_HUB_SETTINGS: HostedHubSettings = {
  version: 1,
  autoStart: false,
  demo: true,
  bindAddress: '127.0.0.1',
  port: 8787,
  useRedis: false,
};

/**
 * Loads the settings; missing gives the defaults, and a damaged file is logged
 * and replaced by the defaults.
 */
export async function loadHostedHubSettings(
  dataDir: string,
  log: (message: string) => void,
): Promise<HostedHubSettings> {
  const file = join(dataDir, HOSTED_HUB_SETTINGS_FILE);
  const read = await readJsonFile(file);
  if (read.kind === 'missing') return DEFAULT_HOSTED_HUB_SETTINGS;
  const parsed = read.kind === 'ok' ? hostedHubSettingsSchema.safeParse(read.value) : null;
  if (!parsed?.success) {
    log(`bundled hub settings ${file} are damaged; using the defaults (127.0.0.1:8787, demo)`);
    return DEFAULT_HOSTED_HUB_SETTINGS;
  }
  return parsed.data;
}

/** Saves the settings atomically. */
export async function saveHostedHubSettings(
  dataDir: string,
  settings: HostedHubSettings,
): Promise<void> {
  await writeJsonAtomically(
    join(dataDir, HOSTED_HUB_SETTINGS_FILE),
    hostedHubSettingsSchema.parse(settings),
    { createDir: true },
  );
}
