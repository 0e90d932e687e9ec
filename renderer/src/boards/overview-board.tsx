import type { BoardState } from '../../../protocol/board/board-state';
import {
  averageTicketMs,
  dayTotals,
  failedPaymentSeverity,
  locationNames,
  lowStock,
  openOrderCount,
  paymentWindow,
  revenueToday,
  stockSeverity,
  configuredOccupancy,
  type ConfiguredOccupancy,
  trendSeries,
  waitlistLength,
  waitlistSeverity,
  type TrendField,
} from '../../../protocol/board/board-selectors';
import { AlertCountsTile } from '../alerts/alert-counts-tile';
import { useMessages } from '../app/app-stores';
import { KpiTile, SEVERITY_ICON } from '../components/kpi-tile';
import { useFittingTableRows } from '../wall/use-fitting-table-rows';
import { useLocationName } from '../format/location-names';
import { formatMoney, formatNumber, formatPercent } from '../format/number-format';
import { pluralOf } from '../format/plural';
import { useClockValue } from '../hooks/use-now';
import { Icon } from '../icons/icon';
import type { Messages } from '../i18n/messages-en';

const MINUTE_MS = 60_000;
/** Items named on the low-stock tile; the Inventory board lists them all. */
const LOW_STOCK_NAMED = 3;

/** "12 of 24 tables" against the directory's tables, or "… tables seen" without them. */
function tablesText(occupancy: ConfiguredOccupancy, t: Messages, intl: string): string {
  const words = occupancy.configured === null ? t.kpi.tables : t.kpi.tablesOf;
  return words(
    formatNumber(occupancy.occupied, intl),
    formatNumber(occupancy.total, intl),
    pluralOf(occupancy.total, intl),
  );
}

function money(state: BoardState, amount: number, intl: string): string {
  return state.currency ? formatMoney(amount, state.currency, intl) : formatNumber(amount, intl);
}

/** KPI tiles for the whole tenant with trend sparklines, then the same figures per location. */
export function OverviewBoard({ state, wall = false }: { state: BoardState; wall?: boolean }) {
  const { t, intl } = useMessages();
  // The payment window has minute resolution, so the board follows the clock by the minute.
  const now = useClockValue((time) => Math.floor(time / MINUTE_MS)) * MINUTE_MS + MINUTE_MS - 1;
  const n = (value: number) => formatNumber(value, intl);
  const payments = paymentWindow(state, now);
  const occupancy = configuredOccupancy(state);
  const waitlist = waitlistLength(state);
  const avgTicket = averageTicketMs(state);
  const trend = (field: TrendField) => trendSeries(state.trend, field, now);
  const fTone = failedPaymentSeverity(payments.failed, payments.failureRate);
  const wTone = waitlistSeverity(waitlist);
  return (
    <div className="overview">
      <div className="kpi-grid">
        <KpiTile
          label={t.kpi.ordersToday}
          value={n(state.totals.orders)}
          raw={state.totals.orders}
          trend={trend('orders')}
        />
        <KpiTile
          label={t.kpi.revenue}
          value={money(state, revenueToday(state).amount, intl)}
          raw={revenueToday(state).amount}
          trend={trend('revenue')}
        />
        <KpiTile
          label={t.kpi.openOrders}
          value={n(openOrderCount(state))}
          raw={openOrderCount(state)}
          {...(avgTicket !== null
            ? { detail: t.kpi.avgTicket(formatNumber(avgTicket / 60_000, intl, 1)) }
            : {})}
          trend={trend('orders')}
        />
        <KpiTile
          label={t.kpi.occupancy}
          value={
            occupancy.total === 0 ? '—' : formatPercent(occupancy.occupied / occupancy.total, intl)
          }
          raw={occupancy.occupied * 10_000 + occupancy.total}
          detail={tablesText(occupancy, t, intl)}
          trend={trend('occupiedTables')}
        />
        <KpiTile
          label={t.kpi.failedPayments}
          value={n(payments.failed)}
          raw={payments.failed}
          detail={`${t.kpi.ofTotal(n(payments.failed), n(payments.total))} · ${formatPercent(payments.failureRate, intl)}`}
          tone={fTone}
          {...(fTone === 'bad'
            ? { toneLabel: t.kpi.highFailures }
            : fTone === 'warning'
              ? { toneLabel: t.kpi.someFailures }
              : {})}
          trend={trend('failedPayments')}
        />
        <KpiTile
          label={t.kpi.waitlist}
          value={n(waitlist)}
          raw={waitlist}
          detail={t.kpi.parties}
          tone={wTone === 'ok' ? 'neutral' : wTone}
          {...(wTone !== 'ok' ? { toneLabel: t.kpi.longWait } : {})}
          trend={trend('waitlist')}
        />
        <LowStockTile state={state} t={t} intl={intl} />
        <AlertCountsTile state={state} />
      </div>
      <LocationBreakdown state={state} now={now} t={t} intl={intl} wall={wall} />
    </div>
  );
}

