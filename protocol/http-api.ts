import { z } from 'zod';
import { WIRE_ERROR_CODE_VALUES } from './codes/wire-error-codes';
import { tenantIdSchema } from './ids';
import { eventInputSchema } from './events';

/** Max events in one ingest batch. */
export const MAX_INGEST_BATCH = 500;
/** Max ingest body size, bytes (1 MiB). */
export const MAX_INGEST_BODY_BYTES = 1024 * 1024;

/** Ingest body: one event, or `{events: [...]}` with 1..500 entries. */
export const ingestBodySchema = z.union([
  z.strictObject({ events: z.array(eventInputSchema).min(1).max(MAX_INGEST_BATCH) }),
  eventInputSchema,
]);

export const ingestResponseSchema = z.object({
  accepted: z.number().int().nonnegative(),
  /** Seq of the first newly accepted event; null when every event was a duplicate. */
  firstSeq: z.number().int().positive().nullable(),
  lastSeq: z.number().int().positive().nullable(),
  duplicates: z.number().int().nonnegative(),
  /** Epoch the seqs belong to: a seq names one event only together with its epoch. */
  epoch: z.string().optional(),
});
export type IngestResponse = z.infer<typeof ingestResponseSchema>;

/**
 * Body of `POST /v1/auth/token`: a password grant, an API key grant, or a refresh
 * grant with the `refresh_token` of an earlier password or refresh answer.
 */
export const tokenRequestSchema = z.union([
  z.strictObject({ username: z.string().min(1).max(128), password: z.string().min(1).max(1024) }),
  z.strictObject({ apiKey: z.string().min(16).max(256) }),
  z.strictObject({ refreshToken: z.string().min(16).max(4096) }),
]);
export type TokenRequest = z.infer<typeof tokenRequestSchema>;

export const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.literal('Bearer'),
  /** Seconds. */
  expires_in: z.number().int().positive(),
  tenants: z.array(tenantIdSchema),
  scope: z.string(),
  /**
   * Set for password and refresh grants, not for API keys. Send it back as
   * `{"refreshToken"}` for a new access token; each answer rotates it. Never an access token.
   */
  refresh_token: z.string().min(1).optional(),
  /** Seconds the refresh token stays valid (`HUB_REFRESH_TTL`); set with `refresh_token`. */
  refresh_expires_in: z.number().int().positive().optional(),
});
export type TokenResponse = z.infer<typeof tokenResponseSchema>;

/** Body of every HTTP error answer. `fields` is set on 400s. */
export const httpErrorBodySchema = z.object({
  error: z.object({
    /** One of the wire codes in protocol/codes/wire-error-codes.ts. */
    code: z.enum(WIRE_ERROR_CODE_VALUES),
    message: z.string(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type HttpErrorBody = z.infer<typeof httpErrorBodySchema>;

/** Path of the ingest endpoint for a tenant. */
export function ingestPath(tenant: string): string {
  return `/v1/tenants/${encodeURIComponent(tenant)}/events`;
}

export const TOKEN_PATH = '/v1/auth/token';
