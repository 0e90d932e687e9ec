import { useState } from 'react';
import type { OpenOrder } from '../../../protocol/board/board-state';
import { ActionBar, ActionButton, OperatorActionButton } from '../actions/action-controls';
import { useActionAvailability } from '../actions/action-availability';
import { useOperatorAction } from '../actions/use-operator-action';
import { useMessages } from '../app/app-stores';
import { isolate } from '../format/bidi-isolate';
import { ClearReasonPicker } from './clear-reason-picker';

/** The status a bump moves a ticket to (placed and accepted both go to preparing). */
const NEXT_STATUS = {
  placed: 'preparing',
  accepted: 'preparing',
  preparing: 'ready',
  ready: 'served',
} as const;

/**
 * Bump, Recall and Clear on one kitchen ticket, for a user with `operate` on the
 * desktop; nothing at all otherwise (read-only users, the wall). Bump's label
 * says what happens ("Start", "Ready", "Served"); Recall shows only where there
 * is a step to undo; Clear asks for a reason first.
 */
export function TicketActions({ order }: { order: OpenOrder }) {
  const availability = useActionAvailability();
  const { t } = useMessages();
  if (!availability) return null;
  const { tenant, disabledReason } = availability;
  const next = NEXT_STATUS[order.status];
  return (
    <ActionBar disabledReason={disabledReason} className="ticket__actions">
      <OperatorActionButton
        tenant={tenant}
        action="order.bump"
        target={order.orderId}
        label={t.actions.bump[order.status]}
        hint={t.actions.bumpHint(isolate(order.orderId), t.feed.orderStatus[next] ?? next)}
        disabledReason={disabledReason}
        primary
      />
      {(order.status === 'preparing' || order.status === 'ready') && (
        <OperatorActionButton
          tenant={tenant}
          action="order.recall"
          target={order.orderId}
          label={t.actions.recall}
          hint={t.actions.recallHint(isolate(order.orderId))}
          disabledReason={disabledReason}
        />
      )}
      <ClearTicket tenant={tenant} orderId={order.orderId} disabledReason={disabledReason} />
    </ActionBar>
  );
}

/** "Bumped by alice": who last moved the ticket by hand (shown to everyone on the desktop). */
export function TicketLastAction({ order }: { order: OpenOrder }) {
  const { t } = useMessages();
  if (!order.lastAction) return null;
  const { kind, by } = order.lastAction;
  return (
    <p className="ticket__last-action" data-last-action={kind}>
      {t.actions.lastAction[kind](isolate(by))}
    </p>
  );
}

/** "Clear…", which opens the reason picker; the clear is sent with the chosen reason. */
function ClearTicket({
  tenant,
  orderId,
  disabledReason,
}: {
  tenant: string;
  orderId: string;
  disabledReason: string | null;
}) {
  const { t } = useMessages();
  const handle = useOperatorAction(tenant, 'order.clear', orderId);
  const [picking, setPicking] = useState(false);
  if (picking && (handle.phase.kind === 'idle' || handle.phase.kind === 'sending'))
    return (
      <ClearReasonPicker
        orderId={orderId}
        disabled={disabledReason !== null || handle.phase.kind === 'sending'}
        onConfirm={(reason) => handle.run(reason)}
        onCancel={() => setPicking(false)}
      />
    );
  return (
    <ActionButton
      handle={handle}
      label={t.actions.clear}
      action="order.clear"
      disabledReason={disabledReason}
      onClick={() => {
        handle.reset();
        setPicking(true);
      }}
    />
  );
}
