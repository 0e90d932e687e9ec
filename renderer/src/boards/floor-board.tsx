import { memo } from 'react';
import type { BoardState, TableState } from '../../../protocol/board/board-state';
import {
  boardDirectory,
  configuredOccupancy,
  locationBoard,
  locationNames,
  unknownTables,
} from '../../../protocol/board/board-selectors';
import { configuredTableCount, directoryLocation } from '../../../protocol/tenant-directory';
import { useMessages } from '../app/app-stores';
import { ElapsedTime } from '../components/elapsed-time';
import { useLocationName } from '../format/location-names';
import { formatNumber } from '../format/number-format';
import { pluralOf } from '../format/plural';
import { Icon } from '../icons/icon';
import type { Messages } from '../i18n/messages-en';
import { useFitScale } from '../wall/use-fit-scale';

/** Natural order for table ids, so T2 comes before T10. */
const byTableId = (a: TableState, b: TableState) =>
  a.tableId.localeCompare(b.tableId, undefined, { numeric: true });

/** A table to show: its state (a listed table no event mentioned yet is free), and whether the directory knows it. */
type FloorTable = TableState & { unknown: boolean };

/**
 * Table occupancy per location: a summary line and a grid of tables with their
 * state in words. With a tenant directory the grid shows every configured table
 * (free until an event seats it) and marks tables it does not know; without one
 * it shows only tables that events have mentioned, and says so ("tables seen").
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
  return (
    <div className="floor" ref={fitRef}>
      {!directory && <p className="hint">{t.floor.seenHint}</p>}
      {locations.map((location, index) => {
        const occupancy = configuredOccupancy(state, location);
        const tables = floorTables(state, location);
        const n = (value: number) => formatNumber(value, intl);
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

/** The seen tables of `location` plus the listed ones not seen yet (free), in natural order. */
function floorTables(state: BoardState, location: string): FloorTable[] {
  const seen = locationBoard(state, location)?.tables ?? {};
  const unknown = unknownTables(state, location);
  const tables = new Map<string, FloorTable>();
  for (const table of Object.values(seen))
    tables.set(table.tableId, { ...table, unknown: unknown.has(table.tableId) });
  for (const area of directoryLocation(boardDirectory(state), location)?.areas ?? [])
    if (Array.isArray(area.tables))
      for (const tableId of area.tables)
        if (!tables.has(tableId))
          tables.set(tableId, { tableId, occupied: false, covers: 0, since: 0, unknown: false });
  return [...tables.values()].sort(byTableId);
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
