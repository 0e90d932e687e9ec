import { useStore } from 'zustand';
import { useAppStores, useMessages } from '../app/app-stores';
import { formatClock, formatNumber } from '../format/number-format';
import { useNow } from '../hooks/use-now';
import { linkHeadline, reconnectDetail, shownLinkState } from './link-status-text';

const ICONS = { live: '●', reconnecting: '↻', offline: '⨯', auth_required: '🔒' } as const;

/**
 * The persistent link status: ONE element with role="status" and a stable
 * `data-link-state` (live, reconnecting, offline, auth_required) that tests and
 * assistive tech rely on, plus the last update time and delivery lag.
 */
export function StatusBar({ timeZone, compact = false, onSignIn }: { timeZone?: string; compact?: boolean; onSignIn?: () => void }) {
  const { link } = useAppStores();
  const status = useStore(link, (view) => view.status);
  const { t, intl } = useMessages();
  const now = useNow(1000);
  const shown = shownLinkState(status?.state);
  const headline = status ? linkHeadline(shown, t) : t.link.unknown;
  const detail = reconnectDetail(status, now, t, intl);
  const lastUpdate = status?.lastEventAt ? t.link.lastUpdate(formatClock(status.lastEventAt, intl, timeZone, true)) : t.link.noUpdate;
  const lag = status?.lagMs !== undefined ? t.link.lag(formatNumber(Math.max(0, status.lagMs), intl)) : null;
  return (
    <footer className={`status-bar status-bar--${shown}${compact ? ' status-bar--compact' : ''}`}>
      <div role="status" data-link-state={shown} className="status-bar__link">
        <span className="status-bar__icon" aria-hidden="true">
          {ICONS[shown]}
        </span>
        <span className="status-bar__headline">{headline}</span>
        {detail && <span className="status-bar__detail"> ({detail})</span>}
        {!compact && (
          <span className="status-bar__meta">
            {' · '}
            {lastUpdate}
            {lag && ` · ${lag}`}
          </span>
        )}
      </div>
      {shown === 'auth_required' && onSignIn && !compact && (
        <button type="button" className="button button--small" onClick={onSignIn}>
          {t.link.signInAgain}
        </button>
      )}
    </footer>
  );
}
