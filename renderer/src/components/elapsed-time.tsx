import { formatDuration } from '../format/number-format';
import { useNow } from '../hooks/use-now';

/**
 * "m:ss" since `since`, ticking with the window's shared 1 s clock. It is the
 * only part of a ticket or table cell that re-renders every second.
 */
export function ElapsedTime({ since, intl }: { since: number; intl: string }) {
  const now = useNow();
  return <>{formatDuration(Math.max(0, now - since), intl)}</>;
}
