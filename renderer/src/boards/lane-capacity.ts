import { useEffect, useState } from 'react';

/**
 * How many tickets a lane renders. The rail is capped so a rush of hundreds of
 * open orders costs a few dozen DOM nodes, with "+N more" saying what is hidden.
 * On the wall a lane renders what fits its height (see useFittingCount); the
 * estimate below is only the first guess, before the lane is measured.
 */
export const LANE_PAGE = 20;

/** Wall mode: estimated height of one ticket and of the chrome above and below the lanes, px at wall type size. */
const WALL_TICKET_PX = 150;
const WALL_CHROME_PX = 260;

/** Estimated tickets that fit a wall lane in a viewport this tall (at least 1). */
export function wallLaneCapacity(viewportHeight: number): number {
  return Math.max(1, Math.floor((viewportHeight - WALL_CHROME_PX) / WALL_TICKET_PX));
}

/** The estimated wall-lane capacity for the current window height, updated on resize. */
export function useWallLaneCapacity(enabled: boolean): number {
  const [height, setHeight] = useState(() =>
    typeof window === 'undefined' ? 900 : window.innerHeight,
  );
  useEffect(() => {
    if (!enabled) return;
    const onResize = () => setHeight(window.innerHeight);
    onResize();
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, [enabled]);
  return wallLaneCapacity(height);
}