/** How many items are low or out, most urgent named; links the Overview to the Inventory board. */
function LowStockTile({ state, t, intl }: { state: BoardState; t: Messages; intl: string }) {
  const locationName = useLocationName();
  const items = lowStock(state);
  const out = items.filter((item) => stockSeverity(item) === 'bad').length;
  const tone = out > 0 ? 'bad' : items.length > 0 ? 'warning' : 'ok';
  return (
    <KpiTile
      className="kpi--low-stock"
      label={t.inventory.title}
      value={formatNumber(items.length, intl)}
      raw={items.length * 10_000 + out}
      tone={tone}
      detail={items.length === 0 ? t.inventory.allGood : t.kpi.outOfStock(formatNumber(out, intl))}
    >
      {items.length > 0 && (
        <ul className="kpi__items">
          {items.slice(0, LOW_STOCK_NAMED).map((item) => (
            <li key={`${item.location}|${item.sku}`} className={`cell--${stockSeverity(item)}`}>
              <bdi>{item.name}</bdi>
              {item.location && (
                <>
                  {' · '}
                  <bdi>{locationName(item.location)}</bdi>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </KpiTile>
  );
}

function LocationBreakdown({
  state,
  now,
  t,
  intl,
  wall,
}: {
  state: BoardState;
  now: number;
  t: Messages;
  intl: string;
  wall: boolean;
}) {
  const locationName = useLocationName();
  const all = locationNames(state);
  // On a wall only whole rows that fit under the tiles, then "+N more" under the table.
  const [box, fitting] = useFittingTableRows<HTMLDivElement>(wall, all.length);
  const locations = all.slice(0, fitting);
  const hidden = all.length - locations.length;
  // No whole row fits: a header with nothing under it tells a room nothing, so the
  // section keeps its place (to be measured again) but shows nothing.
  const noRoom = wall && locations.length === 0;
  if (all.length === 0) return null;
  const n = (value: number) => formatNumber(value, intl);
  return (
    <section
      className={noRoom ? 'panel overview__locations--no-room' : 'panel'}
      aria-labelledby="by-location"
      aria-hidden={noRoom || undefined}
    >
      <h2 id="by-location">{t.kpi.byLocation}</h2>
      <div className="table-scroll" ref={box}>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t.kpi.location}</th>
              <th scope="col">{t.kpi.ordersToday}</th>
              <th scope="col">{t.kpi.revenue}</th>
              <th scope="col">{t.kpi.openOrders}</th>
              <th scope="col">{t.kpi.occupancy}</th>
              <th scope="col">{t.kpi.failedPayments}</th>
              <th scope="col">{t.kpi.waitlist}</th>
            </tr>
          </thead>
          <tbody>
            {locations.map((location) => {
              const payments = paymentWindow(state, now, location);
              const occupancy = configuredOccupancy(state, location);
              const tone = failedPaymentSeverity(payments.failed, payments.failureRate);
              return (
                <tr key={location}>
                  <th scope="row">
                    <bdi>{locationName(location)}</bdi>
                  </th>
                  <td>{n(dayTotals(state, location).orders)}</td>
                  <td>{money(state, revenueToday(state, location).amount, intl)}</td>
                  <td>{n(openOrderCount(state, location))}</td>
                  <td>{tablesText(occupancy, t, intl)}</td>
                  <td className={`cell--${tone}`}>
                    {tone !== 'ok' && (
                      <>
                        <Icon name={SEVERITY_ICON[tone]} />{' '}
                      </>
                    )}
                    {t.kpi.ofTotal(n(payments.failed), n(payments.total))}
                  </td>
                  <td>{n(waitlistLength(state, location))}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {hidden > 0 && !noRoom && <p className="overview__more">{t.orders.more(n(hidden))}</p>}
    </section>
  );
}
