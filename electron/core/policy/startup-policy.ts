import { z } from 'zod';

/**
 * The `startup` block of the managed policy, for wall-display boxes that must
 * come back on their own after a power cut: start at login, on which display,
 * and how often a crashed page may be reloaded.
 */
export const startupPolicySchema = z.strictObject({
  /** Start the console when the user logs in (Windows/macOS login item, Linux XDG autostart entry). */
  launchAtLogin: z.boolean().default(false),
  /** Display for the first window when no layout is saved: 0 is the primary, 1 the next by position… */
  displayIndex: z.number().int().min(0).max(15).optional(),
  /** Upper bound on automatic reloads of one window's crashed or hung page per rolling hour. */
  maxRendererReloadsPerHour: z.number().int().min(1).max(120).default(12),
});

export type StartupPolicy = z.output<typeof startupPolicySchema>;
