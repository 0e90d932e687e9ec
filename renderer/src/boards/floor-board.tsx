import { memo } from 'react';
import type { BoardState } from '../../../protocol/board/board-state';
import {
  boardDirectory,
  configuredOccupancy,
  locationBoard,
  locationNames,
} from '../../../protocol/board/board-selectors';
import { configuredTableCount } from '../../../protocol/tenant-directory';
import { useMessages } from '../app/app-stores';
import { ElapsedTime } from '../components/elapsed-time';
import { useLocationName } from '../format/location-names';
import { formatNumber } from '../format/number-format';
import { pluralOf } from '../format/plural';
import { Icon } from '../icons/icon';
import type { Messages } from '../i18n/messages-en';
import { useFitScale } from '../wall/use-fit-scale';
import { floorAreas, type FloorArea, type FloorTable } from './floor-areas';

/**
 * Table occupancy per location: a summary line, then the location's areas as
 * the tenant directory names them (each with its tables and its own occupancy),
 * then the tables the directory does not know, marked unknown. Every configured
 * table shows, free until an event seats it. Without a directory the board shows
 * only tables that events have mentioned, and says so ("tables seen").
 * Areas sit side by side when they fit, each as wide as its share of the tables.
 * On the wall the whole floor shrinks to fit the screen (use-fit-scale.ts), so
 * every location shows whatever the text size.
 */
export function FloorBoard({ state, wall = false }: { state: BoardState; wall?: boolean }) {
  const { t, intl } = useMessages();
  const fitRef = useFitScale<HTMLDivElement>(wall);
  const locationName = useLocationName();
  const directory = boardDirectory(state);
  const locations = [
    ...new Set([
      ...(directory?.locations ?? [])
        .filter((location) => configuredTableCount(location) > 0)
        .map((location) => location.id),
      ...locationNames(state).filter(
        (location) => Object.keys(locationBoard(state, location)?.tables ?? {}).length > 0,
      ),
    ]),
  ];
  if (locations.length === 0) return <p className="empty">{t.floor.noTables}</p>;
  const n = (value: number) => formatNumber(value, intl);
  return (
    <div className="floor" ref={fitRef}>
      {!directory && <p className="hint">{t.floor.seenHint}</p>}
      {locations.map((location, index) => {
        const occupancy = configuredOccupancy(state, location);
        const areas = floorAreas(state, location);
        return (
          <section key={location} className="panel" aria-labelledby={`floor-location-${index}`}>
            <h2 id={`floor-location-${index}`}>
              <bdi>{locationName(location)}</bdi>{' '}
              <span className="panel__summary">
                {(occupancy.configured === null ? t.floor.summary : t.floor.summaryOf)(
                  n(occupancy.occupied),
                  n(occupancy.total),
                  pluralOf(occupancy.total, intl),
                )}
                {occupancy.unknown > 0 && ` · ${t.floor.unknownCount(n(occupancy.unknown))}`}
              </span>
            </h2>
            <div className="floor-areas">
              {areas.map((area, at) => (
                <Area key={`${area.kind}:${at}`} area={area} t={t} intl={intl} />
              ))}
            </div>
          </section>
        );
      })}
    </div>
  );
}

/** One area: its name and occupancy (when the directory names it), then its tables. */
function Area({ area, t, intl }: { area: FloorArea; t: Messages; intl: string }) {
  const n = (value: number) => formatNumber(value, intl);
  const title =
    area.kind === 'area' ? area.name : area.kind === 'unknown' ? t.floor.unknownArea : null;
  // Width in proportion to the tables; the minimum keeps a small area from shrinking to one
  // column, and areas whose minimums do not fit on one line wrap below.
  const cells = Math.max(1, area.tables.length + (area.unnamed > 0 ? 1 : 0));
  return (
    <div
      className={`floor-area floor-area--${area.kind}`}
      style={{ flex: `${cells} 1 0`, minWidth: `min(100%, ${Math.min(cells, 4) * 9}em)` }}
      data-area={area.name ?? area.kind}
    >
      {title !== null && (
        <h3 className="floor-area__title">
          <bdi>{title}</bdi>{' '}
          <span className="floor-area__summary">
            {area.kind === 'area'
              ? t.floor.areaSummary(n(area.occupied), n(area.total))
              : n(area.tables.length)}
          </span>
        </h3>
      )}
      <ul className="table-grid">
        {area.tables.map((table) => (
          <TableCell key={table.tableId} table={table} t={t} intl={intl} />
        ))}
        {area.unnamed > 0 && (
          <li className="table-cell table-cell--unnamed" data-unnamed={area.unnamed}>
            {t.floor.unnamed(n(area.unnamed), pluralOf(area.unnamed, intl))}
          </li>
        )}
      </ul>
    </div>
  );
}

const TableCell = memo(function TableCell({
  table,
  t,
  intl,
}: {
  table: FloorTable;
  t: Messages;
  intl: string;
}) {
  return (
    <li
      className={`table-cell table-cell--${table.occupied ? 'occupied' : 'free'}${table.unknown ? ' table-cell--unknown' : ''}`}
    >
      <bdi className="table-cell__id">{table.tableId}</bdi>
      {table.unknown && <span className="table-cell__detail">{t.floor.unknown}</span>}
      <span className="table-cell__state">
        <Icon name={table.occupied ? 'dot' : 'ring'} />{' '}
        {table.occupied ? t.floor.occupied : t.floor.free}
      </span>
      {table.occupied && (
        <span className="table-cell__detail">
          {t.floor.covers(formatNumber(table.covers, intl), pluralOf(table.covers, intl))} ·{' '}
          {`${t.floor.since} `}
          <ElapsedTime since={table.since} intl={intl} />
        </span>
      )}
    </li>
  );
});
