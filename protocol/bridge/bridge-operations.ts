import { z } from 'zod';
import { actionReceiptSchema, actionRequestSchema } from '../actions';
import { describeIssues } from '../messages';
import { tenantIdSchema } from '../ids';
import { bridgeIdSchema } from './bridge-limits';
import { bridgeResultSchema } from './bridge-result';
import { boardUpdateSchema } from './board-feed';
import { desktopNotificationSchema, notifyOutcomeSchema } from './desktop-notification';
import { appInfoSchema, hostedHubStartSchema, hostedHubStatusSchema } from './host-info';
import { linkStatusSchema } from './link-status';
import { profileSummarySchema, signInInputSchema } from './sign-in';
import { boardKindSchema, tenantInfoSchema } from './tenants';
import { updateStatusSchema } from './update-status';
import { openWindowOptionsSchema } from './windows';

/**
 * The host bridge contract: one entry per operation, named `<area>.<method>`.
 * `HostBridge` (host-bridge.ts) is derived from these tables, and Electron IPC
 * (electron/ipc/channels.ts) and the browser's link-worker port
 * (renderer/src/browser-host/worker-protocol.ts) only wrap them. Adding an
 * operation means adding one entry here; the build then names every host that
 * does not implement it yet.
 *
 * - An operation takes `args` (the method's parameters, as a tuple) and
 *   resolves to `result`. A `fallibleOperation` resolves to a `BridgeResult`:
 *   its failures are for a person to see, and a transport failure (bad
 *   request, host error) is folded into that result instead of rejecting.
 * - A subscription takes `args` and a callback that gets `push` values; it
 *   returns an unsubscribe function.
 */

function operation<A extends z.ZodTuple, R extends z.ZodType>(args: A, result: R) {
  return { args, result, fallible: false as const };
}

/** An operation whose failures a person must see: it resolves to `BridgeResult<value>`. */
function fallibleOperation<A extends z.ZodTuple, V extends z.ZodType>(args: A, value: V) {
  return { args, result: bridgeResultSchema(value), fallible: true as const };
}

function subscription<A extends z.ZodTuple, P extends z.ZodType>(args: A, push: P) {
  return { args, push };
}

const none = z.tuple([]);

/** The request/response operations of the bridge, by `<area>.<method>`. */
export const bridgeOperations = {
  'profiles.list': operation(none, z.array(profileSummarySchema)),
  /** Exchanges the password for tokens once; the host keeps them (keychain) or only in memory (browser). */
  'profiles.signIn': fallibleOperation(z.tuple([signInInputSchema]), profileSummarySchema),
  /** Deletes the profile's credential and cache. */
  'profiles.signOut': operation(z.tuple([bridgeIdSchema]), z.void()),
  'tenants.list': operation(none, z.array(tenantInfoSchema)),
  'link.status': operation(none, linkStatusSchema),
  /**
   * "Retry now": every link that is waiting to reconnect tries again at once instead of
   * waiting out its backoff. Resolves true when at least one attempt was started.
   */
  'link.retryNow': operation(none, z.boolean()),
  /** Opens a board in its own window (Electron) or tab (browser). */
  'windows.open': fallibleOperation(
    z.tuple([tenantIdSchema, boardKindSchema, openWindowOptionsSchema.optional()]),
    z.void(),
  ),
  'app.info': operation(none, appInfoSchema),
  'hostedHub.status': operation(none, hostedHubStatusSchema),
  /** Starts the bundled hub (optionally with the demo) and signs in to it. Only when `app.info().canHostHub`. */
  'hostedHub.start': fallibleOperation(z.tuple([hostedHubStartSchema]), hostedHubStatusSchema),
  /** The current update state; `not-applicable` in the browser. */
  'updates.status': operation(none, updateStatusSchema),
  /** Checks the feed now (when updates are on). */
  'updates.check': operation(none, updateStatusSchema),
  /** Restarts and installs a downloaded update (`state: 'ready'`, `installBy: 'app'`). */
  'updates.restartToUpdate': fallibleOperation(none, z.void()),
  /**
   * Sends an operator action over the tenant's live link and resolves with the hub's
   * ack. Never queued: when the link is not live it fails at once with `offline`; when
   * the link drops before the ack it fails with `action_unconfirmed`, and sending the
   * same request (same `id`) again is safe. Hub refusals keep the hub's code
   * (`forbidden`, `not_found`, `bad_request`, `rate_limited`, `unavailable`).
   */
  'actions.perform': fallibleOperation(z.tuple([actionRequestSchema]), actionReceiptSchema),
  /** Shows a system notification (e.g. a new critical alert); a tag already shown is not shown again. */
  'desktop.notify': operation(z.tuple([desktopNotificationSchema]), notifyOutcomeSchema),
};

