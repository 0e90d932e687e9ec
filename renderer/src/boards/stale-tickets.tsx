import { useState, type ReactNode } from 'react';
import type { OpenOrder } from '../../../protocol/board/board-state';
import { useMessages } from '../app/app-stores';
import { useDataClockValue } from '../components/data-clock';
import { formatDuration, formatNumber } from '../format/number-format';

/**
 * The tickets that left the lanes because nothing happened to them for the
 * stale threshold (their closing event may be lost). On the desktop a
 * collapsed group the manager can open; on the wall a single line, so they
 * never take a live ticket's place.
 */
export function StaleTickets({
  orders,
  wall,
  children,
}: {
  /** Stale tickets, longest without an update first. */
  orders: readonly OpenOrder[];
  wall: boolean;
  /** Renders one ticket of the open group. */
  children: (order: OpenOrder) => ReactNode;
}) {
  const { t, intl } = useMessages();
  const [open, setOpen] = useState(false);
  const oldestUpdate = orders[0]?.updatedAt ?? 0;
  const silentFor = useDataClockValue((now) =>
    formatDuration(Math.max(0, now - oldestUpdate), intl),
  );
  const count = formatNumber(orders.length, intl);
  if (wall)
    return (
      <p className="stale-tickets stale-tickets--wall" data-stale-tickets={orders.length}>
        {t.orders.staleGroup(count)}
      </p>
    );
  return (
    <section className="stale-tickets" data-stale-tickets={orders.length}>
      <button
        type="button"
        className="stale-tickets__toggle button button--small button--quiet"
        aria-expanded={open}
        aria-controls="stale-tickets-list"
        onClick={() => setOpen(!open)}
      >
        {t.orders.staleGroup(count)}
      </button>{' '}
      <span className="stale-tickets__hint">{t.orders.staleHint(silentFor)}</span>
      {open && (
        <ol id="stale-tickets-list" className="stale-tickets__list">
          {orders.map((order) => children(order))}
        </ol>
      )}
    </section>
  );
}
