import { z } from 'zod';
import { tenantIdSchema } from './ids';

/**
 * - `read`: subscribe to a tenant's boards;
 * - `publish`: post events through HTTP ingest (producers);
 * - `operate`: send operator actions (`action` frames: acknowledge, bump, clear…); implies `read`;
 * - `admin`: everything above, plus the admin API.
 */
export const SCOPES = ['read', 'publish', 'operate', 'admin'] as const;
export type Scope = (typeof SCOPES)[number];

/**
 * Claims the hub reads from a verified JWT. `scope` is space-separated on the
 * wire (RFC 8693 style) and parsed into a set here.
 */
export const tokenClaimsSchema = z.object({
  sub: z.string().min(1).max(256),
  tenants: z.array(tenantIdSchema).max(1000),
  scope: z.string().max(200).default(''),
  exp: z.number().int().positive(),
  iat: z.number().int().nonnegative().optional(),
});

export type TokenClaims = z.infer<typeof tokenClaimsSchema>;

/** Splits a space-separated scope string, keeping only known scopes. */
export function parseScopes(scope: string): Set<Scope> {
  const known = new Set<string>(SCOPES);
  return new Set(scope.split(/\s+/).filter((s): s is Scope => known.has(s)));
}

/**
 * `admin` implies every other scope, and `operate` implies `read`: a person cannot act
 * on a board they may not see, so a token granted `operate` alone still connects.
 */
export function hasScope(scope: string, wanted: Scope): boolean {
  const granted = parseScopes(scope);
  if (granted.has(wanted) || granted.has('admin')) return true;
  return wanted === 'read' && granted.has('operate');
}
