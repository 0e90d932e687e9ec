import './alerts.css';

import type { ReactNode } from 'react';
import { activeAlerts } from '../../../protocol/board/alert-selectors';
import type { AlertRecord, BoardState } from '../../../protocol/board/board-state';
import { useMessages } from '../app/app-stores';
import { useDataClockValue } from '../components/data-clock';
import { ageText } from '../format/age-text';
import { locationNameIn } from '../format/location-names';
import { formatNumber } from '../format/number-format';
import { Icon } from '../icons/icon';

/** Critical alerts shown in full; the rest are counted ("+N more"). */
const SHOWN_ON_DESK = 1;
const SHOWN_ON_WALL = 2;

export interface CriticalAlertsProps {
  state: BoardState;
  wall: boolean;
  /**
   * Renders the "Acknowledge" (and "Resolve") controls of one alert; the tenant
   * screen passes AlertActions, which shows nothing on the wall or to a user
   * without `operate`. Absent in bare renders, so no control is shown.
   */
  renderAcknowledge?: (alert: AlertRecord) => ReactNode;
}

/**
 * Active critical alerts on every board, newest first: on the desktop a banner
 * above the board; on the wall a band over the bottom of the board that can
 * be read across a room (large type, high contrast, a slow pulse of its edge,
 * at most 0.5 Hz, moved with the wall's burn-in shift). Warnings and infos
 * stay in the Feed and the Overview tile.
 * Runs on the data clock, so ages freeze while the link is not live.
 */
export function CriticalAlerts({ state, wall, renderAcknowledge }: CriticalAlertsProps) {
  const { t, intl } = useMessages();
  // Re-renders when the list changes or an age label does (ages are shown to the minute).
  const key = useDataClockValue((now) =>
    activeAlerts(state, now, { severity: 'critical' })
      .map((alert) => `${alert.id}@${ageText(now - alert.at, t, intl)}`)
      .join('\n'),
  );
  if (key === '') return null;
  const critical = key.split('\n').map((line) => {
    const at = line.lastIndexOf('@');
    const id = line.slice(0, at);
    return { alert: state.alerts.find((alert) => alert.id === id), age: line.slice(at + 1) };
  });
  const shown = critical.slice(0, wall ? SHOWN_ON_WALL : SHOWN_ON_DESK);
  const hidden = critical.length - shown.length;
  return (
    <section
      className={`critical-alerts${wall ? ' critical-alerts--wall' : ''}`}
      aria-label={t.alerts.bannerLabel}
      data-critical-alerts={critical.length}
    >
      <ul className="critical-alerts__list">
        {shown.map(({ alert, age }) =>
          alert ? (
            <li key={alert.id} className="critical-alerts__item" data-alert-id={alert.id}>
              <Icon name="stop" />{' '}
              <strong className="critical-alerts__label">{t.alerts.critical}</strong>{' '}
              <bdi className="critical-alerts__message" aria-live="assertive">
                {alert.message}
              </bdi>{' '}
              <span className="critical-alerts__where">
                {t.alerts.where(
                  alert.location ? locationNameIn(state, intl, alert.location) : t.kpi.noLocation,
                  age,
                )}
              </span>
              {renderAcknowledge?.(alert)}
            </li>
          ) : null,
        )}
      </ul>
      {hidden > 0 && (
        <p className="critical-alerts__more">{t.alerts.more(formatNumber(hidden, intl))}</p>
      )}
    </section>
  );
}