/** The push subscriptions of the bridge, by `<area>.<method>`. */
export const bridgeSubscriptions = {
  /** Starts (or shares) the tenant's live feed; the callback gets a `reset` first. */
  'boards.subscribe': subscription(z.tuple([tenantIdSchema]), boardUpdateSchema),
  /** Called on every link status change. */
  'link.subscribe': subscription(none, linkStatusSchema),
  /** Called on every update state change. */
  'updates.subscribe': subscription(none, updateStatusSchema),
};

export type BridgeOperations = typeof bridgeOperations;
export type BridgeSubscriptions = typeof bridgeSubscriptions;
export type BridgeOperationName = keyof BridgeOperations;
export type BridgeSubscriptionName = keyof BridgeSubscriptions;

/** The parameters of operation or subscription `K`, as the caller passes them. */
export type BridgeArgs<K extends BridgeOperationName | BridgeSubscriptionName> = z.input<
  (BridgeOperations & BridgeSubscriptions)[K]['args']
>;
/** What operation `K` resolves to. */
export type BridgeOperationResult<K extends BridgeOperationName> = z.output<
  BridgeOperations[K]['result']
>;
/** What subscription `K` pushes to its callback. */
export type BridgePush<K extends BridgeSubscriptionName> = z.output<BridgeSubscriptions[K]['push']>;

/** Every operation name, in table order. */
export const BRIDGE_OPERATION_NAMES = Object.keys(bridgeOperations) as BridgeOperationName[];
/** Every subscription name, in table order. */
export const BRIDGE_SUBSCRIPTION_NAMES = Object.keys(
  bridgeSubscriptions,
) as BridgeSubscriptionName[];

/** True when `name` is an operation of the table (an own key, never an inherited one). */
export function isBridgeOperationName(name: unknown): name is BridgeOperationName {
  return typeof name === 'string' && Object.hasOwn(bridgeOperations, name);
}

/** True when `name` is a subscription of the table. */
export function isBridgeSubscriptionName(name: unknown): name is BridgeSubscriptionName {
  return typeof name === 'string' && Object.hasOwn(bridgeSubscriptions, name);
}

/** Operation names whose result is a `BridgeResult` (their failures are values, not rejections). */
export type FallibleOperationName = {
  [K in BridgeOperationName]: BridgeOperations[K]['fallible'] extends true ? K : never;
}[BridgeOperationName];

/** True when operation `name` answers a `BridgeResult`, so a transport failure is folded into it. */
export function isFallibleOperation(name: BridgeOperationName): name is FallibleOperationName {
  return bridgeOperations[name].fallible;
}

/** Outcome of checking something that crossed the bridge; `error` names the bad fields. */
export type BridgeParsed<T> = { ok: true; value: T } | { ok: false; error: string };

function parseWith<T>(schema: z.ZodType<T>, data: unknown): BridgeParsed<T> {
  const result = schema.safeParse(data);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, error: describeIssues(result.error) };
}

/** Checks the arguments a caller sent for operation or subscription `name`; never throws. */
export function parseBridgeArgs<K extends BridgeOperationName | BridgeSubscriptionName>(
  name: K,
  args: unknown,
): BridgeParsed<BridgeArgs<K>> {
  const entry = isBridgeOperationName(name)
    ? bridgeOperations[name]
    : bridgeSubscriptions[name as BridgeSubscriptionName];
  return parseWith(entry.args as unknown as z.ZodType<BridgeArgs<K>>, args);
}

/** Checks what a host answered for operation `name`; never throws. */
export function parseBridgeResult<K extends BridgeOperationName>(
  name: K,
  value: unknown,
): BridgeParsed<BridgeOperationResult<K>> {
  return parseWith(
    bridgeOperations[name].result as unknown as z.ZodType<BridgeOperationResult<K>>,
    value,
  );
}

/** Checks one value a host pushed on subscription `name`; never throws. */
export function parseBridgePush<K extends BridgeSubscriptionName>(
  name: K,
  value: unknown,
): BridgeParsed<BridgePush<K>> {
  return parseWith(bridgeSubscriptions[name].push as unknown as z.ZodType<BridgePush<K>>, value);
}
