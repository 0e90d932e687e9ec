import { z } from 'zod';
import { tenantIdSchema } from '../ids';
import {
  DISPLAY_NAME_MAX_LENGTH,
  PASSWORD_MAX_LENGTH,
  URL_MAX_LENGTH,
  USERNAME_MAX_LENGTH,
  bridgeIdSchema,
  bridgeTextSchema,
  hubUrlSchema,
} from './bridge-limits';

/** A hub account the console knows, as the renderer sees it (never with a token or password). */
export const profileSummarySchema = z.object({
  id: bridgeIdSchema,
  hubUrl: z.string().max(URL_MAX_LENGTH),
  username: z.string().max(USERNAME_MAX_LENGTH),
  displayName: z.string().max(DISPLAY_NAME_MAX_LENGTH),
  /** Tenants granted by the current token; empty until signed in. */
  tenants: z.array(tenantIdSchema),
  signedIn: z.boolean(),
  /** Set when credentials are kept for this session only (no keychain). */
  sessionOnlyWarning: bridgeTextSchema.optional(),
});

export type ProfileSummary = z.infer<typeof profileSummarySchema>;

/**
 * What sign-in sends, once: the only secret that ever crosses the bridge, and
 * only renderer → host. The browser host signs in only to the hub that served
 * the page, so its `hubUrl` is the page's origin.
 */
export const signInInputSchema = z.strictObject({
  hubUrl: hubUrlSchema,
  username: z.string().trim().min(1).max(USERNAME_MAX_LENGTH),
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  displayName: z.string().trim().min(1).max(DISPLAY_NAME_MAX_LENGTH).optional(),
});

export type SignInInput = z.infer<typeof signInInputSchema>;
