import { memo, useMemo, useState } from 'react';
import type { BoardState, OpenOrder } from '../../../protocol/board/board-state';
import { groupTicketItems, splitStaleTickets } from '../../../protocol/board/ticket-items';
import {
  createOpenOrderLanesSelector,
  olderOpenOrders,
  OPEN_ORDER_STATUSES,
  type OpenOrderLanes,
  type OpenOrderStatus,
} from '../../../protocol/board/board-selectors';
import { useMessages } from '../app/app-stores';
import { useDataClockValue, useFrozenAt } from '../components/data-clock';
import { ElapsedTime } from '../components/elapsed-time';
import { useLocationName } from '../format/location-names';
import { formatDuration, formatNumber } from '../format/number-format';
import { Icon } from '../icons/icon';
import { useFittingCount } from '../wall/use-fitting-count';
import { LANE_PAGE, useWallLaneCapacity } from './lane-capacity';
import { RecentlyClosed } from './recently-closed';
import { StaleTickets } from './stale-tickets';
import { TicketActions, TicketLastAction } from './ticket-actions';
import {
  URGENCY_ICON,
  isStaleTicketWith,
  ticketUrgencyWith,
  useKitchenThresholds,
} from './ticket-age';

/**
 * The kitchen ticket rail: one lane per open status, oldest ticket first.
 * Lanes and tickets are memoised by reference (see createOpenOrderLanesSelector),
 * so a new order re-renders only its lane and a 1 s tick only the age labels.
 * Each lane renders at most a page of tickets (in wall mode: what fits the
 * lane's height, which fills the screen) and says how many more there are.
 * Ages run on the data clock: while the link is not live they freeze and no
 * ticket is called "On time".
 * Stale tickets (no status change for the stale threshold) leave the lanes for
 * one collapsed "Stale (N)" group, so a lost closing event never pushes live
 * tickets off a wall display.
 * On the desktop, a user with `operate` gets Bump, Recall and Clear on every
 * ticket (stale ones too) and Recall in "Recently closed" (ticket-actions.tsx,
 * recently-closed.tsx); the wall stays read-only.
 */
export function OrdersBoard({ state, wall = false }: { state: BoardState; wall?: boolean }) {
  const selectLanes = useMemo(() => createOpenOrderLanesSelector(), []);
  const lanes = selectLanes(state);
  const thresholdsOf = useKitchenThresholds();
  // A string, so the 1 s tick re-renders the rail only when the set of stale tickets changes.
  const staleKey = useDataClockValue((now) =>
    splitStaleTickets(lanes, now, (order, at) =>
      isStaleTicketWith(order, at, thresholdsOf(order.location)),
    )
      .stale.map((order) => order.orderId)
      .join('\n'),
  );
  const { live, stale } = useMemo(() => splitByIds(lanes, staleKey), [lanes, staleKey]);
  const wallCapacity = useWallLaneCapacity(wall);
  const older = olderOpenOrders(state);
  const closed = wall ? [] : (state.recentlyClosed ?? []);
  const notices = older.count > 0 || stale.length > 0 || closed.length > 0;
  return (
    <div
      className={`ticket-rail${wall ? ' ticket-rail--wall' : ''}${notices ? ' ticket-rail--with-older' : ''}`}
    >
      {notices && (
        <div className="ticket-rail__notices">
          {older.count > 0 && older.oldestPlacedAt !== null && (
            <OlderOrders count={older.count} oldestPlacedAt={older.oldestPlacedAt} />
          )}
          {stale.length > 0 && (
            <StaleTickets orders={stale} wall={wall}>
              {(order) => <Ticket key={order.orderId} order={order} wall={false} />}
            </StaleTickets>
          )}
          {closed.length > 0 && <RecentlyClosed closed={closed} />}
        </div>
      )}
      {OPEN_ORDER_STATUSES.map((status) => (
        <Lane
          key={status}
          status={status}
          orders={live[status]}
          wall={wall}
          capacity={wall ? wallCapacity : LANE_PAGE}
        />
      ))}
    </div>
  );
}

/** The lanes without the tickets named in `staleKey` (newline-separated ids), and those tickets. */
function splitByIds(
  lanes: OpenOrderLanes,
  staleKey: string,
): { live: OpenOrderLanes; stale: OpenOrder[] } {
  if (staleKey === '') return { live: lanes, stale: [] };
  const ids = new Set(staleKey.split('\n'));
  const live = {} as Record<OpenOrderStatus, readonly OpenOrder[]>;
  const stale: OpenOrder[] = [];
  for (const status of OPEN_ORDER_STATUSES) {
    const orders = lanes[status];
    if (!orders.some((order) => ids.has(order.orderId))) {
      live[status] = orders;
      continue;
    }
    live[status] = orders.filter((order) => !ids.has(order.orderId));
    stale.push(...orders.filter((order) => ids.has(order.orderId)));
  }
  stale.sort((a, b) => a.updatedAt - b.updatedAt);
  return { live, stale };
}

