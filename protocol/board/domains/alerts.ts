import { BOARD_LIMITS, type AlertRecord, type BoardState } from '../board-state';
import { appendBounded, lastIndexWhere } from '../board-collections';
import type { DomainSteps } from './domain-step';

/**
 * The alerts domain (`alert`, `alert.acknowledged`, `alert.resolved`): the latest alerts,
 * newest last, bounded by `BOARD_LIMITS.alerts`; messages are cut at 300 characters for
 * the tiles. An acknowledgement or resolution names the alert by its event id:
 * - the first `alert.acknowledged` sets `acknowledgedAt` (hub time) and `acknowledgedBy`;
 *   a repeat changes nothing;
 * - the first `alert.resolved` sets `resolvedAt`/`resolvedBy`, and acknowledges the
 *   alert with the same time and person when nobody had;
 * - an alert id no longer (or never) on the board changes nothing.
 * Whether an alert is still active is decided in one place, `isActiveAlert` (alert-selectors.ts).
 * @internal
 */
export const alertsDomain: DomainSteps = {
  alert: (state, { location, ts, id, data }) => {
    const alert: AlertRecord = {
      id,
      location,
      severity: data.severity,
      message: data.message.slice(0, 300),
      at: ts,
    };
    return { ...state, alerts: appendBounded(state.alerts, alert, BOARD_LIMITS.alerts) };
  },
  'alert.acknowledged': (state, { ts, data }) =>
    updateAlert(state, data.alertId, (alert) =>
      alert.acknowledgedAt !== undefined
        ? alert
        : { ...alert, acknowledgedAt: ts, acknowledgedBy: data.by },
    ),
  'alert.resolved': (state, { ts, data }) =>
    updateAlert(state, data.alertId, (alert) =>
      alert.resolvedAt !== undefined
        ? alert
        : {
            ...alert,
            acknowledgedAt: alert.acknowledgedAt ?? ts,
            acknowledgedBy: alert.acknowledgedBy ?? data.by,
            resolvedAt: ts,
            resolvedBy: data.by,
          },
    ),
};

/**
 * Applies `change` to the newest alert with event id `alertId`; the same state when there
 * is none or `change` returns the alert as it was.
 */
function updateAlert(
  state: BoardState,
  alertId: string,
  change: (alert: AlertRecord) => AlertRecord,
): BoardState {
  const index = lastIndexWhere(state.alerts, (alert) => alert.id === alertId);
  if (index < 0) return state;
  const alert = state.alerts[index] as AlertRecord;
  const changed = change(alert);
  if (changed === alert) return state;
  const alerts = state.alerts.slice();
  alerts[index] = changed;
  return { ...state, alerts };
}
