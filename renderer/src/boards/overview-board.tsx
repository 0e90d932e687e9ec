import type { BoardState } from '../../../protocol/board/board-state';
import {
  averageTicketMs,
  dayTotals,
  locationNames,
  openOrderCount,
  paymentWindow,
  revenueToday,
  tableOccupancy,
  waitlistLength,
} from '../../../protocol/board/board-selectors';
import { useMessages } from '../app/app-stores';
import { KpiTile, type Tone } from '../components/kpi-tile';
import { humanizeId } from '../format/display-name';
import { formatMoney, formatNumber, formatPercent } from '../format/number-format';
import { pluralOf } from '../format/plural';
import { useClockValue } from '../hooks/use-now';
import type { Messages } from '../i18n/messages-en';

/** Failure rate over 15 min above which the tile turns red; any failure turns it amber. */
export const FAILED_PAYMENT_RATE_BAD = 0.1;
const WAITLIST_WARNING = 5;
const MINUTE_MS = 60_000;

function failureTone(failed: number, rate: number): Tone {
  if (failed === 0) return 'ok';
  return rate >= FAILED_PAYMENT_RATE_BAD ? 'bad' : 'warning';
}

function money(state: BoardState, amount: number, intl: string): string {
  return state.currency ? formatMoney(amount, state.currency, intl) : formatNumber(amount, intl);
}

/** KPI tiles for the whole tenant with trend sparklines, then the same figures per location. */
export function OverviewBoard({ state }: { state: BoardState }) {
  const { t, intl } = useMessages();
  // The payment window has minute resolution, so the board follows the clock by the minute.
  const now = useClockValue((time) => Math.floor(time / MINUTE_MS)) * MINUTE_MS + MINUTE_MS - 1;
  const n = (value: number) => formatNumber(value, intl);
  const payments = paymentWindow(state, now);
  const occupancy = tableOccupancy(state);
  const waitlist = waitlistLength(state);
  const avgTicket = averageTicketMs(state);
  const trend = state.trend;
  const fTone = failureTone(payments.failed, payments.failureRate);
  return (
    <div className="overview">
      <div className="kpi-grid">
        <KpiTile
          label={t.kpi.ordersToday}
          value={n(state.totals.orders)}
          raw={state.totals.orders}
          trend={trend.map((b) => b.orders)}
        />
        <KpiTile
          label={t.kpi.revenue}
          value={money(state, revenueToday(state).amount, intl)}
          raw={revenueToday(state).amount}
          trend={trend.map((b) => b.revenue)}
        />
        <KpiTile
          label={t.kpi.openOrders}
          value={n(openOrderCount(state))}
          raw={openOrderCount(state)}
          {...(avgTicket !== null
            ? { detail: t.kpi.avgTicket(formatNumber(avgTicket / 60_000, intl, 1)) }
            : {})}
          trend={trend.map((b) => b.orders)}
        />
        <KpiTile
          label={t.kpi.occupancy}
          value={
            occupancy.known === 0 ? '—' : formatPercent(occupancy.occupied / occupancy.known, intl)
          }
          raw={occupancy.occupied * 10_000 + occupancy.known}
          detail={t.kpi.tables(
            n(occupancy.occupied),
            n(occupancy.known),
            pluralOf(occupancy.known, intl),
          )}
          trend={trend.map((b) => b.occupiedTables)}
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
          trend={trend.map((b) => b.failedPayments)}
        />
        <KpiTile
          label={t.kpi.waitlist}
          value={n(waitlist)}
          raw={waitlist}
          detail={t.kpi.parties}
          tone={waitlist > WAITLIST_WARNING ? 'warning' : 'neutral'}
          {...(waitlist > WAITLIST_WARNING ? { toneLabel: t.kpi.longWait } : {})}
          trend={trend.map((b) => b.waitlist)}
        />
      </div>
      <LocationBreakdown state={state} now={now} t={t} intl={intl} />
    </div>
  );
}

function LocationBreakdown({
  state,
  now,
  t,
  intl,
}: {
  state: BoardState;
  now: number;
  t: Messages;
  intl: string;
}) {
  const locations = locationNames(state);
  if (locations.length === 0) return null;
  const n = (value: number) => formatNumber(value, intl);
  return (
    <section className="panel" aria-labelledby="by-location">
      <h2 id="by-location">{t.kpi.byLocation}</h2>
      <div className="table-scroll">
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
              const occupancy = tableOccupancy(state, location);
              const tone = failureTone(payments.failed, payments.failureRate);
              return (
                <tr key={location}>
                  <th scope="row">
                    <bdi>{humanizeId(location)}</bdi>
                  </th>
                  <td>{n(dayTotals(state, location).orders)}</td>
                  <td>{money(state, revenueToday(state, location).amount, intl)}</td>
                  <td>{n(openOrderCount(state, location))}</td>
                  <td>
                    {t.kpi.tables(
                      n(occupancy.occupied),
                      n(occupancy.known),
                      pluralOf(occupancy.known, intl),
                    )}
                  </td>
                  <td className={`cell--${tone}`}>
                    {tone !== 'ok' && (
                      <span aria-hidden="true">{tone === 'bad' ? '✕ ' : '▲ '}</span>
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
    </section>
  );
}
