import { useStore } from 'zustand';
import { useAppStores } from '../app/app-stores';

/**
 * The window's shared 1 s clock, epoch ms. Every caller re-renders on each
 * tick, so call it in the small component that shows the time (an age label),
 * not in a board that renders hundreds of rows.
 */
export function useNow(): number {
  return useStore(useAppStores().clock, (view) => view.now);
}

/**
 * A value derived from the shared clock; the caller re-renders only when the
 * derived value changes (e.g. a ticket's urgency, a minute-aligned window).
 */
export function useClockValue<T>(derive: (now: number) => T): T {
  return useStore(useAppStores().clock, (view) => derive(view.now));
}
