/**
 * Names of every IPC channel between the preload and the main process.
 * Kept apart from the zod schemas in `channels.ts` so the sandboxed preload
 * bundles only these strings, not zod.
 */
export const InvokeChannel = {
  profilesList: 'profiles:list',
  profilesSignIn: 'profiles:sign-in',
  profilesSignOut: 'profiles:sign-out',
  tenantsList: 'tenants:list',
  boardsSubscribe: 'boards:subscribe',
  boardsUnsubscribe: 'boards:unsubscribe',
  linkStatus: 'link:status',
  windowsOpen: 'windows:open',
  appInfo: 'app:info',
  hostedHubStatus: 'hosted-hub:status',
  hostedHubStart: 'hosted-hub:start',
  updatesStatus: 'updates:status',
  updatesCheck: 'updates:check',
  updatesRestart: 'updates:restart',
} as const;

export type InvokeChannelName = (typeof InvokeChannel)[keyof typeof InvokeChannel];

/** Main → renderer pushes (webContents.send). */
export const PushChannel = {
  /** `{subscriptionId, update}`: coalesced BoardUpdate for one board subscription. */
  boardUpdate: 'boards:update',
  /** A LinkStatus, on every link status change. */
  linkStatus: 'link:status-changed',
  /** An UpdateStatus, on every update state change. */
  updateStatus: 'updates:status-changed',
} as const;

export type PushChannelName = (typeof PushChannel)[keyof typeof PushChannel];
