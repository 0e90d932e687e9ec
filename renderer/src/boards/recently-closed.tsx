import { useState } from 'react';
import type { ClosedTicket } from '../../../protocol/board/board-state';
import { ActionBar, OperatorActionButton } from '../actions/action-controls';
import { useActionAvailability } from '../actions/action-availability';
import { useMessages } from '../app/app-stores';
import { useDataClockValue } from '../components/data-clock';
import { ageText } from '../format/age-text';
import { isolate } from '../format/bidi-isolate';
import { formatNumber } from '../format/number-format';

/**
 * Tickets that left the board by a bump to served or a clear (the board keeps the
 * last 20, `BoardState.recentlyClosed`), newest first, in a collapsed group on
 * the desktop. Users with `operate` can Recall one: it comes back with the
 * status it had. Read-only users see who closed what, without buttons.
 */
export function RecentlyClosed({ closed }: { closed: readonly ClosedTicket[] }) {
  const { t, intl } = useMessages();
  const [open, setOpen] = useState(false);
  const newestFirst = [...closed].reverse();
  return (
    <section className="recently-closed" data-recently-closed={closed.length}>
      <button
        type="button"
        className="recently-closed__toggle button button--small button--quiet"
        aria-expanded={open}
        aria-controls="recently-closed-list"
        onClick={() => setOpen(!open)}
      >
        {t.actions.recent.title(formatNumber(closed.length, intl))}
      </button>
      {open && (
        <ol id="recently-closed-list" className="recently-closed__list">
          {newestFirst.map((ticket) => (
            <ClosedRow key={`${ticket.order.orderId}@${ticket.closedAt}`} ticket={ticket} />
          ))}
        </ol>
      )}
    </section>
  );
}

function ClosedRow({ ticket }: { ticket: ClosedTicket }) {
  const { t, intl } = useMessages();
  const availability = useActionAvailability();
  const age = useDataClockValue((now) => ageText(now - ticket.closedAt, t, intl));
  const how =
    ticket.how === 'served'
      ? t.actions.recent.served(isolate(ticket.closedBy))
      : t.actions.recent.cleared(isolate(ticket.closedBy), isolate(ticket.reason ?? ''));
  return (
    <li className="recently-closed__item" data-order-id={ticket.order.orderId}>
      <span>
        <bdi className="ticket__id">{ticket.order.orderId}</bdi> · {how} · {age}
      </span>
      {availability && (
        <ActionBar disabledReason={availability.disabledReason}>
          <OperatorActionButton
            tenant={availability.tenant}
            action="order.recall"
            target={ticket.order.orderId}
            label={t.actions.recall}
            hint={t.actions.recallHint(ticket.order.orderId)}
            disabledReason={availability.disabledReason}
          />
        </ActionBar>
      )}
    </li>
  );
}
