import { z } from 'zod';
import { playlistIntervalSchema, rotationSchema } from '../playlist';
import { BOARD_KINDS, boardKindSchema } from './tenants';

/** How a board window is shown: a normal window, full screen, or locked kiosk (wall display). */
export const WINDOW_MODES = ['normal', 'fullscreen', 'kiosk'] as const;
export const windowModeSchema = z.enum(WINDOW_MODES);
export type WindowMode = z.infer<typeof windowModeSchema>;

/** One tenant's boards in rotation (the `?playlist=a,b&interval=n` URL form). */
export const boardPlaylistSchema = z.strictObject({
  // Each board up to four times: enough to weight a board, not enough to flood the rotation.
  boards: z
    .array(boardKindSchema)
    .min(1)
    .max(BOARD_KINDS.length * 4),
  intervalSec: playlistIntervalSchema,
});

/**
 * Wall-display playlist of a window: one tenant's boards, or `{tenant, board}`
 * steps across tenants (protocol/playlist.ts); same interval range either way.
 */
export const playlistSchema = z.union([boardPlaylistSchema, rotationSchema]);
export type WindowPlaylist = z.infer<typeof playlistSchema>;

/** Options of `windows.open`. */
export const openWindowOptionsSchema = z.strictObject({
  mode: windowModeSchema.optional(),
  playlist: playlistSchema.optional(),
});

export type OpenWindowOptions = z.infer<typeof openWindowOptionsSchema>;
