import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { useAppStores, useMessages } from '../app/app-stores';
import { formatClock, formatNumber } from '../format/number-format';
import { useNow } from '../hooks/use-now';
import { boardDataTime } from '../stores/board-data-time';
import { emptyBoardView } from '../stores/board-view';
import { Icon, type IconName } from '../icons/icon';
import {
  linkHeadline,
  reconnectDetail,
  shownLinkState,
  type ShownLinkState,
} from './link-status-text';

const ICONS: Record<ShownLinkState, IconName> = {
  live: 'dot',
  reconnecting: 'refresh',
  offline: 'offline',
  auth_required: 'lock',
};
/** Stands in for a board when no tenant is open, so the hooks below run unconditionally. */
const NO_BOARD = createStore(() => emptyBoardView(''));

export interface StatusBarProps {
  /** The open tenant, if any: its time zone is used for times, and its cached data time when the link has none. */
  tenant?: string | null;
  compact?: boolean;
  /** Offers "Sign in again" when the link needs a sign-in; leave out where that makes no sense (the sign-in screen). */
  onSignIn?: () => void;
}

/**
 * The persistent link status: ONE element with role="status" and a stable
 * `data-link-state` (live, reconnecting, offline, auth_required) that tests and
 * assistive tech rely on, plus the last update time and delivery lag. With a
 * tenant open, times are in the tenant's zone, like the boards; without one,
 * they are local and name their zone.
 */
export function StatusBar({ tenant = null, compact = false, onSignIn }: StatusBarProps) {
  const { link, boards, updates, bridge } = useAppStores();
  const status = useStore(link, (view) => view.status);
  const update = useStore(updates, (view) => view.status);
  const board = tenant ? boards.storeFor(tenant) : NO_BOARD;
  const timeZone = useStore(board, (view) => view.state?.timeZone);
  // Set when the tenant's history was lost (docs/protocol.md): the day totals only count from then.
  const totalsSince = useStore(board, (view) => view.state?.totalsSince);
  // After an offline reload the link has seen no event yet; the board's cached data time is the honest "last update".
  const cachedAt = useStore(board, (view) =>
    status?.lastEventAt
      ? null
      : boardDataTime(view.freshness, view.asOf, view.state?.lastEventAt ?? 0),
  );
  const { t, intl } = useMessages();
  const now = useNow();
  const shown = shownLinkState(status?.state);
  const headline = status ? linkHeadline(shown, t) : t.link.unknown;
  const detail = reconnectDetail(status, now, t, intl);
  const lastAt = status?.lastEventAt ?? cachedAt;
  const lastUpdate = lastAt
    ? t.link.lastUpdate(formatClock(lastAt, intl, timeZone, true, timeZone === undefined))
    : t.link.noUpdate;
  // A lag measured before the link went down says nothing about now.
  const lag =
    shown === 'live' && status?.lagMs !== undefined
      ? t.link.lag(formatNumber(Math.max(0, status.lagMs), intl))
      : null;
  return (
    <footer className={`status-bar status-bar--${shown}${compact ? ' status-bar--compact' : ''}`}>
      <div role="status" data-link-state={shown} className="status-bar__link">
        <span className="status-bar__icon">
          <Icon name={ICONS[shown]} />
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
      {totalsSince !== undefined && (
        <span className="status-bar__totals-since" data-totals-since={totalsSince}>
          {t.link.totalsSince(formatClock(totalsSince, intl, timeZone))}
        </span>
      )}
      {update?.state === 'ready' && !compact && (
        <a className="status-bar__update" href="#/settings" data-update-state="ready">
          {t.updates.statusReady(update.availableVersion ?? '')}
        </a>
      )}
      {!compact && update && update.state !== 'not-applicable' && (
        <a className="status-bar__settings" href="#/settings">
          {t.settings.open}
        </a>
      )}
      {/* Not on the wall (compact): a wall has no controls and keeps retrying by itself. */}
      {status?.state === 'reconnecting' && !compact && (
        <button
          type="button"
          className="button button--small"
          data-action="retry-now"
          onClick={() => {
            bridge.link
              .retryNow()
              .catch((error: unknown) =>
                console.warn('[ops-console] Retry now did not reach the host', error),
              );
          }}
        >
          {t.link.retryNow}
        </button>
      )}
      {shown === 'auth_required' && onSignIn && !compact && (
        <button type="button" className="button button--small" onClick={onSignIn}>
          {t.link.signInAgain}
        </button>
      )}
    </footer>
  );
}
