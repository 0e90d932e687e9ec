import { z } from 'zod';
import { bridgeTextSchema } from './bridge-limits';
import { bridgeErrorSchema } from './bridge-result';

/**
 * What the host says about self-update, for the settings screen and the
 * status bar. The renderer only shows it; every decision is made in the host
 * (electron/core/updates).
 */

export const UPDATE_STATES = [
  /** This host cannot update itself (the browser console: the hub serves the current build). */
  'not-applicable',
  /** Updates are off; `reason` says why. The feed is never contacted. */
  'off',
  'idle',
  'checking',
  'up-to-date',
  /** A newer version exists; with `installBy: 'it'` IT deploys it, the app does nothing more. */
  'available',
  'downloading',
  /** Downloaded; installs when the app restarts. */
  'ready',
  'error',
] as const;
export type UpdateState = (typeof UPDATE_STATES)[number];

export const UPDATE_REASONS = [
  'browser',
  'development',
  'policy-off',
  'policy-broken',
  'no-feed',
  'current',
  'staged',
  'per-machine',
  'per-user',
  'feed-error',
] as const;
/** Why the state is what it is; the renderer turns it into a sentence. */
export type UpdateReason = (typeof UPDATE_REASONS)[number];

export const updateStatusSchema = z.object({
  state: z.enum(UPDATE_STATES),
  reason: z.enum(UPDATE_REASONS),
  currentVersion: bridgeTextSchema,
  channel: z.enum(['stable', 'beta']).optional(),
  /** True when IT's policy pins the channel or feed. */
  managed: z.boolean().optional(),
  availableVersion: bridgeTextSchema.optional(),
  /** Who installs a found update: the app on restart, or IT (per-machine installs never self-install). */
  installBy: z.enum(['app', 'it']).optional(),
  /** Download progress, 0–100, while `downloading`. */
  percent: z.number().min(0).max(100).optional(),
  /** Epoch ms of the last completed feed check. */
  checkedAt: z.number().optional(),
  error: bridgeErrorSchema.optional(),
  /** Why IT's policy file was rejected, when it was (the most restrictive settings then apply). */
  policyProblem: bridgeTextSchema.optional(),
});

export type UpdateStatus = z.infer<typeof updateStatusSchema>;
