import { z } from 'zod';
import {
  bridgeErrorSchema,
  bridgeSubscriptions,
  describeIssues,
  parseBridgeArgs,
} from '../../../protocol';
import type {
  BridgeArgs,
  BridgeError,
  BridgeOperationName,
  BridgeParsed,
  BridgePush,
  BridgeSubscriptionName,
} from '../../../protocol';

/**
 * Messages between a page and the link worker (SharedWorker or the in-page
 * fallback). They only wrap the bridge contract of protocol/bridge: a request
 * is `{t:'req', id, op, args}` with the operation's own argument schema, an
 * answer carries the operation's own result schema, and pushes carry the
 * subscriptions' push schemas. Every message crossing the port is parsed once
 * on the receiving side; one that does not parse is dropped with a warning.
 * The password crosses the port once, inside `profiles.signIn`; no token ever does.
 */

/**
 * Where the browser host serves each operation and subscription: in the link
 * worker (anything that needs the hub session it holds) or in the page itself
 * (windows, app info, hosted hub and updates need no hub). The `satisfies`
 * clauses make the build fail when an operation has no route.
 */
export const browserOperationRoute = {
  'profiles.list': 'worker',
  'profiles.signIn': 'worker',
  'profiles.signOut': 'worker',
  'tenants.list': 'worker',
  'link.status': 'worker',
  'link.retryNow': 'worker',
  'actions.perform': 'worker',
  'windows.open': 'page',
  'app.info': 'page',
  'hostedHub.status': 'page',
  'hostedHub.start': 'page',
  'updates.status': 'page',
  'updates.check': 'page',
  'updates.restartToUpdate': 'page',
  'desktop.notify': 'page',
} as const satisfies Record<BridgeOperationName, 'worker' | 'page'>;

export const browserSubscriptionRoute = {
  'boards.subscribe': 'worker',
  'link.subscribe': 'worker',
  'updates.subscribe': 'page',
} as const satisfies Record<BridgeSubscriptionName, 'worker' | 'page'>;

type Route = typeof browserOperationRoute;
/** The operations a page sends to the link worker. */
export type WorkerOperationName = {
  [K in keyof Route]: Route[K] extends 'worker' ? K : never;
}[keyof Route];

export const WORKER_OPERATION_NAMES = (
  Object.keys(browserOperationRoute) as BridgeOperationName[]
).filter((name): name is WorkerOperationName => browserOperationRoute[name] === 'worker');

const requestId = z.number().int().nonnegative();
const subscriptionId = z.number().int().nonnegative();

// ---- page -> worker --------------------------------------------------------

/** The envelope of a page message; `args` is then checked with the operation's schema. */
const pageEnvelopeSchema = z.discriminatedUnion('t', [
  z.strictObject({
    t: z.literal('req'),
    id: requestId,
    op: z.enum(WORKER_OPERATION_NAMES as [WorkerOperationName, ...WorkerOperationName[]]),
    args: z.unknown(),
  }),
  z.strictObject({
    t: z.literal('sub'),
    sub: subscriptionId,
    op: z.literal('boards.subscribe'),
    args: z.unknown(),
  }),
  z.strictObject({ t: z.literal('unsub'), sub: subscriptionId }),
  /** The page is going away (pagehide): release everything this port holds. */
  z.strictObject({ t: z.literal('bye') }),
]);

/** A request for one worker operation, its `args` checked against that operation's schema. */
export type PageRequest = {
  [K in WorkerOperationName]: { t: 'req'; id: number; op: K; args: BridgeArgs<K> };
}[WorkerOperationName];

export type PageMessage =
  | PageRequest
  | { t: 'sub'; sub: number; op: 'boards.subscribe'; args: BridgeArgs<'boards.subscribe'> }
  | { t: 'unsub'; sub: number }
  | { t: 'bye' };

// ---- worker -> page --------------------------------------------------------

// A plain union: two variants share `t: 'res'` (told apart by `ok`), which discriminatedUnion rejects.
const workerMessageSchema = z.union([
  z.object({ t: z.literal('res'), id: requestId, ok: z.literal(true), value: z.unknown() }),
  z.object({ t: z.literal('res'), id: requestId, ok: z.literal(false), error: bridgeErrorSchema }),
  z.object({
    t: z.literal('board'),
    sub: subscriptionId,
    update: bridgeSubscriptions['boards.subscribe'].push,
  }),
  z.object({ t: z.literal('link'), status: bridgeSubscriptions['link.subscribe'].push }),
]);

/**
 * A message the worker sends. A success answer's `value` is checked by the page
 * against the result schema of the operation it asked for (`parseBridgeResult`).
 */
export type WorkerMessage =
  | { t: 'res'; id: number; ok: true; value: unknown }
  | { t: 'res'; id: number; ok: false; error: BridgeError }
  | { t: 'board'; sub: number; update: BridgePush<'boards.subscribe'> }
  | { t: 'link'; status: BridgePush<'link.subscribe'> };

/**
 * Outcome of parsing a page message. When only a request's `args` are bad,
 * `requestId` says which request to answer with `bad_request`, so the page's
 * promise settles instead of waiting forever.
 */
export type PageMessageParsed =
  { ok: true; value: PageMessage } | { ok: false; error: string; requestId?: number };

/** Parses a message a page sent to the worker, including the operation's arguments; never throws. */
export function parsePageMessage(data: unknown): PageMessageParsed {
  const envelope = pageEnvelopeSchema.safeParse(data);
  if (!envelope.success) return { ok: false, error: describeIssues(envelope.error) };
  const message = envelope.data;
  if (message.t !== 'req' && message.t !== 'sub') return { ok: true, value: message };
  const args = parseBridgeArgs(message.op, message.args);
  if (!args.ok)
    return {
      ok: false,
      error: `Invalid arguments for ${message.op}: ${args.error}`,
      ...(message.t === 'req' ? { requestId: message.id } : {}),
    };
  return { ok: true, value: { ...message, args: args.value } as PageMessage };
}

/** Parses a message the worker sent to a page; never throws. */
export function parseWorkerMessage(data: unknown): BridgeParsed<WorkerMessage> {
  const result = workerMessageSchema.safeParse(data);
  return result.success
    ? { ok: true, value: result.data as WorkerMessage }
    : { ok: false, error: describeIssues(result.error) };
}
