import { actionTargetKind, type OperatorAction } from '../../protocol/actions';
import { isActionTargetOnBoard } from '../../protocol/board/action-targets';
import type { BoardState } from '../../protocol/board/board-state';
import { lastIndexWhere } from '../../protocol/board/board-collections';
import { ownValue } from '../../protocol/board/id-record';

/** What the hub knows of an action's target: where it is (the event's `location`). */
export interface ActionTarget {
  kind: 'alert' | 'order';
  /** The alert's or order's location; undefined when the board has none for it. */
  location: string | undefined;
}

/**
 * Finds the target of an operator action on the hub's board of its tenant, or null when
 * the action cannot apply to anything there (the hub answers `not_found`). Whether it
 * applies is the reducer's own rule (`isActionTargetOnBoard`), so the hub never acks an
 * action the boards would ignore. An alert already acknowledged or resolved still counts:
 * a second person doing the same thing at the same moment gets an ack, not an error, and
 * the log records both (the reducer keeps the first). Ids are own keys only (`ownValue`).
 */
export function findActionTarget(
  state: BoardState,
  action: OperatorAction,
  target: string,
): ActionTarget | null {
  if (!isActionTargetOnBoard(state, action, target)) return null;
  if (actionTargetKind(action) === 'alert') {
    const alert = state.alerts.find((candidate) => candidate.id === target);
    return { kind: 'alert', location: locationOf(alert?.location) };
  }
  const open =
    ownValue(state.openOrders, target) ??
    (state.olderOpenOrders ? ownValue(state.olderOpenOrders.orders, target) : undefined);
  // Newest last: the latest departure of a ticket is the one a recall brings back.
  const closedTickets = state.recentlyClosed ?? [];
  const closed = closedTickets[lastIndexWhere(closedTickets, (t) => t.order.orderId === target)];
  return { kind: 'order', location: locationOf(open?.location ?? closed?.order.location) };
}

function locationOf(location: string | undefined): string | undefined {
  return location ? location : undefined;
}
