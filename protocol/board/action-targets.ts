import type { OperatorAction } from '../actions';
import type { BoardState } from './board-state';
import { ownValue } from './id-record';

/** Open statuses a recall moves back from (placed and accepted have nothing to recall). */
const RECALLABLE: ReadonlySet<string> = new Set(['preparing', 'ready']);

/**
 * True when `action` on `target` (an alert's event id, or an order id) would act on
 * something on this board, by the same rules as the reducer (domains/alerts.ts,
 * domains/order-actions.ts): an alert the board holds; an open ticket (detailed or
 * summarised) for a bump or clear; for a recall, a detailed ticket past accepted or a
 * ticket in `recentlyClosed` that is not open again. False is what the hub answers
 * `not_found` for, and what a console uses to leave an action off. Pure.
 */
export function isActionTargetOnBoard(
  state: BoardState,
  action: OperatorAction,
  target: string,
): boolean {
  switch (action) {
    case 'alert.acknowledge':
    case 'alert.resolve':
      return state.alerts.some((alert) => alert.id === target);
    case 'order.bump':
    case 'order.clear':
      return isOpen(state, target);
    case 'order.recall': {
      const open = ownValue(state.openOrders, target);
      if (open) return RECALLABLE.has(open.status);
      if (isOpen(state, target)) return false;
      return (state.recentlyClosed ?? []).some((ticket) => ticket.order.orderId === target);
    }
  }
}

function isOpen(state: BoardState, orderId: string): boolean {
  return (
    ownValue(state.openOrders, orderId) !== undefined ||
    (state.olderOpenOrders !== undefined &&
      ownValue(state.olderOpenOrders.orders, orderId) !== undefined)
  );
}
