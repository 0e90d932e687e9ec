import { useStore } from 'zustand';
import { useAppStores, useBoardView, useMessages } from '../app/app-stores';
import { ageText } from '../format/age-text';
import { formatClock } from '../format/number-format';
import { useNow } from '../hooks/use-now';
import { linkHeadline, shownLinkState } from './link-status-text';

/**
 * The banner nobody can miss when a board is not live: "Offline — showing data
 * from 14:32, 3 min ago" (the age ticks), or that a resync is under way. It sits
 * above the board and never hides it.
 */
export function FreshnessBanner({ tenant }: { tenant: string }) {
  const { link } = useAppStores();
  const view = useBoardView(tenant, (board) => board);
  const linkState = useStore(link, (state) => state.status?.state);
  const { t, intl } = useMessages();
  const now = useNow(1000);
  const shown = shownLinkState(linkState);
  const stale = view.freshness === 'stale' || (view.state !== null && linkState !== undefined && shown !== 'live');
  if (view.error && view.state) {
    return (
      <div className="banner banner--warning" role="alert">
        <span aria-hidden="true">⚠ </span>
        {t.freshness.rejected(view.error.message)}
      </div>
    );
  }
  if (view.freshness === 'resyncing') {
    return (
      <div className="banner banner--info" data-freshness="resyncing">
        <span aria-hidden="true">↻ </span>
        {t.freshness.resyncing}
      </div>
    );
  }
  if (!stale || view.asOf === null) return null;
  // A stale board whose link is (again) live is still offline data until the host says otherwise.
  const headline = shown === 'live' ? t.link.offline : linkHeadline(shown, t);
  // While the host still calls the board live but the link is down, the data is as fresh as its last event.
  const dataTime = view.freshness === 'stale' ? view.asOf : Math.max(view.asOf, view.state?.lastEventAt ?? 0);
  const time = formatClock(dataTime, intl, view.state?.timeZone);
  return (
    <div className="banner banner--stale" data-freshness="stale">
      <span aria-hidden="true">⚠ </span>
      {t.freshness.staleBanner(headline, time, ageText(now - dataTime, t, intl))}
    </div>
  );
}
