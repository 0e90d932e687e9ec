import { z } from 'zod';
import { BOARD_KINDS, boardKindSchema } from './tenants';

/** How a board window is shown: a normal window, full screen, or locked kiosk (wall display). */
export const WINDOW_MODES = ['normal', 'fullscreen', 'kiosk'] as const;
export const windowModeSchema = z.enum(WINDOW_MODES);
export type WindowMode = z.infer<typeof windowModeSchema>;

/** Wall-display playlist: boards to rotate through, and the interval in seconds. */
export const playlistSchema = z.strictObject({
  // Each board up to four times: enough to weight a board, not enough to flood the rotation.
  boards: z
    .array(boardKindSchema)
    .min(1)
    .max(BOARD_KINDS.length * 4),
  // At least 5 s so a board is readable before it turns; at most a day.
  intervalSec: z
    .number()
    .int()
    .min(5)
    .max(24 * 3600),
});

/** Options of `windows.open`. */
export const openWindowOptionsSchema = z.strictObject({
  mode: windowModeSchema.optional(),
  playlist: playlistSchema.optional(),
});

export type OpenWindowOptions = z.infer<typeof openWindowOptionsSchema>;
