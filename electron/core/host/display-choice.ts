/** A display as the window code sees it (Electron's Display, reduced). */
export interface DisplayBounds {
  id: number;
  bounds: { x: number; y: number; width: number; height: number };
}

/**
 * The display numbered `index` the way policy counts them: 0 is the primary,
 * then the others left to right (top to bottom on ties). An index past the
 * last display falls back to the primary, so a wall box whose second screen
 * is unplugged still shows the board.
 * @throws TypeError when `displays` is empty.
 */
export function pickDisplay<D extends DisplayBounds>(
  displays: readonly D[],
  primaryId: number,
  index: number,
): D {
  const primary = displays.find((display) => display.id === primaryId) ?? displays[0];
  if (!primary) throw new TypeError('pickDisplay: no displays');
  const others = displays
    .filter((display) => display !== primary)
    .sort((a, b) => a.bounds.x - b.bounds.x || a.bounds.y - b.bounds.y);
  return [primary, ...others][index] ?? primary;
}
