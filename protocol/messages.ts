import { z } from 'zod';
import { WIRE_ERROR_CODE_VALUES } from './codes/wire-error-codes';
import { tenantIdSchema } from './ids';
import { eventTypeSchema, opsEventSchema } from './events';
import { actionFields, actionIdSchema, checkActionReason } from './actions';
import { MAX_JSON_DEPTH, jsonNestingDepth, tooDeepMessage } from './json-limits';

/**
 * Wire messages of protocol v1: JSON text frames. The hub and every client parse
 * them with these schemas; the types are inferred from them. See docs/protocol.md.
 */

const seqSchema = z.number().int().nonnegative();
const epochSchema = z.string().min(1).max(128);

/** Optional server-side filter of a subscription; absent fields match everything. */
export const subscriptionFilterSchema = z.strictObject({
  locations: z.array(z.string().min(1).max(128)).max(100).optional(),
  types: z
    .array(z.union([eventTypeSchema, z.literal('*'), z.string().regex(/^[a-z][a-z0-9_.-]*\.\*$/)]))
    .max(100)
    .optional(),
});
export type SubscriptionFilter = z.infer<typeof subscriptionFilterSchema>;

// ---- client -> hub -------------------------------------------------------

export const subscribeMessageSchema = z.strictObject({
  type: z.literal('subscribe'),
  tenant: tenantIdSchema,
  /** The last seq the client received; the hub resumes from `resumeFrom + 1`. */
  resumeFrom: seqSchema.optional(),
  epoch: epochSchema.optional(),
  filter: subscriptionFilterSchema.optional(),
});

export const unsubscribeMessageSchema = z.strictObject({
  type: z.literal('unsubscribe'),
  tenant: tenantIdSchema,
});

export const authMessageSchema = z.strictObject({
  type: z.literal('auth'),
  token: z.string().min(1).max(8192),
});

export const pingMessageSchema = z.strictObject({
  type: z.literal('ping'),
  id: z.string().min(1).max(64),
});

/**
 * An operator action (protocol/actions.ts); needs the `operate` scope (or `admin`) and
 * the tenant in the token. Answered with `ack` or an `error` frame carrying the same `id`.
 */
export const actionMessageSchema = z
  .strictObject({ type: z.literal('action'), ...actionFields })
  .superRefine(checkActionReason);

export const clientMessageSchema = z.discriminatedUnion('type', [
  subscribeMessageSchema,
  unsubscribeMessageSchema,
  authMessageSchema,
  pingMessageSchema,
  actionMessageSchema,
]);

export type SubscribeMessage = z.infer<typeof subscribeMessageSchema>;
export type UnsubscribeMessage = z.infer<typeof unsubscribeMessageSchema>;
export type AuthMessage = z.infer<typeof authMessageSchema>;
export type PingMessage = z.infer<typeof pingMessageSchema>;
export type ActionMessage = z.infer<typeof actionMessageSchema>;
export type ClientMessage = z.infer<typeof clientMessageSchema>;

// ---- hub -> client -------------------------------------------------------

export const welcomeMessageSchema = z.object({
  type: z.literal('welcome'),
  session: z.string(),
  serverTime: z.number(),
  /** Token expiry, epoch seconds (as in the JWT). */
  tokenExp: z.number(),
  /** The hub's WebSocket ping interval (HUB_HEARTBEAT_MS); clients without `appHeartbeatMs` ping at this rate. */
  heartbeatMs: z.number().int().positive(),
  /**
   * Only on an `ops.v1.batch.heartbeat` connection (HUB_APP_HEARTBEAT_MS): the hub sends a
   * `heartbeat` frame whenever the connection had nothing else for this long, so a client
   * calls the link stalled after 2 × this with no frame at all.
   */
  appHeartbeatMs: z.number().int().positive().optional(),
  tenants: z.array(tenantIdSchema),
});

export const snapshotMessageSchema = z.object({
  type: z.literal('snapshot'),
  tenant: tenantIdSchema,
  seq: seqSchema,
  epoch: epochSchema,
  /** A `BoardState` (see board-state.ts); checked with `isBoardState` by clients. */
  state: z.record(z.string(), z.unknown()),
});

export const resumedMessageSchema = z.object({
  type: z.literal('resumed'),
  tenant: tenantIdSchema,
  seq: seqSchema,
  epoch: epochSchema,
});

export const eventMessageSchema = z.object({
  type: z.literal('event'),
  tenant: tenantIdSchema,
  seq: z.number().int().positive(),
  /** Hub acceptance time, epoch ms. The producer's own time stays inside `event.ts`. */
  ts: z.number(),
  /**
   * Only on filtered subscriptions: the seq of the previous frame the hub sent on
   * this subscription. Seqs between `prev` and `seq` were filtered out, not lost.
   */
  prev: seqSchema.optional(),
  event: opsEventSchema,
});

