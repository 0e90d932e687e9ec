import { z } from 'zod';
import { BOARD_KINDS, playlistSchema, tenantIdSchema, windowModeSchema } from '../../../protocol';

/**
 * The saved arrangement of console windows, restored at start. Pure data and
 * placement rules; the file I/O is in window-layout-file.ts and the
 * BrowserWindow side in electron/main/window-manager.ts.
 */

export const rectSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});
export type Rect = z.infer<typeof rectSchema>;

export const windowEntrySchema = z.object({
  /** Stable id of the window across restarts. */
  id: z.string().min(1).max(64),
  /** Null for the main window before a tenant is chosen. */
  tenant: tenantIdSchema.nullable(),
  board: z.enum(BOARD_KINDS).nullable(),
  bounds: rectSchema,
  /** Electron's display id the window was on. */
  displayId: z.number().int(),
  mode: windowModeSchema,
  /** Wall rotation of a kiosk window; the bridge's schema, so a saved layout has the same limits as `windows.open`. */
  playlist: playlistSchema.optional(),
});
export type WindowEntry = z.infer<typeof windowEntrySchema>;

export const LAYOUT_VERSION = 1;
export const windowLayoutSchema = z.object({
  version: z.literal(LAYOUT_VERSION),
  windows: z.array(windowEntrySchema).max(64),
});
export type WindowLayout = z.infer<typeof windowLayoutSchema>;

/** What placement needs to know about a display (a subset of Electron's Display). */
export interface DisplayInfo {
  id: number;
  bounds: Rect;
  /** The bounds minus taskbars, docks and menu bars. */
  workArea: Rect;
}

function overlapArea(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * Fits `bounds` inside `area`: keeps the size when it fits, else shrinks it to
 * the area; then moves it so it lies fully inside.
 */
export function clampIntoArea(bounds: Rect, area: Rect): Rect {
  const width = Math.min(bounds.width, area.width);
  const height = Math.min(bounds.height, area.height);
  const x = Math.min(Math.max(bounds.x, area.x), area.x + area.width - width);
  const y = Math.min(Math.max(bounds.y, area.y), area.y + area.height - height);
  return { x, y, width, height };
}

/**
 * Chooses where a saved window goes on the displays that exist now:
 * 1. its own display, if still connected;
 * 2. else the display its bounds overlap most;
 * 3. else the primary display.
 * The bounds are then clamped into that display's work area (size kept when it fits).
 * @throws Error when `displays` is empty or `primaryId` is not among them.
 */
export function placeWindow(
  entry: WindowEntry,
  displays: readonly DisplayInfo[],
  primaryId: number,
): WindowEntry {
  const primary = displays.find((d) => d.id === primaryId);
  if (!primary)
    throw new Error(
      `placeWindow: primary display ${primaryId} is not in the display list; pass screen.getPrimaryDisplay().id`,
    );
  let target = displays.find((d) => d.id === entry.displayId);
  if (!target) {
    let best = 0;
    for (const display of displays) {
      const area = overlapArea(entry.bounds, display.bounds);
      if (area > best) {
        best = area;
        target = display;
      }
    }
  }
  target ??= primary;
  return { ...entry, displayId: target.id, bounds: clampIntoArea(entry.bounds, target.workArea) };
}

/** Places every window of `layout` (see placeWindow). */
export function placeLayout(
  layout: WindowLayout,
  displays: readonly DisplayInfo[],
  primaryId: number,
): WindowLayout {
  return {
    ...layout,
    windows: layout.windows.map((entry) => placeWindow(entry, displays, primaryId)),
  };
}

/** An empty layout: the app then opens one main window on the primary display. */
export function emptyLayout(): WindowLayout {
  return { version: LAYOUT_VERSION, windows: [] };
}
