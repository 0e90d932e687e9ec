import type {
  BridgeArgs,
  BridgeOperationName,
  BridgeOperationResult,
  BridgePush,
  BridgeSubscriptionName,
} from './bridge-operations';

/**
 * The one interface the renderer uses to reach its host. The Electron preload
 * implements it over IPC; the browser host implements it over a SharedWorker.
 * No token and no credential ever crosses it: sign-in takes the password once
 * and the host keeps it (keychain) or forgets it (browser).
 *
 * It is derived from the operation tables in bridge-operations.ts (where each
 * operation is documented): `'profiles.signIn'` becomes
 * `bridge.profiles.signIn(input)`. Add an operation there, not here.
 */
export type HostBridge = {
  [Area in AreaOf<BridgeName>]: {
    [
      Name in BridgeName as Name extends `${Area}.${infer Method}` ? Method : never
    ]: BridgeMethod<Name>;
  };
};

type BridgeName = BridgeOperationName | BridgeSubscriptionName;

type AreaOf<Name extends string> = Name extends `${infer Area}.${string}` ? Area : never;

/** An operation resolves to its result; a subscription takes a callback and returns an unsubscribe function. */
type BridgeMethod<Name extends BridgeName> = Name extends BridgeOperationName
  ? (...args: BridgeArgs<Name>) => Promise<BridgeOperationResult<Name>>
  : Name extends BridgeSubscriptionName
    ? (...args: [...BridgeArgs<Name>, onPush: (push: BridgePush<Name>) => void]) => () => void
    : never;

export type { BridgeResult, BridgeError } from './bridge-result';
export type { AppInfo, HostedHubStatus, HostedHubStartOptions } from './host-info';
export type { ProfileSummary, SignInInput } from './sign-in';
export type { BoardKind, TenantInfo } from './tenants';
export type { OpenWindowOptions, WindowMode } from './windows';
export { BOARD_KINDS } from './tenants';
