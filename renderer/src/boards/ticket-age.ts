import {
  SEVERITY_THRESHOLDS,
  ticketUrgency,
  type TicketUrgency,
} from '../../../protocol/board/board-selectors';
import {
  isStaleTicketWith,
  kitchenThresholdLookup,
  ticketUrgencyWith,
  type KitchenThresholdLookup,
  type TicketThresholdsMs,
} from '../../../protocol/board/kitchen-thresholds';
import { useDirectoryEntry } from '../format/location-names';
import type { IconName } from '../icons/icon';

/**
 * Kitchen ticket ages. Each location's thresholds come from the tenant
 * directory (protocol/board/kitchen-thresholds.ts); a location without any
 * uses the defaults: 10 minutes late (amber), 20 overdue (red), 30 without a
 * status change stale. Status is shown as text and an icon, not colour alone.
 */
export const TICKET_LATE_MS = SEVERITY_THRESHOLDS.ticketLateMs;
export const TICKET_OVERDUE_MS = SEVERITY_THRESHOLDS.ticketOverdueMs;

export { isStaleTicketWith, ticketUrgency, ticketUrgencyWith, type TicketUrgency };
export type { KitchenThresholdLookup, TicketThresholdsMs };

/**
 * The thresholds per location of the board being shown (inside
 * LocationNamesProvider); the same function until the directory entry changes.
 */
export function useKitchenThresholds(): KitchenThresholdLookup {
  return kitchenThresholdLookup(useDirectoryEntry());
}

export const URGENCY_ICON: Record<TicketUrgency, IconName> = {
  on_time: 'check',
  late: 'warning',
  overdue: 'stop',
};
