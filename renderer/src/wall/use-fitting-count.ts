import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';

/**
 * How many equal-height items fit a list whose height the layout fixes (a wall
 * lane, the wall Feed, a grid of cards): measured from the list's height, its
 * first item, the row gap and, for a CSS grid, its number of columns, and
 * measured again whenever the list is resized (window, large type).
 * Items past the count are not rendered, so nothing is cut in half at the bottom.
 * Before the first measurement, or where there is no layout (tests), it is `fallback`.
 *
 * @param enabled measure only while true (wall mode); returns `fallback` otherwise
 * @returns the ref to put on the list element, and the count (at least 1)
 */
export function useFittingCount<E extends HTMLElement>(
  enabled: boolean,
  fallback: number,
): [RefObject<E | null>, number] {
  const ref = useRef<E | null>(null);
  const [fit, setFit] = useState<number | null>(null);
  const measure = useRef(() => {});
  measure.current = () => {
    const list = ref.current;
    const item = list?.firstElementChild as HTMLElement | null | undefined;
    if (!list || !item || list.clientHeight <= 0 || item.offsetHeight <= 0) return;
    const style = getComputedStyle(list);
    const gap = Number.parseFloat(style.rowGap) || 0;
    const rows = Math.max(1, Math.floor((list.clientHeight + gap) / (item.offsetHeight + gap)));
    setFit(rows * gridColumns(style));
  };
  // After every render: the first item may only now exist, or have a new size.
  useLayoutEffect(() => {
    if (enabled) measure.current();
  });
  useEffect(() => {
    const list = ref.current;
    if (!enabled || !list || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => measure.current());
    observer.observe(list);
    return () => observer.disconnect();
  }, [enabled]);
  return [ref, enabled && fit !== null ? fit : fallback];
}

/** Tracks of a laid-out CSS grid (1 for anything else). */
function gridColumns(style: CSSStyleDeclaration): number {
  if (style.display !== 'grid') return 1;
  const tracks = style.gridTemplateColumns.split(' ').filter((track) => /^[\d.]+px$/.test(track));
  return Math.max(1, tracks.length);
}
