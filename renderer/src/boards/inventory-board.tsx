import type { BoardState, InventoryItem } from '../../../protocol/board/board-state';
import { lowStock, stockSeverity, stockShortfall } from '../../../protocol/board/board-selectors';
import { useMessages } from '../app/app-stores';
import { SEVERITY_ICON } from '../components/kpi-tile';
import { useLocationName } from '../format/location-names';
import { formatNumber } from '../format/number-format';
import { Icon } from '../icons/icon';
import type { Messages } from '../i18n/messages-en';
import { useFittingCount } from '../wall/use-fitting-count';

/** First guess of wall cards before the grid is measured. */
const WALL_CARDS_GUESS = 12;

/**
 * Items at or below their threshold, largest shortfall first; out-of-stock says
 * so in words and icon. On the wall: a grid of cards, as many as fit, with
 * "+N more" for the rest.
 */
export function InventoryBoard({ state, wall = false }: { state: BoardState; wall?: boolean }) {
  const { t, intl } = useMessages();
  const locationName = useLocationName();
  const items = lowStock(state);
  if (items.length === 0)
    return (
      <p className="empty empty--ok">
        <Icon name="check" /> {t.inventory.allGood}
      </p>
    );
  if (wall) return <InventoryWall items={items} t={t} intl={intl} />;
  return (
    <section className="panel" aria-labelledby="inventory-title">
      <h2 id="inventory-title">{t.inventory.title}</h2>
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t.inventory.item}</th>
              <th scope="col">{t.kpi.location}</th>
              <th scope="col">{t.inventory.qty}</th>
              <th scope="col">{t.inventory.threshold}</th>
              <th scope="col">{t.payments.statusHeader}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => {
              const severity = stockSeverity(item);
              const unit = item.unit ? ` ${item.unit}` : '';
              return (
                <tr key={`${item.location}|${item.sku}`} className={`row--${severity}`}>
                  <th scope="row">
                    <bdi>{item.name}</bdi>
                  </th>
                  <td>
                    <bdi>{item.location ? locationName(item.location) : t.kpi.noLocation}</bdi>
                  </td>
                  <td>
                    {formatNumber(item.qty, intl, 1)}
                    {unit}
                  </td>
                  <td>
                    {formatNumber(item.threshold, intl, 1)}
                    {unit}
                  </td>
                  <td className={`cell--${severity}`}>
                    <Icon name={SEVERITY_ICON[severity]} />{' '}
                    {severity === 'bad' ? t.inventory.out : t.inventory.low}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function InventoryWall({
  items,
  t,
  intl,
}: {
  items: readonly InventoryItem[];
  t: Messages;
  intl: string;
}) {
  const locationName = useLocationName();
  const [gridRef, fits] = useFittingCount<HTMLUListElement>(true, WALL_CARDS_GUESS);
  const shown = items.slice(0, fits);
  const hidden = items.length - shown.length;
  return (
    <section className="inventory-wall" aria-labelledby="inventory-title">
      <h2 id="inventory-title">
        {t.inventory.title}{' '}
        <span className="panel__summary">{formatNumber(items.length, intl)}</span>
      </h2>
      <ul className="stock-grid" ref={gridRef}>
        {shown.map((item) => {
          const severity = stockSeverity(item);
          const unit = item.unit ? ` ${item.unit}` : '';
          return (
            <li
              key={`${item.location}|${item.sku}`}
              className={`stock-card stock-card--${severity}`}
              data-severity={severity}
            >
              <bdi className="stock-card__name">{item.name}</bdi>
              <bdi className="stock-card__where">
                {item.location ? locationName(item.location) : t.kpi.noLocation}
              </bdi>
              <span className="stock-card__qty num">
                {t.inventory.left(`${formatNumber(item.qty, intl, 1)}${unit}`)}
              </span>
              <span className="stock-card__min num">
                {t.inventory.minimum(`${formatNumber(item.threshold, intl, 1)}${unit}`)}
              </span>
              <span className="stock-card__bar" aria-hidden="true">
                <span style={{ inlineSize: `${Math.round((1 - stockShortfall(item)) * 100)}%` }} />
              </span>
              <span className="stock-card__state">
                <Icon name={SEVERITY_ICON[severity]} />{' '}
                {severity === 'bad' ? t.inventory.out : t.inventory.low}
              </span>
            </li>
          );
        })}
      </ul>
      {hidden > 0 && <p className="lane__more">{t.orders.more(formatNumber(hidden, intl))}</p>}
    </section>
  );
}
