import { describe, expect, it } from 'vitest';
import type { SequencedEvent } from '../events';
import { tenantDirectoryEntrySchema, type TenantDirectoryEntry } from '../tenant-directory';
import { reduceAll } from './board-reducer';
import { openOrdersByStatus } from './board-selectors';
import { BOARD_LIMITS, createBoardState } from './board-state';
import {
  DEFAULT_TICKET_THRESHOLDS,
  isStaleTicketWith,
  kitchenThresholdLookup,
  kitchenThresholdsOf,
  ticketUrgencyWith,
} from './kitchen-thresholds';
import { splitStaleTickets } from './ticket-items';

const MIN = 60_000;
const NOON = Date.UTC(2026, 10, 27, 10, 0, 0);

const ENTRY: TenantDirectoryEntry = tenantDirectoryEntrySchema.parse({
  id: 'harbor-eats',
  displayName: 'Harbor Eats',
  timeZone: 'Asia/Dubai',
  currency: 'AED',
  locales: ['en'],
  locations: [
    {
      id: 'marina',
      displayName: 'Dubai Marina',
      thresholds: { lateAfterMin: 20, overdueAfterMin: 30, staleAfterMin: 60 },
    },
    {
      id: 'al-quoz',
      displayName: 'Al Quoz Cloud Kitchen',
      thresholds: { lateAfterMin: 5, overdueAfterMin: 8, staleAfterMin: 12 },
    },
    // Configured without thresholds: the schema fills in the defaults.
    { id: 'jbr', displayName: 'JBR Walk' },
  ],
  revision: 3,
  updatedAt: 0,
});

function placed(seq: number, orderId: string, location: string, ts: number): SequencedEvent {
  return {
    seq,
    ts,
    event: {
      type: 'order.placed',
      id: `e${seq}`,
      location,
      data: { orderId, channel: 'delivery', items: [], total: 100, currency: 'AED' },
    },
  };
}

describe('kitchen thresholds per location', () => {
  it('are the defaults (10 / 20 / 30 min, the board-wide stale limit) without a directory entry or for a location it does not know', () => {
    expect(DEFAULT_TICKET_THRESHOLDS).toEqual({
      lateMs: 10 * MIN,
      overdueMs: 20 * MIN,
      staleMs: BOARD_LIMITS.staleTicketMs,
    });
    expect(kitchenThresholdsOf(null, 'marina')).toBe(DEFAULT_TICKET_THRESHOLDS);
    expect(kitchenThresholdsOf(ENTRY, 'nowhere')).toBe(DEFAULT_TICKET_THRESHOLDS);
    expect(kitchenThresholdsOf(ENTRY, '__proto__')).toBe(DEFAULT_TICKET_THRESHOLDS);
    expect(kitchenThresholdLookup(undefined)('marina')).toBe(DEFAULT_TICKET_THRESHOLDS);
    expect(kitchenThresholdLookup(ENTRY)('constructor')).toBe(DEFAULT_TICKET_THRESHOLDS);
  });

  it("are the location's own thresholds from the directory, in ms", () => {
    expect(kitchenThresholdsOf(ENTRY, 'marina')).toEqual({
      lateMs: 20 * MIN,
      overdueMs: 30 * MIN,
      staleMs: 60 * MIN,
    });
    expect(kitchenThresholdLookup(ENTRY)('al-quoz')).toEqual({
      lateMs: 5 * MIN,
      overdueMs: 8 * MIN,
      staleMs: 12 * MIN,
    });
    expect(kitchenThresholdLookup(ENTRY)('jbr')).toEqual(DEFAULT_TICKET_THRESHOLDS);
  });

  it('give the same lookup function for the same entry object, so components can memoise on it', () => {
    expect(kitchenThresholdLookup(ENTRY)).toBe(kitchenThresholdLookup(ENTRY));
    expect(kitchenThresholdLookup({ ...ENTRY })).not.toBe(kitchenThresholdLookup(ENTRY));
    expect(kitchenThresholdLookup(ENTRY)('marina')).toBe(kitchenThresholdLookup(ENTRY)('marina'));
  });

  it('turn a ticket late and overdue exactly at its location’s thresholds', () => {
    const marina = kitchenThresholdsOf(ENTRY, 'marina');
    expect(ticketUrgencyWith(20 * MIN - 1, marina)).toBe('on_time');
    expect(ticketUrgencyWith(20 * MIN, marina)).toBe('late');
    expect(ticketUrgencyWith(30 * MIN - 1, marina)).toBe('late');
    expect(ticketUrgencyWith(30 * MIN, marina)).toBe('overdue');
    // The same 12-minute wait is on time at the Marina and overdue at the cloud kitchen.
    expect(ticketUrgencyWith(12 * MIN, marina)).toBe('on_time');
    expect(ticketUrgencyWith(12 * MIN, kitchenThresholdsOf(ENTRY, 'al-quoz'))).toBe('overdue');
    expect(ticketUrgencyWith(12 * MIN, DEFAULT_TICKET_THRESHOLDS)).toBe('late');
  });

  it('call a ticket stale after its location’s stale threshold without a status change', () => {
    const quoz = kitchenThresholdsOf(ENTRY, 'al-quoz');
    expect(isStaleTicketWith({ updatedAt: NOON }, NOON + 12 * MIN - 1, quoz)).toBe(false);
    expect(isStaleTicketWith({ updatedAt: NOON }, NOON + 12 * MIN, quoz)).toBe(true);
    const marina = kitchenThresholdsOf(ENTRY, 'marina');
    expect(isStaleTicketWith({ updatedAt: NOON }, NOON + 45 * MIN, marina)).toBe(false);
  });

  it('split the stale group by each ticket’s own location', () => {
    const board = reduceAll(createBoardState({ currency: 'AED' }), [
      placed(1, 'quoz-1', 'al-quoz', NOON),
      placed(2, 'marina-1', 'marina', NOON),
      placed(3, 'other-1', 'unconfigured', NOON),
    ]);
    const lookup = kitchenThresholdLookup(ENTRY);
    const lanes = openOrdersByStatus(board);
    const at = NOON + 40 * MIN;
    const { live, stale } = splitStaleTickets(lanes, at, (order, now) =>
      isStaleTicketWith(order, now, lookup(order.location)),
    );
    // 40 min: past the cloud kitchen's 12 and the default 30, short of the Marina's 60.
    expect(stale.map((order) => order.orderId).sort()).toEqual(['other-1', 'quoz-1']);
    expect(live.placed.map((order) => order.orderId)).toEqual(['marina-1']);
    // Without a predicate the board-wide 30 minutes still apply.
    expect(splitStaleTickets(lanes, at).stale).toHaveLength(3);
  });
});
