import { memo, useMemo, useState } from 'react';
import type { BoardState, OpenOrder } from '../../../protocol/board/board-state';
import {
  createOpenOrderLanesSelector,
  isStaleTicket,
  olderOpenOrders,
  OPEN_ORDER_STATUSES,
  type OpenOrderStatus,
} from '../../../protocol/board/board-selectors';
import { useMessages } from '../app/app-stores';
import { ElapsedTime } from '../components/elapsed-time';
import { humanizeId } from '../format/display-name';
import { formatDuration, formatNumber } from '../format/number-format';
import { useClockValue } from '../hooks/use-now';
import { LANE_PAGE, useWallLaneCapacity } from './lane-capacity';
import { URGENCY_ICON, ticketUrgency } from './ticket-age';

/**
 * The kitchen ticket rail: one lane per open status, oldest ticket first.
 * Lanes and tickets are memoised by reference (see createOpenOrderLanesSelector),
 * so a new order re-renders only its lane and a 1 s tick only the age labels.
 * Each lane renders at most a page of tickets (in wall mode: what fits the
 * screen) and says how many more there are.
 */
export function OrdersBoard({ state, wall = false }: { state: BoardState; wall?: boolean }) {
  const selectLanes = useMemo(() => createOpenOrderLanesSelector(), []);
  const lanes = selectLanes(state);
  const wallCapacity = useWallLaneCapacity(wall);
  const older = olderOpenOrders(state);
  return (
    <div className={`ticket-rail${wall ? ' ticket-rail--wall' : ''}`}>
      {older.count > 0 && older.oldestPlacedAt !== null && (
        <OlderOrders count={older.count} oldestPlacedAt={older.oldestPlacedAt} />
      )}
      {OPEN_ORDER_STATUSES.map((status) => (
        <Lane
          key={status}
          status={status}
          orders={lanes[status]}
          wall={wall}
          capacity={wall ? wallCapacity : LANE_PAGE}
        />
      ))}
    </div>
  );
}

/** The oldest open orders, past the detailed rail: counted and aged, never dropped (issue 10). */
function OlderOrders({ count, oldestPlacedAt }: { count: number; oldestPlacedAt: number }) {
  const { t, intl } = useMessages();
  const oldest = useClockValue((now) => formatDuration(Math.max(0, now - oldestPlacedAt), intl));
  return (
    <p className="ticket-rail__older" data-older-open-orders={count}>
      {t.orders.older(formatNumber(count, intl), oldest)}
    </p>
  );
}

const Lane = memo(function Lane({
  status,
  orders,
  wall,
  capacity,
}: {
  status: OpenOrderStatus;
  orders: readonly OpenOrder[];
  wall: boolean;
  capacity: number;
}) {
  const { t, intl } = useMessages();
  const [pages, setPages] = useState(1);
  const limit = wall ? capacity : capacity * pages;
  const hidden = Math.max(0, orders.length - limit);
  return (
    <section className={`lane lane--${status}`} aria-labelledby={`lane-${status}`}>
      <h2 id={`lane-${status}`} className="lane__title">
        {t.orders.lanes[status]}{' '}
        <span className="lane__count">{formatNumber(orders.length, intl)}</span>
      </h2>
      {orders.length === 0 ? (
        <p className="lane__empty">{t.orders.empty}</p>
      ) : (
        <ol className="lane__tickets">
          {orders.slice(0, limit).map((order) => (
            <Ticket key={order.orderId} order={order} compact={wall} />
          ))}
        </ol>
      )}
      {hidden > 0 && (
        <p className="lane__more">
          <span>{t.orders.more(formatNumber(hidden, intl))}</span>
          {!wall && (
            <button
              type="button"
              className="button button--small button--quiet"
              onClick={() => setPages(pages + 1)}
            >
              {t.orders.showMore(formatNumber(Math.min(hidden, capacity), intl))}
            </button>
          )}
        </p>
      )}
    </section>
  );
});

const Ticket = memo(function Ticket({ order, compact }: { order: OpenOrder; compact: boolean }) {
  const { t, intl } = useMessages();
  // Re-renders the ticket only when its urgency changes; the age label ticks on its own.
  const urgency = useClockValue((now) => ticketUrgency(now - order.placedAt));
  const stale = useClockValue((now) => isStaleTicket(order, now));
  const label = stale
    ? t.orders.stale
    : urgency === 'overdue'
      ? t.orders.overdue
      : urgency === 'late'
        ? t.orders.late
        : t.orders.onTime;
  const items = order.items.slice(0, 4);
  return (
    <li
      className={`ticket ticket--${stale ? 'stale' : urgency}`}
      data-urgency={urgency}
      data-stale={stale || undefined}
    >
      <div className="ticket__head">
        <bdi className="ticket__id">{order.orderId}</bdi>
        <span className="ticket__age">
          <span aria-hidden="true">{URGENCY_ICON[urgency]} </span>
          <span className="visually-hidden">{t.orders.waiting} </span>
          <ElapsedTime since={order.placedAt} intl={intl} />
        </span>
      </div>
      <div className="ticket__meta">
        <span className="ticket__urgency">{label}</span> ·{' '}
        <bdi>{order.location ? humanizeId(order.location) : t.kpi.noLocation}</bdi> ·{' '}
        {t.orders.channel[order.channel]}
      </div>
      {compact ? (
        <p className="ticket__items ticket__items--line">
          {items.map((item, index) => (
            <span key={`${item.name}-${index}`}>
              {index > 0 && ', '}
              {formatNumber(item.qty, intl)}× <bdi>{item.name}</bdi>
            </span>
          ))}
        </p>
      ) : (
        <ul className="ticket__items">
          {items.map((item, index) => (
            <li key={`${item.name}-${index}`}>
              {formatNumber(item.qty, intl)}× <bdi>{item.name}</bdi>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
});
