import type { BoardState, TableState } from '../../../protocol/board/board-state';
import { locationNames, tableOccupancy } from '../../../protocol/board/board-selectors';
import { useMessages } from '../app/app-stores';
import { formatDuration, formatNumber } from '../format/number-format';

/** Natural order for table ids, so T2 comes before T10. */
const byTableId = (a: TableState, b: TableState) => a.tableId.localeCompare(b.tableId, undefined, { numeric: true });

/** Table occupancy per location: a summary line and a grid of tables with their state in words. */
export function FloorBoard({ state, now }: { state: BoardState; now: number }) {
  const { t, intl } = useMessages();
  const locations = locationNames(state).filter((location) => Object.keys(state.locations[location]?.tables ?? {}).length > 0);
  if (locations.length === 0) return <p className="empty">{t.floor.noTables}</p>;
  return (
    <div className="floor">
      {locations.map((location, index) => {
        const occupancy = tableOccupancy(state, location);
        const tables = Object.values(state.locations[location]?.tables ?? {}).sort(byTableId);
        return (
          <section key={location} className="panel" aria-labelledby={`floor-location-${index}`}>
            <h2 id={`floor-location-${index}`}>
              {location} <span className="panel__summary">{t.floor.summary(formatNumber(occupancy.occupied, intl), formatNumber(occupancy.known, intl))}</span>
            </h2>
            <ul className="table-grid">
              {tables.map((table) => (
                <li key={table.tableId} className={`table-cell table-cell--${table.occupied ? 'occupied' : 'free'}`}>
                  <span className="table-cell__id">{table.tableId}</span>
                  <span className="table-cell__state">
                    <span aria-hidden="true">{table.occupied ? '● ' : '○ '}</span>
                    {table.occupied ? t.floor.occupied : t.floor.free}
                  </span>
                  {table.occupied && (
                    <span className="table-cell__detail">
                      {t.floor.covers(formatNumber(table.covers, intl))} · {t.floor.since(formatDuration(now - table.since, intl))}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