/** The oldest open orders, past the detailed rail: counted and aged, never dropped (issue 10). */
function OlderOrders({ count, oldestPlacedAt }: { count: number; oldestPlacedAt: number }) {
  const { t, intl } = useMessages();
  const oldest = useDataClockValue((now) =>
    formatDuration(Math.max(0, now - oldestPlacedAt), intl),
  );
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
  const [listRef, fits] = useFittingCount<HTMLOListElement>(wall, capacity);
  const limit = wall ? fits : capacity * pages;
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
        <ol className="lane__tickets" ref={listRef}>
          {orders.slice(0, limit).map((order) => (
            <Ticket key={order.orderId} order={order} wall={wall} />
          ))}
        </ol>
      )}
      {/* On the wall the line is always there, so the lane's list height (and what fits) never jumps. */}
      {(hidden > 0 || wall) && (
        <p className="lane__more">
          <span>{hidden > 0 ? t.orders.more(formatNumber(hidden, intl)) : ''}</span>
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

const Ticket = memo(function Ticket({ order, wall }: { order: OpenOrder; wall: boolean }) {
  const { t, intl } = useMessages();
  const locationName = useLocationName();
  const frozenAt = useFrozenAt();
  const thresholds = useKitchenThresholds()(order.location);
  // Re-renders the ticket only when its urgency changes; the age label ticks on its own.
  const urgency = useDataClockValue((now) => ticketUrgencyWith(now - order.placedAt, thresholds));
  const stale = useDataClockValue((now) => isStaleTicketWith(order, now, thresholds));
  // Without live data "On time" would be a guess; late and overdue stay true, as ages only grow.
  const judged = frozenAt === null || urgency !== 'on_time';
  const label = stale
    ? t.orders.stale
    : !judged
      ? t.orders.notLive
      : urgency === 'overdue'
        ? t.orders.overdue
        : urgency === 'late'
          ? t.orders.late
          : t.orders.onTime;
  const items = useMemo(
    () => groupTicketItems(order.items).slice(0, wall ? 8 : 4),
    [order.items, wall],
  );
  return (
    <li
      className={`ticket ticket--${stale ? 'stale' : judged ? urgency : 'unjudged'}`}
      data-urgency={urgency}
      data-stale={stale || undefined}
      data-frozen={frozenAt !== null || undefined}
    >
      <div className="ticket__head">
        <bdi className="ticket__id">{order.orderId}</bdi>
        <span className="ticket__age">
          <Icon name={stale || !judged ? 'clock' : URGENCY_ICON[urgency]} />{' '}
          <span className="visually-hidden">{t.orders.waiting} </span>
          <ElapsedTime since={order.placedAt} intl={intl} />
        </span>
      </div>
      <div className="ticket__meta">
        <span className="ticket__urgency">{label}</span> ·{' '}
        <bdi>{order.location ? locationName(order.location) : t.kpi.noLocation}</bdi> ·{' '}
        {t.orders.channel[order.channel]}
      </div>
      {wall ? (
        <p className="ticket__items ticket__items--wall">
          {items.map((item, index) => (
            <span key={item.key}>
              {index > 0 && t.orders.itemSeparator}
              {formatNumber(item.qty, intl)}× <bdi>{item.name}</bdi>
              <ItemDetails modifiers={item.modifiers} note={item.note} />
            </span>
          ))}
        </p>
      ) : (
        <ul className="ticket__items">
          {items.map((item) => (
            <li key={item.key}>
              {formatNumber(item.qty, intl)}× <bdi>{item.name}</bdi>
              <ItemDetails modifiers={item.modifiers} note={item.note} />
            </li>
          ))}
        </ul>
      )}
      {!wall && <TicketLastAction order={order} />}
      {!wall && <TicketActions order={order} />}
    </li>
  );
});

/** A dish's modifiers and note, after its name: ` (Oat milk, Extra shot) — Allergy: nuts`. */
function ItemDetails({ modifiers, note }: { modifiers: readonly string[]; note: string | null }) {
  const { t } = useMessages();
  if (modifiers.length === 0 && note === null) return null;
  return (
    <>
      {modifiers.length > 0 && (
        <span className="ticket__modifiers">
          {' '}
          (<bdi>{modifiers.join(t.orders.itemSeparator)}</bdi>)
        </span>
      )}
      {note !== null && (
        <span className="ticket__note">
          {' — '}
          <span className="visually-hidden">{t.orders.note} </span>
          <bdi>{note}</bdi>
        </span>
      )}
    </>
  );
}
