import { createStore, type StoreApi } from 'zustand/vanilla';

/**
 * One shared wall clock per window, ticking every `intervalMs` while anything
 * is subscribed. Ages, countdowns and the status bar all read it, so a tick is
 * one store change (one React commit) rather than one timer per component, and
 * only the components that show a time re-render.
 */
export interface ClockView {
  /** Epoch ms of the last tick. */
  now: number;
}

export type ClockStore = StoreApi<ClockView>;

/**
 * @param now the window's clock, epoch ms (injectable for tests)
 * @param intervalMs tick period, ms; must be positive
 * @throws RangeError when `intervalMs` is not a positive number
 */
export function createClockStore(now: () => number, intervalMs = 1000): ClockStore {
  if (!(intervalMs > 0))
    throw new RangeError(
      `createClockStore: intervalMs must be a positive number of ms, got ${intervalMs}.`,
    );
  const store = createStore<ClockView>(() => ({ now: now() }));
  const subscribe = store.subscribe;
  let listeners = 0;
  let timer: ReturnType<typeof setInterval> | null = null;
  const tick = () => store.setState({ now: now() });
  store.subscribe = (listener) => {
    const unsubscribe = subscribe(listener);
    listeners += 1;
    if (timer === null) {
      // Catch up at once after an idle spell, so the first reader never sees an old time.
      tick();
      timer = setInterval(tick, intervalMs);
    }
    let active = true;
    return () => {
      if (!active) return;
      active = false;
      unsubscribe();
      listeners -= 1;
      if (listeners === 0 && timer !== null) {
        clearInterval(timer);
        timer = null;
      }
    };
  };
  return store;
}
