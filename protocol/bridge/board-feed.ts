import { z } from 'zod';
import { isBoardState, type BoardState } from '../board/board-state';
import { opsEventSchema, type SequencedEvent } from '../events';
import { tenantIdSchema } from '../ids';
import { codeSchema } from '../codes/code-schema';
import { TEXT_MAX_LENGTH } from './bridge-limits';
import type { SameType } from './same-type';

/**
 * How fresh a tenant's board is:
 * - `loading`: nothing to show yet (no cache, no snapshot).
 * - `live`: in sync with the hub.
 * - `stale`: showing cached or last-known data while the link is down; `staleSince` says since when.
 * - `resyncing`: a gap or epoch change was detected; a fresh snapshot is on its way.
 */
export const FRESHNESS_STATES = ['loading', 'live', 'stale', 'resyncing'] as const;
export const freshnessSchema = z.enum(FRESHNESS_STATES);
export type Freshness = z.infer<typeof freshnessSchema>;

/**
 * A board state as it crosses the bridge. Checked structurally with
 * `isBoardState` (a full schema of the reduced state would cost more than the
 * reducer itself on every reset); the host built it with the shared reducer.
 */
const boardStateSchema = z.custom<BoardState>(
  (value) => isBoardState(value),
  'not a board state (isBoardState failed)',
);

/** One delivered event with its per-tenant seq and the hub's acceptance time (epoch ms). */
export const sequencedEventSchema = z.object({
  seq: z.number().int().positive(),
  ts: z.number(),
  event: opsEventSchema,
});
const sequencedEventMatches: SameType<z.infer<typeof sequencedEventSchema>, SequencedEvent> = true;
void sequencedEventMatches;

/**
 * What a host pushes to a window about one tenant's board. A window keeps the
 * state from the last `reset` and applies `events` batches with the shared reducer.
 * - `reset`: `asOf` is when the data shown was last known good (snapshot or cache save time), epoch ms.
 * - `events`: consecutive events after the last one the window has; coalesced, so one message may carry hundreds.
 */
export const boardUpdateSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('reset'),
    tenant: tenantIdSchema,
    state: boardStateSchema,
    seq: z.number().int().nonnegative(),
    epoch: z.string().max(128),
    freshness: freshnessSchema,
    asOf: z.number(),
    staleSince: z.number().nullable(),
  }),
  z.object({
    kind: z.literal('events'),
    tenant: tenantIdSchema,
    events: z.array(sequencedEventSchema),
  }),
  z.object({
    kind: z.literal('freshness'),
    tenant: tenantIdSchema,
    freshness: freshnessSchema,
    staleSince: z.number().nullable(),
    asOf: z.number(),
  }),
  z.object({
    kind: z.literal('error'),
    tenant: tenantIdSchema,
    code: codeSchema,
    message: z.string().max(TEXT_MAX_LENGTH),
  }),
]);

export type BoardUpdate = z.infer<typeof boardUpdateSchema>;
