import { z } from 'zod';
import { boardUpdateSchema, describeIssues, tenantIdSchema, LINK_STATES } from '../../../protocol';
import type {
  BoardUpdate,
  LinkStatus,
  ProfileSummary,
  TenantInfo,
  WireError,
} from '../../../protocol';

/**
 * Messages between a page and the link worker (SharedWorker or the in-page
 * fallback). Every message crossing the port is parsed with these schemas on
 * the receiving side; a message that does not parse is dropped with a warning.
 * The password crosses the port once, inside `signIn`; no token ever does.
 */

const requestId = z.number().int().nonnegative();
const subscriptionId = z.number().int().nonnegative();

export const wireErrorSchema = z.object({
  code: z.string().max(100),
  message: z.string().max(2000),
});

// ---- page -> worker --------------------------------------------------------

// Plain unions: several variants share `t` ('req' by op, 'res' by ok), which discriminatedUnion rejects.
export const pageMessageSchema = z.union([
  z.strictObject({
    t: z.literal('req'),
    id: requestId,
    op: z.enum(['profiles.list', 'tenants.list', 'link.status']),
  }),
  z.strictObject({
    t: z.literal('req'),
    id: requestId,
    op: z.literal('signIn'),
    username: z.string().min(1).max(128),
    password: z.string().min(1).max(1024),
    displayName: z.string().max(128).optional(),
  }),
  z.strictObject({ t: z.literal('req'), id: requestId, op: z.literal('signOut') }),
  z.strictObject({ t: z.literal('sub'), sub: subscriptionId, tenant: tenantIdSchema }),
  z.strictObject({ t: z.literal('unsub'), sub: subscriptionId }),
  /** The page is going away (pagehide): release everything this port holds. */
  z.strictObject({ t: z.literal('bye') }),
]);
export type PageMessage = z.infer<typeof pageMessageSchema>;
export type PageRequest = Extract<PageMessage, { t: 'req' }>;
export type RequestOp = PageRequest['op'];

// ---- worker -> page --------------------------------------------------------

export const linkStatusSchema = z.object({
  state: z.enum(LINK_STATES as [LinkStatus['state'], ...LinkStatus['state'][]]),
  since: z.number(),
  reason: z.string().max(2000),
  attempt: z.number().int().positive().optional(),
  nextRetryAt: z.number().optional(),
  lastEventAt: z.number().optional(),
  lagMs: z.number().optional(),
});

export const profileSummarySchema = z.object({
  id: z.string().min(1).max(512),
  hubUrl: z.string().max(2048),
  username: z.string().max(128),
  displayName: z.string().max(128),
  tenants: z.array(tenantIdSchema),
  signedIn: z.boolean(),
  sessionOnlyWarning: z.string().max(2000).optional(),
});

export const tenantInfoSchema = z.object({
  id: tenantIdSchema,
  name: z.string().max(256),
  profileId: z.string().max(512),
});

/** The value each request answers with, checked on the page before it reaches the UI. */
export const responseValueSchemas = {
  'profiles.list': z.array(profileSummarySchema),
  'tenants.list': z.array(tenantInfoSchema),
  'link.status': linkStatusSchema,
  signIn: profileSummarySchema,
  signOut: z.null(),
} satisfies Record<RequestOp, z.ZodType>;

export interface ResponseValues {
  'profiles.list': ProfileSummary[];
  'tenants.list': TenantInfo[];
  'link.status': LinkStatus;
  signIn: ProfileSummary;
  signOut: null;
}

export const workerMessageSchema = z.union([
  z.object({ t: z.literal('res'), id: requestId, ok: z.literal(true), value: z.unknown() }),
  z.object({ t: z.literal('res'), id: requestId, ok: z.literal(false), error: wireErrorSchema }),
  z.object({ t: z.literal('board'), sub: subscriptionId, update: boardUpdateSchema }),
  z.object({ t: z.literal('link'), status: linkStatusSchema }),
]);

export type WorkerMessage =
  | { t: 'res'; id: number; ok: true; value: unknown }
  | { t: 'res'; id: number; ok: false; error: WireError }
  | { t: 'board'; sub: number; update: BoardUpdate }
  | { t: 'link'; status: LinkStatus };

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

function parseWith<T>(schema: z.ZodType<T>, data: unknown): Parsed<T> {
  const result = schema.safeParse(data);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, error: describeIssues(result.error) };
}

/** Parses a message a page sent to the worker; never throws. */
export function parsePageMessage(data: unknown): Parsed<PageMessage> {
  return parseWith(pageMessageSchema, data);
}

/** Parses a message the worker sent to a page; never throws. */
export function parseWorkerMessage(data: unknown): Parsed<WorkerMessage> {
  return parseWith(workerMessageSchema, data) as Parsed<WorkerMessage>;
}

/** Parses a response value for the request that asked for it; never throws. */
export function parseResponseValue<K extends RequestOp>(
  op: K,
  value: unknown,
): Parsed<ResponseValues[K]> {
  return parseWith(responseValueSchemas[op] as unknown as z.ZodType<ResponseValues[K]>, value);
}
