import type { WireError } from '../error-codes';

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

export interface UpdateStatus {
  state: UpdateState;
  reason: UpdateReason;
  currentVersion: string;
  channel?: 'stable' | 'beta';
  /** True when IT's policy pins the channel or feed. */
  managed?: boolean;
  availableVersion?: string;
  /** Who installs a found update: the app on restart, or IT (per-machine installs never self-install). */
  installBy?: 'app' | 'it';
  /** Download progress, 0–100, while `downloading`. */
  percent?: number;
  /** Epoch ms of the last completed feed check. */
  checkedAt?: number;
  error?: WireError;
  /** Why IT's policy file was rejected, when it was (the most restrictive settings then apply). */
  policyProblem?: string;
}
