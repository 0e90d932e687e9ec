import { useId, useState } from 'react';
import type { BoardState } from '../../../protocol/board/board-state';
import { locationNames, paymentWindow } from '../../../protocol/board/board-selectors';
import { useMessages } from '../app/app-stores';
import { formatClock, formatMoney, formatNumber, formatPercent } from '../format/number-format';
import { filterPayments, NO_PAYMENT_FILTER, paymentMethods, type PaymentFilter } from './payment-filters';

const STATUS_ICON = { authorized: '◔', captured: '✓', failed: '✕', refunded: '↩' } as const;

/**
 * The live payment feed with view filters by location and method. The filters
 * only narrow what is listed; the tenant's state (and every aggregate) stays whole.
 */
export function PaymentsBoard({ state, now }: { state: BoardState; now: number }) {
  const { t, intl } = useMessages();
  const [filter, setFilter] = useState<PaymentFilter>(NO_PAYMENT_FILTER);
  const locationId = useId();
  const methodId = useId();
  const payments = filterPayments(state, filter);
  const window = paymentWindow(state, now, filter.location ?? undefined);
  const methodName = (method: string) => t.payments.methods[method] ?? method;
  return (
    <div className="payments">
      <form className="filters" onSubmit={(event) => event.preventDefault()} aria-label={t.boards.payments}>
        <label htmlFor={locationId}>{t.payments.location}</label>
        <select id={locationId} value={filter.location ?? ''} onChange={(event) => setFilter({ ...filter, location: event.target.value || null })}>
          <option value="">{t.payments.all}</option>
          {locationNames(state).map((location) => (
            <option key={location} value={location}>
              {location}
            </option>
          ))}
        </select>
        <label htmlFor={methodId}>{t.payments.method}</label>
        <select id={methodId} value={filter.method ?? ''} onChange={(event) => setFilter({ ...filter, method: event.target.value || null })}>
          <option value="">{t.payments.all}</option>
          {paymentMethods(state).map((method) => (
            <option key={method} value={method}>
              {methodName(method)}
            </option>
          ))}
        </select>
      </form>
      <p className={`payments__window ${window.failed > 0 ? 'cell--bad' : 'cell--ok'}`}>
        <span aria-hidden="true">{window.failed > 0 ? '✕ ' : '✓ '}</span>
        {t.payments.window(formatNumber(window.failed, intl), formatNumber(window.total, intl), formatPercent(window.failureRate, intl))}
      </p>
      <p className="payments__count">{t.payments.showing(formatNumber(payments.length, intl), formatNumber(state.payments.length, intl))}</p>
      {payments.length === 0 ? (
        <p className="empty">{t.payments.empty}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table payments__table">
            <thead>
              <tr>
                <th scope="col">{t.payments.time}</th>
                <th scope="col">{t.payments.location}</th>
                <th scope="col">{t.payments.method}</th>
                <th scope="col">{t.payments.amount}</th>
                <th scope="col">{t.payments.statusHeader}</th>
              </tr>
            </thead>
            <tbody>
              {payments.map((payment) => (
                <tr key={payment.seq} className={payment.status === 'failed' ? 'row--bad' : undefined} data-status={payment.status} data-location={payment.location}>
                  <td>{formatClock(payment.at, intl, state.timeZone, true)}</td>
                  <td>{payment.location || t.kpi.noLocation}</td>
                  <td>{methodName(payment.method)}</td>
                  <td className="num">{formatMoney(payment.amount, payment.currency, intl)}</td>
                  <td className={`status status--${payment.status}`}>
                    <span aria-hidden="true">{STATUS_ICON[payment.status]} </span>
                    {t.payments.status[payment.status]}
                    {payment.reason && <span className="status__reason"> — {payment.reason}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
