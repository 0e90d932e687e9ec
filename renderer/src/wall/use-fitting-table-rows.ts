import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';

/**
 * How many body rows of a table fit the box the layout gives it (the wall Overview's
 * "By location" under its tiles): the box's height, less the header row, over the
 * first body row's height, measured again whenever the box is resized (window, large
 * type, an alert band coming or going). Rows past the count are not rendered, so a TV
 * never shows a header with its rows cut off below the screen's edge. Can be 0.
 * Before the first measurement, or where there is no layout (tests), it is `fallback`.
 *
 * @param enabled measure only while true (wall mode); returns `fallback` otherwise
 * @returns the ref to put on the element that holds the table, and the row count
 */
export function useFittingTableRows<E extends HTMLElement>(
  enabled: boolean,
  fallback: number,
): [RefObject<E | null>, number] {
  const ref = useRef<E | null>(null);
  const [fit, setFit] = useState<number | null>(null);
  // Kept, so a box that had room for no row can grow back to some once resized.
  const rowHeight = useRef(0);
  const measure = useRef(() => {});
  measure.current = () => {
    const box = ref.current;
    const row = box?.querySelector('tbody > tr') as HTMLElement | null | undefined;
    if (row && row.offsetHeight > 0) rowHeight.current = row.offsetHeight;
    if (!box || box.clientHeight <= 0 || rowHeight.current <= 0) return;
    const head = box.querySelector('thead');
    const free = box.clientHeight - (head?.offsetHeight ?? 0);
    setFit(Math.max(0, Math.floor(free / rowHeight.current)));
  };
  // After every render: the first row may only now exist, or have a new size.
  useLayoutEffect(() => {
    if (enabled) measure.current();
  });
  useEffect(() => {
    const box = ref.current;
    if (!enabled || !box || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => measure.current());
    observer.observe(box);
    return () => observer.disconnect();
  }, [enabled]);
  return [ref, enabled && fit !== null ? fit : fallback];
}
