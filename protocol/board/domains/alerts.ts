import { BOARD_LIMITS, type AlertRecord } from '../board-state';
import { appendBounded } from '../board-collections';
import type { DomainSteps } from './domain-step';

/**
 * The alerts domain (`alert`): the latest alerts, newest last, bounded by
 * `BOARD_LIMITS.alerts`; messages are cut at 300 characters for the tiles.
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
};
