/**
 * The element checks of `isBoardState` (board-state.ts) for the fields operator actions
 * add: an alert's acknowledged/resolved stamps, a ticket's `lastAction` and
 * `ticketCounted`, and `recentlyClosed`. Each field is optional, so a board from an older
 * hub passes; when present it must have the shape board-state.ts declares. Kept apart
 * (and free of imports) so board-state.ts stays one readable file without an import cycle.
 * @internal
 */

const OPEN_STATUSES: ReadonlySet<unknown> = new Set(['placed', 'accepted', 'preparing', 'ready']);
const LAST_ACTION_KINDS: ReadonlySet<unknown> = new Set(['bumped', 'recalled']);
const CLOSED_HOW: ReadonlySet<unknown> = new Set(['served', 'cleared']);

type Fields = Record<string, unknown>;

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optional(value: unknown, type: 'number' | 'string' | 'boolean'): boolean {
  return value === undefined || typeof value === type;
}

/** True when an alert's acknowledged/resolved fields, where present, are a time and a name. */
export function hasValidAlertStamps(alert: unknown): boolean {
  return (
    isObject(alert) &&
    typeof alert.id === 'string' &&
    optional(alert.acknowledgedAt, 'number') &&
    optional(alert.acknowledgedBy, 'string') &&
    optional(alert.resolvedAt, 'number') &&
    optional(alert.resolvedBy, 'string')
  );
}

/** True when an open order's action fields (`lastAction`, `ticketCounted`) are absent or well formed. */
export function hasValidTicketActionFields(order: unknown): boolean {
  if (!isObject(order)) return false;
  const last = order.lastAction;
  if (
    last !== undefined &&
    !(
      isObject(last) &&
      LAST_ACTION_KINDS.has(last.kind) &&
      typeof last.by === 'string' &&
      typeof last.at === 'number'
    )
  )
    return false;
  return optional(order.ticketCounted, 'boolean');
}

/** True for a ticket a recall could put back on the rail: the fields the rail reads are there. */
function isRestorableOrder(order: unknown): boolean {
  return (
    isObject(order) &&
    typeof order.orderId === 'string' &&
    typeof order.location === 'string' &&
    typeof order.channel === 'string' &&
    OPEN_STATUSES.has(order.status) &&
    typeof order.itemCount === 'number' &&
    typeof order.total === 'number' &&
    typeof order.currency === 'string' &&
    typeof order.placedAt === 'number' &&
    typeof order.updatedAt === 'number' &&
    Array.isArray(order.items) &&
    hasValidTicketActionFields(order)
  );
}

/** True when `recentlyClosed` is absent, or a list of at most `limit` well-formed closed tickets. */
export function isValidRecentlyClosed(value: unknown, limit: number): boolean {
  if (value === undefined) return true;
  if (!Array.isArray(value) || value.length > limit) return false;
  return value.every(
    (entry: unknown) =>
      isObject(entry) &&
      isRestorableOrder(entry.order) &&
      typeof entry.closedAt === 'number' &&
      typeof entry.closedBy === 'string' &&
      CLOSED_HOW.has(entry.how) &&
      optional(entry.reason, 'string'),
  );
}
