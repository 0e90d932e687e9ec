import { describe, expect, it } from 'vitest';
import { clampIntoArea, placeLayout, placeWindow } from './window-layout';
import type { DisplayInfo, WindowEntry } from './window-layout';

const left: DisplayInfo = {
  id: 1,
  bounds: { x: 0, y: 0, width: 1920, height: 1080 },
  workArea: { x: 0, y: 0, width: 1920, height: 1040 },
};
const right: DisplayInfo = {
  id: 2,
  bounds: { x: 1920, y: 0, width: 1280, height: 1024 },
  workArea: { x: 1920, y: 0, width: 1280, height: 984 },
};
const laptop: DisplayInfo = {
  id: 3,
  bounds: { x: 0, y: 0, width: 1366, height: 768 },
  workArea: { x: 0, y: 25, width: 1366, height: 743 },
};

function entry(over: Partial<WindowEntry>): WindowEntry {
  return {
    id: 'w1',
    tenant: 'cedar-group',
    board: 'orders',
    bounds: { x: 100, y: 100, width: 800, height: 600 },
    displayId: 1,
    mode: 'normal',
    ...over,
  };
}

describe('placeWindow', () => {
  it('keeps a window that is on a connected display where it was', () => {
    const placed = placeWindow(
      entry({ displayId: 2, bounds: { x: 2000, y: 50, width: 800, height: 600 } }),
      [left, right],
      1,
    );
    expect(placed.displayId).toBe(2);
    expect(placed.bounds).toEqual({ x: 2000, y: 50, width: 800, height: 600 });
  });

  it('moves a window from an unplugged display to the primary display, keeping its size when it fits', () => {
    const placed = placeWindow(
      entry({ displayId: 2, bounds: { x: 2500, y: 300, width: 800, height: 600 } }),
      [left],
      1,
    );
    expect(placed.displayId).toBe(1);
    expect(placed.bounds.width).toBe(800);
    expect(placed.bounds.height).toBe(600);
    expect(placed.bounds.x + placed.bounds.width).toBeLessThanOrEqual(1920);
  });

  it('shrinks a window larger than the work area of its new display and keeps it inside', () => {
    const placed = placeWindow(
      entry({ displayId: 9, bounds: { x: 3000, y: 0, width: 1900, height: 1050 } }),
      [laptop],
      3,
    );
    expect(placed.bounds).toEqual({ x: 0, y: 25, width: 1366, height: 743 });
  });

  it('prefers the connected display that the saved bounds overlap most when the display id changed', () => {
    // Same monitor, re-enumerated with a new id after a driver update.
    const renumbered: DisplayInfo = { ...right, id: 7 };
    const placed = placeWindow(
      entry({ displayId: 2, bounds: { x: 2000, y: 100, width: 800, height: 600 } }),
      [left, renumbered],
      1,
    );
    expect(placed.displayId).toBe(7);
    expect(placed.bounds).toEqual({ x: 2000, y: 100, width: 800, height: 600 });
  });

  it('pulls a window that hangs off the edge of its display back inside the work area (under the menu bar)', () => {
    const placed = placeWindow(
      entry({ displayId: 3, bounds: { x: 1000, y: 0, width: 800, height: 600 } }),
      [laptop],
      3,
    );
    expect(placed.bounds).toEqual({ x: 566, y: 25, width: 800, height: 600 });
  });

  it('keeps the mode, tenant and board of kiosk windows while moving them', () => {
    const placed = placeWindow(
      entry({ displayId: 2, mode: 'kiosk', bounds: { x: 1920, y: 0, width: 1280, height: 1024 } }),
      [left],
      1,
    );
    expect(placed).toMatchObject({
      mode: 'kiosk',
      tenant: 'cedar-group',
      board: 'orders',
      displayId: 1,
    });
  });

  it('names the fix when the primary display is not in the list', () => {
    expect(() => placeWindow(entry({}), [left], 42)).toThrow(/getPrimaryDisplay/);
  });

  it('places every window of a layout', () => {
    const layout = placeLayout(
      { version: 1, windows: [entry({ id: 'a', displayId: 2 }), entry({ id: 'b', displayId: 1 })] },
      [left],
      1,
    );
    expect(layout.windows.map((w) => w.displayId)).toEqual([1, 1]);
  });
});

describe('clampIntoArea', () => {
  it('leaves a rectangle that is already inside unchanged', () => {
    expect(clampIntoArea({ x: 10, y: 10, width: 100, height: 100 }, left.workArea)).toEqual({
      x: 10,
      y: 10,
      width: 100,
      height: 100,
    });
  });
});
