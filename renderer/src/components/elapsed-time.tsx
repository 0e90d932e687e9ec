import { formatDuration } from '../format/number-format';
import { useDataClockValue } from './data-clock';

/**
 * "m:ss" since `since`, ticking with the window's shared 1 s clock while the
 * data is live and frozen at the data's time while it is not (see data-clock).
 * It is the only part of a ticket or table cell that re-renders every second.
 */
export function ElapsedTime({ since, intl }: { since: number; intl: string }) {
  return <>{useDataClockValue((now) => formatDuration(Math.max(0, now - since), intl))}</>;
}
