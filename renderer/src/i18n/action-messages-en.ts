/**
 * Strings of operator actions (ticket and alert buttons, the clear-reason picker,
 * the "Recently closed" list, the Feed's action sentences), in English.
 * Names arrive already isolated for bidi (see feed-action-sentence.ts).
 */
export const actionMessagesEn = {
  /** Bump: what the ticket becomes, by its current status. */
  bump: {
    placed: 'Start',
    accepted: 'Start',
    preparing: 'Ready',
    ready: 'Served',
  },
  /** Read by screen readers: what a bump button does to which ticket. */
  bumpHint: (orderId: string, next: string) => `Move ${orderId} to ${next}`,
  recall: 'Recall',
  recallHint: (orderId: string) => `Undo the last bump or clear of ${orderId}`,
  clear: 'Clear…',
  acknowledge: 'Acknowledge',
  resolve: 'Resolve',
  sending: 'Sending…',
  retry: 'Retry',
  /** Why every action button is disabled while the tenant's link is not live. */
  notLive: 'Not live — actions are off until the link is back',
  /** What a failed action says, by code; `failed` for any other code. */
  failures: {
    offline: 'Not sent: the link is not live.',
    action_unconfirmed: 'No answer from the hub. Retry is safe: it will not act twice.',
    not_found: 'Already done elsewhere: it is no longer on the board.',
    forbidden: 'This account may not act on this group.',
  } as Record<string, string>,
  failed: (message: string) => `Failed: ${message}`,
  lastAction: {
    bumped: (by: string) => `Bumped by ${by}`,
    recalled: (by: string) => `Recalled by ${by}`,
  },
  clearTitle: (orderId: string) => `Clear ${orderId} from the board`,
  clearReasons: {
    servedLost: 'Served — status lost',
    duplicate: 'Duplicate ticket',
    test: 'Test order',
    other: 'Other…',
  },
  clearOther: 'Reason',
  clearNeedsReason: 'Pick or type a reason.',
  clearConfirm: 'Clear ticket',
  cancel: 'Cancel',
  recent: {
    title: (n: string) => `Recently closed (${n})`,
    served: (by: string) => `Served by ${by}`,
    cleared: (by: string, reason: string) => `Cleared by ${by} — ${reason}`,
  },
  /** Feed sentences; `by` and the targets arrive isolated. */
  feed: {
    acknowledged: (by: string, message: string) => `${by} acknowledged: ${message}`,
    resolved: (by: string, message: string) => `${by} resolved: ${message}`,
    bumped: (by: string, orderId: string) => `${by} bumped ${orderId}`,
    bumpedTo: (by: string, orderId: string, status: string) =>
      `${by} bumped ${orderId} to ${status}`,
    recalled: (by: string, orderId: string) => `${by} recalled ${orderId}`,
    recalledTo: (by: string, orderId: string, status: string) =>
      `${by} recalled ${orderId} to ${status}`,
    cleared: (by: string, orderId: string, reason: string) =>
      `${by} cleared ${orderId} — ${reason}`,
    via: (producer: string) => `(via ${producer})`,
  },
};

export type ActionMessages = typeof actionMessagesEn;
