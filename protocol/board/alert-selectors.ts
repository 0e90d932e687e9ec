import type { AlertSeverity } from '../events';
import { ALERT_SEVERITIES } from '../events';
import type { AlertRecord, BoardState } from './board-state';

/**
 * Which alerts are still "active", how many of each severity there are, and where an
 * alert is in its lifecycle. An alert is active until it is acknowledged, resolved or
 * older than a window; `isActiveAlert` is the one place that decides it, and every
 * banner, tile and overlay reads through it.
 */

/** How long an alert counts as active after it was raised, ms (30 min). */
export const ALERT_ACTIVE_WINDOW_MS = 30 * 60_000;

export interface AlertWindowOptions {
  /** Overrides ALERT_ACTIVE_WINDOW_MS, ms (> 0). */
  windowMs?: number;
}

/**
 * True while `alert` still needs attention at `now` (epoch ms): raised less than the
 * window ago and not acknowledged or resolved.
 */
export function isActiveAlert(
  alert: AlertRecord,
  now: number,
  options: AlertWindowOptions = {},
): boolean {
  if (alert.acknowledgedAt !== undefined || alert.resolvedAt !== undefined) return false;
  const windowMs = options.windowMs ?? ALERT_ACTIVE_WINDOW_MS;
  return now - alert.at < windowMs;
}

/**
 * The active alerts of a board, newest first, optionally of one severity.
 * @param now epoch ms (the board's data clock, so ages freeze with the data)
 */
export function activeAlerts(
  state: BoardState,
  now: number,
  options: AlertWindowOptions & { severity?: AlertSeverity } = {},
): AlertRecord[] {
  const active: AlertRecord[] = [];
  for (let index = state.alerts.length - 1; index >= 0; index -= 1) {
    const alert = state.alerts[index] as AlertRecord;
    if (options.severity !== undefined && alert.severity !== options.severity) continue;
    if (isActiveAlert(alert, now, options)) active.push(alert);
  }
  return active.sort((a, b) => b.at - a.at);
}

/** How many active alerts of each severity a board has at `now` (every severity present, 0 when none). */
export function alertCountsBySeverity(
  state: BoardState,
  now: number,
  options: AlertWindowOptions = {},
): Record<AlertSeverity, number> {
  const counts = Object.fromEntries(ALERT_SEVERITIES.map((severity) => [severity, 0])) as Record<
    AlertSeverity,
    number
  >;
  for (const alert of state.alerts)
    if (isActiveAlert(alert, now, options)) counts[alert.severity] += 1;
  return counts;
}

/** An alert's place in its lifecycle (see `alertStatus`). */
export type AlertStatus = 'active' | 'acknowledged' | 'resolved' | 'expired';

/**
 * Where an alert is in its lifecycle at `now` (epoch ms): `resolved` (closed), `acknowledged`
 * (someone is on it, not resolved), `active` (needs attention, see `isActiveAlert`) or
 * `expired` (older than the window and nobody acted on it).
 */
export function alertStatus(
  alert: AlertRecord,
  now: number,
  options: AlertWindowOptions = {},
): AlertStatus {
  if (alert.resolvedAt !== undefined) return 'resolved';
  if (alert.acknowledgedAt !== undefined) return 'acknowledged';
  return isActiveAlert(alert, now, options) ? 'active' : 'expired';
}

/** The alerts of a board nobody has resolved yet (acknowledged ones included), newest first. */
export function unresolvedAlerts(state: BoardState): AlertRecord[] {
  return state.alerts.filter((alert) => alert.resolvedAt === undefined).sort((a, b) => b.at - a.at);
}
