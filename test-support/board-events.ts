/**
 * Builders for board reducer tests: sequenced events at Beirut noon, an order
 * placement, and a fresh Beirut board. Shared by the per-domain reducer tests in
 * protocol/board/.
 */
import type { OpsEvent, SequencedEvent } from '../protocol/events';
import { createBoardState, type BoardState } from '../protocol/board/board-state';

/** 12:00 in Asia/Beirut (UTC+2) on 2026-11-22. */
export const BEIRUT_NOON = Date.UTC(2026, 10, 22, 10, 0, 0);
export const MINUTE = 60_000;

/** Numbers events from seq 1, a second apart from `start` unless an entry sets `at`; ids default to `e-<seq>`. */
export function sequence(
  events: Array<Omit<OpsEvent, 'id'> & { id?: string; at?: number }>,
  start = BEIRUT_NOON,
): SequencedEvent[] {
  return events.map((entry, index) => {
    const { at, ...event } = entry;
    return {
      seq: index + 1,
      ts: at ?? start + index * 1000,
      event: { id: event.id ?? `e-${index + 1}`, ...event },
    };
  });
}

/** An `order.placed` of one hummus line worth `total` LBP. */
export function placed(orderId: string, location: string, total: number, at?: number) {
  return {
    type: 'order.placed',
    location,
    data: {
      orderId,
      channel: 'dine_in',
      items: [{ sku: 'hummus', name: 'Hummus', qty: 2, unitPrice: total / 2 }],
      total,
      currency: 'LBP',
    },
    ...(at === undefined ? {} : { at }),
  };
}

/** An empty board in Asia/Beirut with LBP as its currency. */
export function beirutBoard(): BoardState {
  return createBoardState({ timeZone: 'Asia/Beirut', currency: 'LBP' });
}
