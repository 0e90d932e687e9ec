import { useEffect, useState } from 'react';
import { useAppStores } from '../app/app-stores';

/**
 * The current time, re-read every `intervalMs` (default 1 s) so ages and
 * countdowns tick. Uses the window's injectable clock.
 */
export function useNow(intervalMs = 1000): number {
  const { now } = useAppStores();
  const [value, setValue] = useState(now);
  useEffect(() => {
    setValue(now());
    const timer = setInterval(() => setValue(now()), intervalMs);
    return () => clearInterval(timer);
  }, [now, intervalMs]);
  return value;
}
