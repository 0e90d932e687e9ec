import { memo, useId, useMemo, useState } from 'react';
import type { BoardState, PaymentRecord } from '../../../protocol/board/board-state';
import { locationNames, paymentWindow } from '../../../protocol/board/board-selectors';
import { useMessages } from '../app/app-stores';
import { humanizeId } from '../format/display-name';
import { formatClock, formatMoney, formatNumber, formatPercent } from '../format/number-format';
import { paymentMethodLabel } from '../format/payment-method';
import { useClockValue } from '../hooks/use-now';
import type { Messages } from '../i18n/messages-en';
import {
  filterPayments,
  NO_PAYMENT_FILTER,
  paymentMethods,
  type PaymentFilter,
} from './payment-filters';

const STATUS_ICON = { authorized: '◔', captured: '✓', failed: '✕', refunded: '↩' } as const;
/** Rows rendered at first; "Show more" adds a page. The board keeps at most BOARD_LIMITS.payments. */
export const PAYMENTS_PAGE = 60;
const MINUTE_MS = 60_000;

/**
 * The live payment feed with view filters by location and method. The filters
 * only narrow what is listed; the tenant's state (and every aggregate) stays whole.
 * Rows are memoised per payment, and the list is derived once per change of
 * `state.payments`, so a frame with one new payment renders one new row.
 */
export function PaymentsBoard({ state }: { state: BoardState }) {
  const { t, intl } = useMessages();
  const [filter, setFilter] = useState<PaymentFilter>(NO_PAYMENT_FILTER);
  const [pages, setPages] = useState(1);
  const locationId = useId();
  const methodId = useId();
  const payments = useMemo(() => filterPayments(state, filter), [state.payments, filter]);
  const methods = useMemo(() => paymentMethods(state), [state.payments]);
  const limit = PAYMENTS_PAGE * pages;
  const hidden = Math.max(0, payments.length - limit);
  const change = (next: PaymentFilter) => {
    setFilter(next);
    setPages(1);
  };
  return (
    <div className="payments">
      <form
        className="filters"
        onSubmit={(event) => event.preventDefault()}
        aria-label={t.boards.payments}
      >
        <label htmlFor={locationId}>{t.payments.location}</label>
        <select
          id={locationId}
          value={filter.location ?? ''}
          onChange={(event) => change({ ...filter, location: event.target.value || null })}
        >
          <option value="">{t.payments.all}</option>
          {locationNames(state).map((location) => (
            <option key={location} value={location}>
              {humanizeId(location)}
            </option>
          ))}
        </select>
        <label htmlFor={methodId}>{t.payments.method}</label>
        <select
          id={methodId}
          value={filter.method ?? ''}
          onChange={(event) => change({ ...filter, method: event.target.value || null })}
        >
          <option value="">{t.payments.all}</option>
          {methods.map((method) => (
            <option key={method} value={method}>
              {paymentMethodLabel(method, t.payments.methods)}
            </option>
          ))}
        </select>
      </form>
      <PaymentWindowLine state={state} location={filter.location} />
      <p className="payments__count">
        {t.payments.showing(
          formatNumber(payments.length, intl),
          formatNumber(state.payments.length, intl),
        )}
      </p>
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
              {payments.slice(0, limit).map((payment) => (
                <PaymentRow
                  key={payment.seq}
                  payment={payment}
                  timeZone={state.timeZone}
                  t={t}
                  intl={intl}
                />
              ))}
            </tbody>
          </table>
          {hidden > 0 && (
            <p className="lane__more">
              <span>{t.orders.more(formatNumber(hidden, intl))}</span>
              <button
                type="button"
                className="button button--small button--quiet"
                onClick={() => setPages(pages + 1)}
              >
                {t.orders.showMore(formatNumber(Math.min(hidden, PAYMENTS_PAGE), intl))}
              </button>
            </p>
          )}
        </div>
      )}
    </div>
  );
}

/** The 15-minute failure summary; follows the clock by the minute, which is the window's resolution. */
function PaymentWindowLine({ state, location }: { state: BoardState; location: string | null }) {
  const { t, intl } = useMessages();
  const minute = useClockValue((now) => Math.floor(now / MINUTE_MS));
  const window = paymentWindow(state, minute * MINUTE_MS + MINUTE_MS - 1, location ?? undefined);
  return (
    <p className={`payments__window ${window.failed > 0 ? 'cell--bad' : 'cell--ok'}`}>
      <span aria-hidden="true">{window.failed > 0 ? '✕ ' : '✓ '}</span>
      {t.payments.window(
        formatNumber(window.failed, intl),
        formatNumber(window.total, intl),
        formatPercent(window.failureRate, intl),
      )}
    </p>
  );
}

const PaymentRow = memo(function PaymentRow({
  payment,
  timeZone,
  t,
  intl,
}: {
  payment: PaymentRecord;
  timeZone: string;
  t: Messages;
  intl: string;
}) {
  return (
    <tr
      className={payment.status === 'failed' ? 'row--bad' : undefined}
      data-status={payment.status}
      data-location={payment.location}
    >
      <td className="num">{formatClock(payment.at, intl, timeZone, true)}</td>
      <td>
        <bdi>{payment.location ? humanizeId(payment.location) : t.kpi.noLocation}</bdi>
      </td>
      <td>{paymentMethodLabel(payment.method, t.payments.methods)}</td>
      <td className="num">{formatMoney(payment.amount, payment.currency, intl)}</td>
      <td className={`status status--${payment.status}`}>
        <span aria-hidden="true">{STATUS_ICON[payment.status]} </span>
        {t.payments.status[payment.status]}
        {payment.reason && (
          <span className="status__reason">
            {' — '}
            <bdi>{payment.reason}</bdi>
          </span>
        )}
      </td>
    </tr>
  );
});
