import type {
  BridgeOperationName,
  BridgeSubscriptionName,
} from '../../protocol/bridge/bridge-operations';

/**
 * Names of every IPC channel between the preload and the main process, keyed
 * by the bridge operation they carry (protocol/bridge/bridge-operations.ts).
 * Kept apart from `channels.ts` so the sandboxed preload bundles only these
 * strings, not zod. The `satisfies` clauses make the build fail when an
 * operation has no channel, or a channel no operation.
 */
export const OperationChannel = {
  'profiles.list': 'profiles:list',
  'profiles.signIn': 'profiles:sign-in',
  'profiles.signOut': 'profiles:sign-out',
  'tenants.list': 'tenants:list',
  'link.status': 'link:status',
  'link.retryNow': 'link:retry-now',
  'windows.open': 'windows:open',
  'app.info': 'app:info',
  'hostedHub.status': 'hosted-hub:status',
  'hostedHub.start': 'hosted-hub:start',
  'updates.status': 'updates:status',
  'updates.check': 'updates:check',
  'updates.restartToUpdate': 'updates:restart',
  'actions.perform': 'actions:perform',
  'desktop.notify': 'desktop:notify',
} as const satisfies Record<BridgeOperationName, string>;

/**
 * The channels of each subscription. `push` carries main → renderer values
 * (webContents.send). Where main keeps per-window state for a subscription,
 * `start`/`stop` are invoke channels that open and release it; link and update
 * status are broadcast to every window, so they need neither.
 */
export const SubscriptionChannel = {
  /** `push` carries `{subscriptionId, update}`: coalesced BoardUpdates of one board subscription. */
  'boards.subscribe': {
    start: 'boards:subscribe',
    stop: 'boards:unsubscribe',
    push: 'boards:update',
  },
  /** `push` carries a LinkStatus, on every link status change. */
  'link.subscribe': { push: 'link:status-changed' },
  /** `push` carries an UpdateStatus, on every update state change. */
  'updates.subscribe': { push: 'updates:status-changed' },
} as const satisfies Record<
  BridgeSubscriptionName,
  { push: string; start?: string; stop?: string }
>;

/** The invoke channels that open and release a board subscription. */
export const BoardSubscriptionChannel = SubscriptionChannel['boards.subscribe'];
