import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createBoardState, reduceAll } from '../../../protocol/board';
import type { SequencedEvent } from '../../../protocol/events';
import { tenantDirectoryEntrySchema, withDirectory } from '../../../protocol/tenant-directory';
import { FIXTURE_NOW } from '../fixtures/fixture-host';
import { BoardContent } from '../screens/board-panel';
import { renderApp } from '../testing/render-app';

const MIN = 60_000;

function placed(seq: number, orderId: string, location: string, minutesAgo: number) {
  const event: SequencedEvent = {
    seq,
    ts: FIXTURE_NOW - minutesAgo * MIN,
    event: {
      type: 'order.placed',
      id: `e${seq}`,
      location,
      data: {
        orderId,
        channel: 'delivery',
        items: [{ sku: 'b', name: 'Burger', qty: 1, unitPrice: 100 }],
        total: 100,
        currency: 'AED',
      },
    },
  };
  return event;
}

const directory = tenantDirectoryEntrySchema.parse({
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
      id: 'quoz',
      displayName: 'Al Quoz Cloud Kitchen',
      thresholds: { lateAfterMin: 5, overdueAfterMin: 10, staleAfterMin: 15 },
    },
  ],
  revision: 1,
  updatedAt: 0,
});

const ticket = (id: string) => screen.getByText(id).closest('li.ticket') as HTMLElement;

describe("kitchen tickets follow their location's thresholds", () => {
  it('calls the same 12-minute wait on time at one location, overdue at another and late where none are set', async () => {
    const board = reduceAll(withDirectory(createBoardState({ currency: 'AED' }), directory), [
      placed(1, '#marina', 'marina', 12),
      placed(2, '#quoz', 'quoz', 12),
      placed(3, '#elsewhere', 'unlisted', 12),
    ]);
    await renderApp({ ui: () => <BoardContent board="orders" state={board} /> });
    expect(ticket('#marina').getAttribute('data-urgency')).toBe('on_time');
    expect(ticket('#marina').textContent).toContain('On time');
    expect(ticket('#quoz').getAttribute('data-urgency')).toBe('overdue');
    expect(ticket('#quoz').textContent).toContain('Overdue');
    expect(ticket('#elsewhere').getAttribute('data-urgency')).toBe('late');
  });

  it("moves a ticket to the stale group after its own location's stale threshold, not the board-wide 30 minutes", async () => {
    const board = reduceAll(withDirectory(createBoardState({ currency: 'AED' }), directory), [
      placed(1, '#marina-40', 'marina', 40),
      placed(2, '#quoz-20', 'quoz', 20),
    ]);
    const app = await renderApp({ ui: () => <BoardContent board="orders" state={board} /> });
    expect(ticket('#marina-40').getAttribute('data-urgency')).toBe('overdue');
    expect(screen.queryByText('#quoz-20')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Stale (1)' }));
    expect(ticket('#quoz-20').getAttribute('data-stale')).toBe('true');
    // Twenty minutes on, the Marina ticket reaches its 60 minutes and joins it.
    await app.advance(20 * MIN);
    expect(screen.getByRole('button', { name: 'Stale (2)' })).toBeTruthy();
  });
});
