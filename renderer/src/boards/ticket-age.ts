import {
  SEVERITY_THRESHOLDS,
  ticketUrgency,
  type TicketUrgency,
} from '../../../protocol/board/board-selectors';
import type { IconName } from '../icons/icon';

/**
 * Kitchen ticket ages. The thresholds live with every other severity threshold
 * in the protocol's selectors; a ticket waiting 10 minutes is late (amber),
 * 20 minutes overdue (red). Status is shown as text and an icon, not colour alone.
 */
export const TICKET_LATE_MS = SEVERITY_THRESHOLDS.ticketLateMs;
export const TICKET_OVERDUE_MS = SEVERITY_THRESHOLDS.ticketOverdueMs;

export { ticketUrgency, type TicketUrgency };

export const URGENCY_ICON: Record<TicketUrgency, IconName> = {
  on_time: 'check',
  late: 'warning',
  overdue: 'stop',
};
