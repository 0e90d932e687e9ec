import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { useAppStores, useBoardView, useMessages } from '../app/app-stores';
import { ageText } from '../format/age-text';
import { formatClock } from '../format/number-format';
import { useNow } from '../hooks/use-now';
import { Icon } from '../icons/icon';
import { boardDataTime } from '../stores/board-data-time';
import { linkHeadline, shownLinkState } from './link-status-text';

/**
 * The banner nobody can miss when a board is not live: "Offline — showing data
 * from 14:32, 3 min ago · time now 14:35" (the age and the clock tick), or that
 * a resync is under way. It sits above the board and never hides it.
 */
export function FreshnessBanner({ tenant }: { tenant: string }) {
  const { link } = useAppStores();
  // Only what the banner shows, so a frame of new events does not re-render it.
  const view = useBoardView(
    tenant,
    useShallow((board) => ({
      freshness: board.freshness,
      asOf: board.asOf,
      error: board.error,
      hasState: board.state !== null,
      timeZone: board.state?.timeZone,
      lastEventAt: board.state?.lastEventAt ?? 0,
    })),
  );
  const linkState = useStore(link, (state) => state.status?.state);
  const { t, intl } = useMessages();
  const now = useNow();
  const shown = shownLinkState(linkState);
  const stale =
    view.freshness === 'stale' || (view.hasState && linkState !== undefined && shown !== 'live');
  if (view.error && view.hasState) {
    return (
      <div className="banner banner--warning" role="alert">
        <Icon name="warning" /> {t.freshness.rejected(view.error.message)}
      </div>
    );
  }
  if (view.freshness === 'resyncing') {
    return (
      <div className="banner banner--info" data-freshness="resyncing">
        <Icon name="refresh" /> {t.freshness.resyncing}
      </div>
    );
  }
  if (!stale || view.asOf === null) return null;
  const dataTime = boardDataTime(view.freshness, view.asOf, view.lastEventAt) ?? view.asOf;
  // A stale board whose link is (again) live still shows old data until the hub's answer
  // arrives; it says so without calling the link offline while the status bar says Live.
  const headline = shown === 'live' ? t.link.catchingUp : linkHeadline(shown, t);
  const time = formatClock(dataTime, intl, view.timeZone);
  return (
    <div className="banner banner--stale" data-freshness="stale">
      <Icon name="warning" />{' '}
      {t.freshness.staleBanner(headline, time, ageText(now - dataTime, t, intl))}
      {/* A wall clock beside the data's time, so nobody reads an old screen as now. */}
      <span className="banner__clock">
        {' · '}
        {t.freshness.clock(formatClock(now, intl, view.timeZone))}
      </span>
    </div>
  );
}
