import { memo, useId, useMemo, useState } from 'react';
import type { BoardState, PaymentRecord } from '../../../protocol/board/board-state';
import { locationNames } from '../../../protocol/board/board-selectors';
import { useMessages } from '../app/app-stores';
import { useLocationName } from '../format/location-names';
import { formatClock, formatMoney, formatNumber } from '../format/number-format';
import { paymentMethodLabel } from '../format/payment-method';
import { Icon } from '../icons/icon';
import type { Messages } from '../i18n/messages-en';
import { PAYMENT_STATUS_ICON, PaymentWindowLine } from './payment-window-line';
import { WallPayments } from './payments-wall';
import {
  filterPayments,
  NO_PAYMENT_FILTER,
  paymentMethods,
  type PaymentFilter,
} from './payment-filters';

/** Rows rendered at first; "Show more" adds a page. The board keeps at most BOARD_LIMITS.payments. */
export const PAYMENTS_PAGE = 60;

/**
 * The live payment feed with view filters by location and method (on the
 * wall: no filters, failures first, see payments-wall.tsx). The filters
 * only narrow what is listed; the tenant's state (and every aggregate) stays whole.
 * Rows are memoised per payment, and the list is derived once per change of
 * `state.payments`, so a frame with one new payment renders one new row.
 */
export function PaymentsBoard({ state, wall = false }: { state: BoardState; wall?: boolean }) {
  if (wall) return <WallPayments state={state} />;
  return <DeskPayments state={state} />;
}

function DeskPayments({ state }: { state: BoardState }) {
  const { t, intl } = useMessages();
  const locationName = useLocationName();
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
              {locationName(location)}
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
  const locationName = useLocationName();
  return (
    <tr
      className={payment.status === 'failed' ? 'row--bad' : undefined}
      data-status={payment.status}
      data-location={payment.location}
    >
      <td className="num">{formatClock(payment.at, intl, timeZone, true)}</td>
      <td>
        <bdi>{payment.location ? locationName(payment.location) : t.kpi.noLocation}</bdi>
      </td>
      <td>{paymentMethodLabel(payment.method, t.payments.methods)}</td>
      <td className="num">{formatMoney(payment.amount, payment.currency, intl)}</td>
      <td className={`status status--${payment.status}`}>
        <Icon name={PAYMENT_STATUS_ICON[payment.status]} /> {t.payments.status[payment.status]}
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
