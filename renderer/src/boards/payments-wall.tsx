import { memo, useMemo } from 'react';
import type { BoardState, PaymentRecord } from '../../../protocol/board/board-state';
import { useMessages } from '../app/app-stores';
import { useLocationName } from '../format/location-names';
import { formatClock, formatMoney } from '../format/number-format';
import { paymentMethodLabel } from '../format/payment-method';
import { Icon } from '../icons/icon';
import type { Messages } from '../i18n/messages-en';
import { useFittingCount } from '../wall/use-fitting-count';
import { PAYMENT_STATUS_ICON, PaymentWindowLine } from './payment-window-line';

/** First guess of rows per column before the wall lists are measured. */
const WALL_ROWS_GUESS = 8;

/**
 * Payments on a wall display: no filters or buttons, the 15-minute failure
 * line first, then the recent failures with their reasons beside the latest
 * payments. Each column lists as many rows as fit its height, newest first.
 */
export function WallPayments({ state }: { state: BoardState }) {
  const { t } = useMessages();
  const newestFirst = useMemo(() => [...state.payments].sort((a, b) => b.seq - a.seq), [state]);
  const failed = useMemo(
    () => newestFirst.filter((payment) => payment.status === 'failed'),
    [newestFirst],
  );
  return (
    <div className="payments payments--wall">
      <PaymentWindowLine state={state} location={null} />
      <div className="wall-columns">
        <WallPaymentList
          id="wall-failed-payments"
          title={t.payments.recentFailures}
          empty={t.payments.noFailures}
          payments={failed}
          timeZone={state.timeZone}
        />
        <WallPaymentList
          id="wall-latest-payments"
          title={t.payments.latest}
          empty={t.payments.none}
          payments={newestFirst}
          timeZone={state.timeZone}
        />
      </div>
    </div>
  );
}

function WallPaymentList({
  id,
  title,
  empty,
  payments,
  timeZone,
}: {
  id: string;
  title: string;
  empty: string;
  payments: readonly PaymentRecord[];
  timeZone: string;
}) {
  const { t, intl } = useMessages();
  const [listRef, fits] = useFittingCount<HTMLOListElement>(true, WALL_ROWS_GUESS);
  return (
    <section className="panel wall-list" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {payments.length === 0 ? (
        <p className="empty">{empty}</p>
      ) : (
        <ol className="wall-list__rows" ref={listRef}>
          {payments.slice(0, fits).map((payment) => (
            <WallPaymentRow
              key={payment.seq}
              payment={payment}
              timeZone={timeZone}
              t={t}
              intl={intl}
            />
          ))}
        </ol>
      )}
    </section>
  );
}

const WallPaymentRow = memo(function WallPaymentRow({
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
    <li
      className={`wall-row status--${payment.status}`}
      data-status={payment.status}
      data-location={payment.location}
    >
      <span className="wall-row__time num">{formatClock(payment.at, intl, timeZone)}</span>
      <span className="wall-row__main">
        <span className="wall-row__status">
          <Icon name={PAYMENT_STATUS_ICON[payment.status]} /> {t.payments.status[payment.status]}
        </span>{' '}
        <bdi className="wall-row__where">
          {payment.location ? locationName(payment.location) : t.kpi.noLocation}
        </bdi>{' '}
        <span className="wall-row__detail">
          {payment.reason ? (
            <bdi>{payment.reason}</bdi>
          ) : (
            paymentMethodLabel(payment.method, t.payments.methods)
          )}
        </span>
      </span>
      <span className="wall-row__amount num">
        {formatMoney(payment.amount, payment.currency, intl)}
      </span>
    </li>
  );
});
