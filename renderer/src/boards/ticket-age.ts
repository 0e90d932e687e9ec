/**
 * Kitchen ticket age thresholds: a ticket waiting 10 minutes is late (amber),
 * 20 minutes overdue (red). Status is shown as text and an icon, not colour alone.
 */
export const TICKET_LATE_MS = 10 * 60_000;
export const TICKET_OVERDUE_MS = 20 * 60_000;

export type TicketUrgency = 'on_time' | 'late' | 'overdue';

export function ticketUrgency(ageMs: number): TicketUrgency {
  if (ageMs >= TICKET_OVERDUE_MS) return 'overdue';
  if (ageMs >= TICKET_LATE_MS) return 'late';
  return 'on_time';
}

export const URGENCY_ICON: Record<TicketUrgency, string> = {
  on_time: '✓',
  late: '⚠',
  overdue: '⛔',
};
