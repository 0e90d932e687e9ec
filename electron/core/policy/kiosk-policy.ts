import { z } from 'zod';
import {
  BOARD_KINDS,
  boardKindSchema,
  PLAYLIST_INTERVAL_DEFAULT_SEC,
  playlistIntervalSchema,
  playlistNameSchema,
  tenantIdSchema,
  type NamedPlaylist,
  type Rotation,
} from '../../../protocol';

/**
 * The policy's `kiosk` block: the wall display the app opens at start. It shows
 * either a playlist from the policy's `playlists` by name (which may cross
 * tenants), or one tenant's `boards`; the interval range is the playlists' one
 * (protocol/playlist.ts).
 */
export const kioskPolicySchema = z
  .strictObject({
    /** Name of one of the policy's `playlists`; instead of `tenant` and `boards`. */
    playlist: playlistNameSchema.optional(),
    /** Tenant shown on the wall display (with `boards`). */
    tenant: tenantIdSchema.optional(),
    /** Boards to rotate through; one board means no rotation. */
    boards: z
      .array(boardKindSchema)
      .min(1)
      .max(BOARD_KINDS.length * 4)
      .optional(),
    /** Seconds per board when rotating `boards`; a named playlist brings its own. */
    intervalSec: playlistIntervalSchema.default(PLAYLIST_INTERVAL_DEFAULT_SEC),
    /** Which display: 0 is the primary, 1 the next one by position, and so on. */
    displayIndex: z.number().int().min(0).max(15).default(0),
  })
  .refine(
    (kiosk) =>
      kiosk.playlist !== undefined
        ? kiosk.tenant === undefined && kiosk.boards === undefined
        : kiosk.tenant !== undefined && kiosk.boards !== undefined,
    'kiosk needs either `playlist` (the name of one of `playlists`) or both `tenant` and `boards`, not both forms',
  );

export type KioskPolicy = z.output<typeof kioskPolicySchema>;

/**
 * What the kiosk window rotates through: the named playlist's steps, or the
 * tenant's boards as steps. Null when the named playlist is not in `playlists`
 * (managedPolicySchema refuses such a file, so this is a guard, not a path).
 */
export function kioskRotation(
  kiosk: KioskPolicy,
  playlists: readonly NamedPlaylist[] = [],
): Rotation | null {
  if (kiosk.playlist !== undefined) {
    const named = playlists.find((playlist) => playlist.name === kiosk.playlist);
    return named ? { steps: named.steps, intervalSec: named.intervalSec } : null;
  }
  const tenant = kiosk.tenant;
  if (tenant === undefined || !kiosk.boards) return null;
  return {
    steps: kiosk.boards.map((board) => ({ tenant, board })),
    intervalSec: kiosk.intervalSec,
  };
}
