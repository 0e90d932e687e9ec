import './alerts.css';
import { alertCountsBySeverity } from '../../../protocol/board/alert-selectors';
import type { BoardState } from '../../../protocol/board/board-state';
import { ALERT_SEVERITIES } from '../../../protocol/events';
import { useMessages } from '../app/app-stores';
import { KpiTile } from '../components/kpi-tile';
import { useDataClockValue } from '../components/data-clock';
import { formatNumber } from '../format/number-format';

/**
 * Overview's alert tile: active critical alerts as the big number (red when
 * any), and the count of every severity under it. Counts change with the
 * minute at most, as alerts age out of the active window.
 */
export function AlertCountsTile({ state }: { state: BoardState }) {
  const { t, intl } = useMessages();
  const countsKey = useDataClockValue((now) =>
    JSON.stringify(alertCountsBySeverity(state, Math.floor(now / 60_000) * 60_000 + 59_999)),
  );
  const counts = JSON.parse(countsKey) as ReturnType<typeof alertCountsBySeverity>;
  const tone = counts.critical > 0 ? 'bad' : counts.warning > 0 ? 'warning' : 'ok';
  return (
    <KpiTile
      className="kpi--alerts"
      label={t.alerts.tileTitle}
      value={formatNumber(counts.critical, intl)}
      raw={counts.critical * 1_000_000 + counts.warning * 1_000 + counts.info}
      tone={tone}
      detail={
        <span className="alert-counts" data-alert-counts={countsKey}>
          {[...ALERT_SEVERITIES].reverse().map((severity, index) => (
            <span key={severity} className={`alert-counts__item alert-counts__item--${severity}`}>
              {index > 0 && ' · '}
              {t.feed.severities[severity]} {formatNumber(counts[severity], intl)}
            </span>
          ))}
        </span>
      }
    />
  );
}
