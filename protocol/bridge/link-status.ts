import { z } from 'zod';
import { LINK_STATES, type LinkState, type LinkStatus } from '../link/link-state';
import { bridgeTextSchema } from './bridge-limits';
import type { SameType } from './same-type';

/**
 * The link's status as it crosses the bridge (the link itself defines
 * `LinkStatus` in protocol/link/link-state.ts; the build fails if they drift).
 */
export const linkStatusSchema = z.object({
  state: z.enum(LINK_STATES as [LinkState, ...LinkState[]]),
  since: z.number(),
  reason: bridgeTextSchema,
  attempt: z.number().int().positive().optional(),
  nextRetryAt: z.number().optional(),
  lastEventAt: z.number().optional(),
  lagMs: z.number().optional(),
});

const linkStatusMatches: SameType<z.infer<typeof linkStatusSchema>, LinkStatus> = true;
void linkStatusMatches;
