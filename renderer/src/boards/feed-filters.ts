import type { FeedEntry } from '../../../protocol/board/board-state';
import { ALERT_SEVERITIES, type AlertSeverity } from '../../../protocol/events';

/**
 * View filters for the desktop Feed; null means "all". A severity keeps only
 * alerts of that severity (other events have none). They never change the store.
 */
export interface FeedFilter {
  type: string | null;
  location: string | null;
  severity: AlertSeverity | null;
}

export const NO_FEED_FILTER: FeedFilter = { type: null, location: null, severity: null };

/** The entries matching `filter`, in the order given. */
export function filterFeed(entries: readonly FeedEntry[], filter: FeedFilter): FeedEntry[] {
  return entries.filter(
    (entry) =>
      (filter.type === null || entry.type === filter.type) &&
      (filter.location === null || (entry.location ?? '') === filter.location) &&
      (filter.severity === null || entry.fields.severity === filter.severity),
  );
}

/** The choices each filter offers: what the recent entries contain, sorted. */
export function feedFilterOptions(entries: readonly FeedEntry[]): {
  types: string[];
  locations: string[];
} {
  const types = new Set<string>();
  const locations = new Set<string>();
  for (const entry of entries) {
    types.add(entry.type);
    if (entry.location) locations.add(entry.location);
  }
  return { types: [...types].sort(), locations: [...locations].sort() };
}

/** Narrows a `<select>` value to a severity, or null for "all". */
export function severityOrNull(value: string): AlertSeverity | null {
  return (ALERT_SEVERITIES as readonly string[]).includes(value) ? (value as AlertSeverity) : null;
}
