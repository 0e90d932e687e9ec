import type { BoardState } from '../../../protocol/board/board-state';
import { lowStock } from '../../../protocol/board/board-selectors';
import { useMessages } from '../app/app-stores';
import { humanizeId } from '../format/display-name';
import { formatNumber } from '../format/number-format';

/** Items at or below their threshold, most urgent first; out-of-stock says so in words and icon. */
export function InventoryBoard({ state }: { state: BoardState }) {
  const { t, intl } = useMessages();
  const items = lowStock(state);
  if (items.length === 0) return <p className="empty">✓ {t.inventory.allGood}</p>;
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
              const out = item.qty <= 0;
              const unit = item.unit ? ` ${item.unit}` : '';
              return (
                <tr
                  key={`${item.location}|${item.sku}`}
                  className={out ? 'row--bad' : 'row--warning'}
                >
                  <th scope="row">
                    <bdi>{item.name}</bdi>
                  </th>
                  <td>
                    <bdi>{item.location ? humanizeId(item.location) : t.kpi.noLocation}</bdi>
                  </td>
                  <td>
                    {formatNumber(item.qty, intl, 1)}
                    {unit}
                  </td>
                  <td>
                    {formatNumber(item.threshold, intl, 1)}
                    {unit}
                  </td>
                  <td className={out ? 'cell--bad' : 'cell--warning'}>
                    <span aria-hidden="true">{out ? '✕ ' : '▲ '}</span>
                    {out ? t.inventory.out : t.inventory.low}
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
