import { z } from 'zod';
import { URL_MAX_LENGTH, bridgeTextSchema } from './bridge-limits';
import { bridgeErrorSchema } from './bridge-result';
import { namedPlaylistsSchema } from '../playlist';

/** What the host is and can do, so the renderer can offer only what works. */
export const appInfoSchema = z.object({
  name: bridgeTextSchema,
  version: bridgeTextSchema,
  host: z.enum(['electron', 'browser']),
  platform: bridgeTextSchema,
  /** True when the host can run a hub on this machine ("Host a hub on this PC"). */
  canHostHub: z.boolean(),
  /** True when the host can open native windows; the browser host opens tabs instead. */
  canOpenWindows: z.boolean(),
  /** Wall playlists from IT's managed policy: read-only in Settings ("Set by your IT department"). */
  managedPlaylists: namedPlaylistsSchema.optional(),
});

export type AppInfo = z.infer<typeof appInfoSchema>;

/** The hub bundled with the desktop app, when it runs one. */
export const hostedHubStatusSchema = z.object({
  running: z.boolean(),
  url: z.string().max(URL_MAX_LENGTH).optional(),
  demo: z.boolean().optional(),
  error: bridgeErrorSchema.optional(),
});

export type HostedHubStatus = z.infer<typeof hostedHubStatusSchema>;

/** A host name or IP literal to bind the bundled hub to, e.g. `127.0.0.1`, `0.0.0.0`, `::1`. */
export const bindAddressSchema = z
  .string()
  .min(1)
  // 253: the longest DNS host name.
  .max(253)
  .regex(/^[A-Za-z0-9.:-]+$/, 'expected a host name or IP address such as 127.0.0.1');

/** Options of `hostedHub.start`. */
export const hostedHubStartSchema = z.strictObject({
  demo: z.boolean(),
  bindAddress: bindAddressSchema.optional(),
});

export type HostedHubStartOptions = z.infer<typeof hostedHubStartSchema>;
