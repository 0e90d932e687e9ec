import { actionTargetKind, type OperatorAction } from '../../protocol/actions';
import type { BoardState, OpenOrder } from '../../protocol/board/board-state';
import { ownValue } from '../../protocol/board/id-record';

/** What the hub knows of an action's target: where it is (the event's `location`). */
export interface ActionTarget {
  kind: 'alert' | 'order';
  /** The alert's or order's location; undefined when the board has none for it. */
  location: string | undefined;
}

/** A ticket that left the board through a bump to served or a clear (the reducer's `recentlyClosed`). */
interface ClosedTicketView {
  order: Pick<OpenOrder, 'orderId' | 'location'>;
}

/**
 * Finds the target of an operator action on the hub's board of its tenant, or null when
 * the action cannot apply to anything there (the hub answers `not_found`):
 * - `alert.acknowledge`, `alert.resolve`: an alert the board still holds (`alerts`), also one
 *   already acknowledged or resolved: a second person doing the same thing at the same
 *   moment gets an ack, not an error, and the log records both (the reducer keeps the first);
 * - `order.bump`, `order.clear`: an open order, detailed (`openOrders`) or summarised
 *   (`olderOpenOrders`);
 * - `order.recall`: an open order, or one of the tickets that recently left the board through
 *   a bump to served or a clear (`recentlyClosed`).
 * Ids are looked up as own keys only (`ownValue`), never through the prototype.
 */
export function findActionTarget(
  state: BoardState,
  action: OperatorAction,
  target: string,
): ActionTarget | null {
  if (actionTargetKind(action) === 'alert') {
    const alert = state.alerts.find((candidate) => candidate.id === target);
    return alert ? { kind: 'alert', location: locationOf(alert.location) } : null;
  }
  const open =
    ownValue(state.openOrders, target) ??
    (state.olderOpenOrders ? ownValue(state.olderOpenOrders.orders, target) : undefined);
  if (open) return { kind: 'order', location: locationOf(open.location) };
  if (action !== 'order.recall') return null;
  // Newest last: the latest departure of a ticket is the one a recall brings back.
  const closed = [...recentlyClosedOf(state)]
    .reverse()
    .find((ticket) => ticket.order?.orderId === target);
  return closed ? { kind: 'order', location: locationOf(closed.order.location) } : null;
}

/** The board's recently closed tickets; read defensively, since boards folded before the field existed lack it. */
function recentlyClosedOf(state: BoardState): readonly ClosedTicketView[] {
  const closed = (state as { recentlyClosed?: unknown }).recentlyClosed;
  return Array.isArray(closed) ? (closed as ClosedTicketView[]) : [];
}

function locationOf(location: string | undefined): string | undefined {
  return location ? location : undefined;
}
