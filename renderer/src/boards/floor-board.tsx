import { memo } from 'react';
import type { BoardState, TableState } from '../../../protocol/board/board-state';
import {
  locationBoard,
  locationNames,
  tableOccupancy,
} from '../../../protocol/board/board-selectors';
import { useMessages } from '../app/app-stores';
import { ElapsedTime } from '../components/elapsed-time';
import { humanizeId } from '../format/display-name';
import { formatNumber } from '../format/number-format';
import { pluralOf } from '../format/plural';
import { Icon } from '../icons/icon';
import type { Messages } from '../i18n/messages-en';
import { useFitScale } from '../wall/use-fit-scale';

/** Natural order for table ids, so T2 comes before T10. */
const byTableId = (a: TableState, b: TableState) =>
  a.tableId.localeCompare(b.tableId, undefined, { numeric: true });

/**
 * Table occupancy per location: a summary line and a grid of tables with their
 * state in words. The board knows only tables that events have mentioned, and
 * says so ("tables seen"). On the wall the whole floor shrinks to fit the
 * screen (use-fit-scale.ts), so every location shows whatever the text size.
 */
export function FloorBoard({ state, wall = false }: { state: BoardState; wall?: boolean }) {
  const { t, intl } = useMessages();
  const fitRef = useFitScale<HTMLDivElement>(wall);
  const locations = locationNames(state).filter(
    (location) => Object.keys(locationBoard(state, location)?.tables ?? {}).length > 0,
  );
  if (locations.length === 0) return <p className="empty">{t.floor.noTables}</p>;
  return (
    <div className="floor" ref={fitRef}>
      <p className="hint">{t.floor.seenHint}</p>
      {locations.map((location, index) => {
        const occupancy = tableOccupancy(state, location);
        const tables = Object.values(locationBoard(state, location)?.tables ?? {}).sort(byTableId);
        return (
          <section key={location} className="panel" aria-labelledby={`floor-location-${index}`}>
            <h2 id={`floor-location-${index}`}>
              <bdi>{humanizeId(location)}</bdi>{' '}
              <span className="panel__summary">
                {t.floor.summary(
                  formatNumber(occupancy.occupied, intl),
                  formatNumber(occupancy.known, intl),
                  pluralOf(occupancy.known, intl),
                )}
              </span>
            </h2>
            <ul className="table-grid">
              {tables.map((table) => (
                <TableCell key={table.tableId} table={table} t={t} intl={intl} />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

const TableCell = memo(function TableCell({
  table,
  t,
  intl,
}: {
  table: TableState;
  t: Messages;
  intl: string;
}) {
  return (
    <li className={`table-cell table-cell--${table.occupied ? 'occupied' : 'free'}`}>
      <bdi className="table-cell__id">{table.tableId}</bdi>
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