/** Most `event` frames in one `events` frame; the hub sends at most this many (server/hub/frame-batch.ts). */
export const MAX_EVENTS_PER_BATCH = 256;

/**
 * Only on an `ops.v1.batch` connection: `event` frames that would otherwise have been
 * sent one by one, in delivery order (tenants may be mixed). A client processes them
 * exactly as if they had arrived one by one.
 */
export const eventsMessageSchema = z.object({
  type: z.literal('events'),
  frames: z.array(eventMessageSchema).min(1).max(MAX_EVENTS_PER_BATCH),
});

export const errorMessageSchema = z.object({
  type: z.literal('error'),
  /** One of the wire codes in protocol/codes/wire-error-codes.ts; an unknown code makes the frame unreadable. */
  code: z.enum(WIRE_ERROR_CODE_VALUES),
  message: z.string(),
  tenant: tenantIdSchema.optional(),
  /** Set when the error answers an `action` frame: that frame's id. */
  id: actionIdSchema.optional(),
});

export const authOkMessageSchema = z.object({
  type: z.literal('auth_ok'),
  /** New token expiry, epoch seconds. */
  exp: z.number(),
});

export const pongMessageSchema = z.object({
  type: z.literal('pong'),
  id: z.string(),
  serverTime: z.number(),
});

/** Only on an `ops.v1.batch.heartbeat` connection: "nothing else to say, still here". */
export const heartbeatMessageSchema = z.object({
  type: z.literal('heartbeat'),
  /** Hub time, epoch ms. */
  serverTime: z.number(),
});

/** The answer to an `action` frame the hub applied: the seq of its event (see ActionReceipt). */
export const ackMessageSchema = z.object({
  type: z.literal('ack'),
  id: actionIdSchema,
  tenant: tenantIdSchema,
  seq: z.number().int().positive(),
  /** True when this id was applied before: `seq` is the first event's, nothing new was appended. */
  duplicate: z.boolean(),
});

export const unsubscribedMessageSchema = z.object({
  type: z.literal('unsubscribed'),
  tenant: tenantIdSchema,
});

export const hubMessageSchema = z.discriminatedUnion('type', [
  welcomeMessageSchema,
  snapshotMessageSchema,
  resumedMessageSchema,
  eventMessageSchema,
  eventsMessageSchema,
  errorMessageSchema,
  authOkMessageSchema,
  pongMessageSchema,
  heartbeatMessageSchema,
  unsubscribedMessageSchema,
  ackMessageSchema,
]);

export type WelcomeMessage = z.infer<typeof welcomeMessageSchema>;
export type SnapshotMessage = z.infer<typeof snapshotMessageSchema>;
export type ResumedMessage = z.infer<typeof resumedMessageSchema>;
export type EventMessage = z.infer<typeof eventMessageSchema>;
export type EventsMessage = z.infer<typeof eventsMessageSchema>;
export type ErrorMessage = z.infer<typeof errorMessageSchema>;
export type AuthOkMessage = z.infer<typeof authOkMessageSchema>;
export type PongMessage = z.infer<typeof pongMessageSchema>;
export type HeartbeatMessage = z.infer<typeof heartbeatMessageSchema>;
export type UnsubscribedMessage = z.infer<typeof unsubscribedMessageSchema>;
export type AckMessage = z.infer<typeof ackMessageSchema>;
export type HubMessage = z.infer<typeof hubMessageSchema>;

// ---- parsing -------------------------------------------------------------

export type ParseResult<T> = { ok: true; message: T } | { ok: false; error: string };

function parseFrame<T>(schema: z.ZodType<T>, raw: string): ParseResult<T> {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { ok: false, error: 'frame is not valid JSON' };
  }
  const result = schema.safeParse(json);
  if (result.success) return { ok: true, message: result.data };
  return { ok: false, error: describeIssues(result.error) };
}

/** Parses one client frame; never throws. Frames nested deeper than `MAX_JSON_DEPTH` are refused unparsed. */
export function parseClientMessage(raw: string): ParseResult<ClientMessage> {
  if (jsonNestingDepth(raw) > MAX_JSON_DEPTH)
    return { ok: false, error: tooDeepMessage('the frame') };
  return parseFrame(clientMessageSchema, raw);
}

/** Parses one hub frame; never throws. */
export function parseHubMessage(raw: string): ParseResult<HubMessage> {
  return parseFrame(hubMessageSchema, raw);
}

/** A short, human-readable summary of zod issues: `path: message; ...`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
}

/** Field errors for HTTP 400 bodies: `[{path, message}]`. */
export function fieldErrors(error: z.ZodError): Array<{ path: string; message: string }> {
  return error.issues
    .slice(0, 50)
    .map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}
