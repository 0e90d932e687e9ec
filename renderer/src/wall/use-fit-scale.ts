import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';

/** Below this the type is no longer readable from across a room; the board is then cut rather than shrunk further. */
export const MIN_FIT_SCALE = 0.45;
/** Binary-search steps: 1/128 of the range, finer than a pixel of type. */
const SEARCH_STEPS = 7;

/**
 * Shrinks a wall board whose content is not a list of equal rows (the Floor's
 * locations of different sizes) until it fits the height the layout gives it:
 * sets `--fit-scale` (MIN_FIT_SCALE..1) on the element, which its CSS uses in
 * an em-based font size, so cells, gaps and type shrink together and more
 * cells fit per row. Measured after every render and on resize (window, large type).
 * Where there is no layout (tests), the scale stays 1.
 *
 * @param enabled fit only while true (wall mode); the property is removed otherwise
 * @returns the ref to put on the element, which must have a fixed height and hide overflow
 */
export function useFitScale<E extends HTMLElement>(enabled: boolean): RefObject<E | null> {
  const ref = useRef<E | null>(null);
  const fit = useRef(() => {});
  fit.current = () => {
    const element = ref.current;
    if (!element) return;
    if (!enabled) {
      element.style.removeProperty('--fit-scale');
      return;
    }
    if (element.clientHeight <= 0) return;
    const fits = (scale: number) => {
      element.style.setProperty('--fit-scale', String(scale));
      return element.scrollHeight <= element.clientHeight;
    };
    if (fits(1)) return;
    let low = MIN_FIT_SCALE;
    let high = 1;
    for (let step = 0; step < SEARCH_STEPS; step += 1) {
      const middle = (low + high) / 2;
      if (fits(middle)) low = middle;
      else high = middle;
    }
    fits(low);
  };
  useLayoutEffect(() => fit.current());
  useEffect(() => {
    const element = ref.current;
    if (!enabled || !element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => fit.current());
    observer.observe(element);
    return () => observer.disconnect();
  }, [enabled]);
  return ref;
}
