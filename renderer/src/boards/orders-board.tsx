import type { BoardState, OpenOrder } from '../../../protocol/board/board-state';
import { OPEN_ORDER_STATUSES, openOrdersByStatus } from '../../../protocol/board/board-selectors';
import { useMessages } from '../app/app-stores';
import { formatDuration, formatNumber } from '../format/number-format';
import type { Messages } from '../i18n/messages-en';
import { URGENCY_ICON, ticketUrgency } from './ticket-age';

/** The kitchen ticket rail: one lane per open status, oldest ticket first, ages ticking every second. */
export function OrdersBoard({ state, now }: { state: BoardState; now: number }) {
  const { t, intl } = useMessages();
  const lanes = openOrdersByStatus(state);
  return (
    <div className="ticket-rail">
      {OPEN_ORDER_STATUSES.map((status) => (
        <section key={status} className={`lane lane--${status}`} aria-labelledby={`lane-${status}`}>
          <h2 id={`lane-${status}`} className="lane__title">
            {t.orders.lanes[status]} <span className="lane__count">{formatNumber(lanes[status].length, intl)}</span>
          </h2>
          {lanes[status].length === 0 ? (
            <p className="lane__empty">{t.orders.empty}</p>
          ) : (
            <ol className="lane__tickets">
              {lanes[status].map((order) => (
                <Ticket key={order.orderId} order={order} now={now} t={t} intl={intl} />
              ))}
            </ol>
          )}
        </section>
      ))}
    </div>
  );
}

function Ticket({ order, now, t, intl }: { order: OpenOrder; now: number; t: Messages; intl: string }) {
  const age = Math.max(0, now - order.placedAt);
  const urgency = ticketUrgency(age);
  const label = urgency === 'overdue' ? t.orders.overdue : urgency === 'late' ? t.orders.late : t.orders.onTime;
  return (
    <li className={`ticket ticket--${urgency}`} data-urgency={urgency} aria-label={`${order.orderId}, ${label}, ${t.orders.age(formatDuration(age, intl))}`}>
      <div className="ticket__head">
        <span className="ticket__id">{order.orderId}</span>
        <span className="ticket__age">
          <span aria-hidden="true">{URGENCY_ICON[urgency]} </span>
          {formatDuration(age, intl)}
        </span>
      </div>
      <div className="ticket__meta">
        <span className="ticket__urgency">{label}</span> · {order.location || t.kpi.noLocation} · {t.orders.channel[order.channel]}
      </div>
      <ul className="ticket__items">
        {order.items.slice(0, 4).map((item, index) => (
          <li key={`${item.name}-${index}`}>
            {formatNumber(item.qty, intl)}× {item.name}
          </li>
        ))}
      </ul>
    </li>
  );
}
