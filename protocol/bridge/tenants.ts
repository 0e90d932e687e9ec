import { z } from 'zod';
import { tenantIdSchema } from '../ids';
import { bridgeIdSchema, bridgeTextSchema } from './bridge-limits';

/** A tenant the signed-in profiles may show. */
export const tenantInfoSchema = z.object({
  id: tenantIdSchema,
  /** Display name when the hub or profile knows one; else the id. */
  name: bridgeTextSchema,
  profileId: bridgeIdSchema,
  /** True when the profile's token holds `operate` (or `admin`) for this tenant: show action buttons. */
  canOperate: z.boolean(),
});

export type TenantInfo = z.infer<typeof tenantInfoSchema>;

/** The boards a tenant window can show, in tab order. */
export const BOARD_KINDS = [
  'overview',
  'orders',
  'floor',
  'payments',
  'inventory',
  'feed',
] as const;

export const boardKindSchema = z.enum(BOARD_KINDS);

export type BoardKind = z.infer<typeof boardKindSchema>;
