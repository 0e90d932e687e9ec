import { isActionEventType } from '../../../protocol/actions';
import type { FeedEntry } from '../../../protocol/board/board-state';
import { isolate } from '../format/bidi-isolate';
import type { Messages } from '../i18n/messages-en';

/**
 * An operator action's Feed row as one sentence that names who did it:
 * "alice acknowledged: Card terminal offline at the bar", "alice bumped o-77",
 * "alice cleared o-77 — Duplicate ticket", with "(via pos-cedar)" when a producer
 * posted it for them. Null for events that are not actions (they keep their fields).
 * Names and texts from data are bidi-isolated, so Latin names read right in Arabic.
 * @param alertMessage the message of the alert an `alert.*` action names, when the board still has it
 */
export function feedActionSentence(
  entry: FeedEntry,
  t: Messages,
  alertMessage: string | undefined,
): string | null {
  if (!isActionEventType(entry.type)) return null;
  const text = (key: string): string | null => {
    const value = entry.fields[key];
    return typeof value === 'string' && value !== '' ? value : null;
  };
  const words = t.actions.feed;
  const by = isolate(text('by') ?? '?');
  const orderId = isolate(text('orderId') ?? '?');
  // Shown only when the event carries the status the ticket moved to.
  const status = text('status');
  const statusWord = status === null ? null : (t.feed.orderStatus[status] ?? status);
  let sentence: string;
  switch (entry.type) {
    case 'alert.acknowledged':
    case 'alert.resolved': {
      const what = isolate(alertMessage ?? text('alertId') ?? '?');
      sentence =
        entry.type === 'alert.acknowledged'
          ? words.acknowledged(by, what)
          : words.resolved(by, what);
      break;
    }
    case 'order.bumped':
      sentence =
        statusWord === null ? words.bumped(by, orderId) : words.bumpedTo(by, orderId, statusWord);
      break;
    case 'order.recalled':
      sentence =
        statusWord === null
          ? words.recalled(by, orderId)
          : words.recalledTo(by, orderId, statusWord);
      break;
    case 'order.cleared':
      sentence = words.cleared(by, orderId, isolate(text('reason') ?? '?'));
      break;
  }
  const via = text('via');
  return via === null ? sentence : `${sentence} ${words.via(isolate(via))}`;
}
