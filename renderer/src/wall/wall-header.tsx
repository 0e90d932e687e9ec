import { useEffect } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { BoardKind } from '../../../protocol/bridge/host-bridge';
import { useAppStores, useBoardView, useMessages } from '../app/app-stores';
import { ageText } from '../format/age-text';
import { formatClock } from '../format/number-format';
import { timeZoneLabel } from '../format/time-zone';
import { useNow } from '../hooks/use-now';
import { Icon } from '../icons/icon';
import { boardDataTime } from '../stores/board-data-time';
import { WALL_TEXT_SCALE } from '../stores/prefs-store';

/**
 * The top line of every wall board, readable from across a room: the group's
 * name and the board, how old the data is ("updated 4 s ago"), the clock and
 * the group's time zone. A frozen screen shows itself here: the clock runs on
 * while "updated" grows. It also applies the large-type setting to the wall.
 */
export function WallHeader({
  tenant,
  tenantName,
  board,
}: {
  tenant: string;
  tenantName: string;
  board: BoardKind;
}) {
  const { t, intl } = useMessages();
  const now = useNow();
  const view = useBoardView(
    tenant,
    useShallow((state) => ({
      timeZone: state.state?.timeZone,
      freshness: state.freshness,
      asOf: state.asOf,
      lastEventAt: state.state?.lastEventAt ?? 0,
    })),
  );
  useWallTextScale();
  const dataTime = boardDataTime(view.freshness, view.asOf, view.lastEventAt);
  return (
    <div className="wall-header">
      <h1 className="wall-header__title">
        <bdi>{tenantName}</bdi> · {t.boards[board]}
      </h1>
      <p className="wall-header__updated" data-data-time={dataTime ?? undefined}>
        {dataTime === null ? t.link.noUpdate : t.wall.updated(ageText(now - dataTime, t, intl))}
      </p>
      <p className="wall-header__clock">
        <Icon name="clock" />{' '}
        <time className="wall-header__time" dateTime={new Date(now).toISOString()}>
          {formatClock(now, intl, view.timeZone)}
        </time>{' '}
        {view.timeZone && (
          <span className="wall-header__zone">{timeZoneLabel(view.timeZone, intl, now)}</span>
        )}
      </p>
    </div>
  );
}

/** Sets `--wall-scale` on the root from the large-type setting while a wall board is shown. */
function useWallTextScale(): void {
  const size = useStore(useAppStores().prefs, (prefs) => prefs.wallTextSize);
  useEffect(() => {
    const root = document.documentElement;
    root.style.setProperty('--wall-scale', String(WALL_TEXT_SCALE[size]));
    return () => {
      root.style.removeProperty('--wall-scale');
    };
  }, [size]);
}
