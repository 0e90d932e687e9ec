import { fireEvent, screen, within } from '@testing-library/react';
import { Profiler } from 'react';
import { describe, expect, it } from 'vitest';
import { App } from '../app/app';
import { BOARD_LIMITS, createBoardState, reduceAll } from '../../../protocol/board';
import type { SequencedEvent } from '../../../protocol/events';
import { FIXTURE_NOW } from '../fixtures/fixture-host';
import { renderApp } from '../testing/render-app';
import { OrdersBoard } from './orders-board';
import { LANE_PAGE, wallLaneCapacity } from './lane-capacity';
import { ticketUrgency, TICKET_LATE_MS, TICKET_OVERDUE_MS } from './ticket-age';

const MIN = 60_000;

function placedAt(seq: number, orderId: string, ts: number): SequencedEvent {
  return {
    seq,
    ts,
    event: {
      type: 'order.placed',
      id: `e${seq}`,
      location: 'beirut-downtown',
      data: {
        orderId,
        channel: 'dine_in',
        items: [{ sku: 'K', name: 'Kibbeh', qty: 2, unitPrice: 500_000 }],
        total: 1_000_000,
        currency: 'LBP',
      },
    },
  };
}

const state = reduceAll(createBoardState({ currency: 'LBP', timeZone: 'Asia/Beirut' }), [
  placedAt(1, '#old', FIXTURE_NOW - 25 * MIN),
  placedAt(2, '#mid', FIXTURE_NOW - 12 * MIN),
  placedAt(3, '#new', FIXTURE_NOW - 9 * MIN - 50_000),
]);

function TickingOrders() {
  return <OrdersBoard state={state} />;
}

function ticket(id: string): HTMLElement {
  return screen.getByText(id).closest('li.ticket') as HTMLElement;
}

describe('orders board ticket ages', () => {
  it('classifies ages at the 10 and 20 minute thresholds', () => {
    expect(ticketUrgency(TICKET_LATE_MS - 1)).toBe('on_time');
    expect(ticketUrgency(TICKET_LATE_MS)).toBe('late');
    expect(ticketUrgency(TICKET_OVERDUE_MS - 1)).toBe('late');
    expect(ticketUrgency(TICKET_OVERDUE_MS)).toBe('overdue');
  });

  it('marks tickets on time, late or overdue in words as well as colour, and ages tick every second', async () => {
    const app = await renderApp({ ui: () => <TickingOrders /> });
    expect(ticket('#old').getAttribute('data-urgency')).toBe('overdue');
    expect(ticket('#old').textContent).toContain('Overdue');
    expect(ticket('#old').textContent).toContain('25:00');
    expect(ticket('#mid').getAttribute('data-urgency')).toBe('late');
    expect(ticket('#mid').textContent).toContain('Late');
    expect(ticket('#new').getAttribute('data-urgency')).toBe('on_time');
    expect(ticket('#new').textContent).toContain('9:50');

    await app.advance(1000);
    expect(ticket('#new').textContent).toContain('9:51');
    await app.advance(10_000);
    expect(ticket('#new').getAttribute('data-urgency')).toBe('late');
    expect(ticket('#new').textContent).toContain('Late');
  });
});

describe('orders board lanes under load', () => {
  const many = reduceAll(
    createBoardState({ currency: 'LBP', timeZone: 'Asia/Beirut' }),
    Array.from({ length: LANE_PAGE * 2 + 5 }, (_, index) =>
      placedAt(index + 1, `#${index + 1}`, FIXTURE_NOW - (60 - index) * 1000),
    ),
  );

  it('renders a page of the oldest tickets per lane, says how many more, and shows more on request', async () => {
    const app = await renderApp({ ui: () => <OrdersBoard state={many} /> });
    const lane = screen.getByRole('region', { name: /^Placed/ });
    expect(lane.querySelectorAll('li.ticket')).toHaveLength(LANE_PAGE);
    expect(lane.querySelector('li.ticket')?.textContent).toContain('#1');
    expect(lane.textContent).toContain(`+${LANE_PAGE + 5} more`);
    fireEvent.click(screen.getByRole('button', { name: `Show ${LANE_PAGE} more` }));
    await app.settle();
    expect(lane.querySelectorAll('li.ticket')).toHaveLength(LANE_PAGE * 2);
    expect(lane.textContent).toContain('+5 more');
  });

  it('in wall mode shows only what fits the screen height, with "+N more" and no button', async () => {
    await renderApp({ ui: () => <OrdersBoard state={many} wall /> });
    const lane = screen.getByRole('region', { name: /^Placed/ });
    const fits = wallLaneCapacity(window.innerHeight);
    expect(lane.querySelectorAll('li.ticket')).toHaveLength(fits);
    expect(lane.textContent).toContain(`+${Object.keys(many.openOrders).length - fits} more`);
    expect(within(lane).queryByRole('button')).toBeNull();
  });

  it('keeps each ticket’s DOM node across clock ticks', async () => {
    const app = await renderApp({ hash: '#/t/cedar-group/orders' });
    const first = document.querySelector('li.ticket');
    await app.advance(3000);
    expect(document.querySelector('li.ticket')).toBe(first);
  });
});

describe('frame coalescing', () => {
  it('a burst of 300 events before a frame becomes one React commit', async () => {
    let commits = 0;
    const app = await renderApp({
      hash: '#/t/cedar-group/orders',
      ui: () => (
        <Profiler id="app" onRender={() => (commits += 1)}>
          <App />
        </Profiler>
      ),
    });
    const state = app.stores.boards.storeFor('cedar-group').getState().state!;
    commits = 0;
    for (let index = 1; index <= 300; index += 1) {
      app.host.control.emitBoard({
        kind: 'events',
        tenant: 'cedar-group',
        events: [placedAt(state.seq + index, `#burst-${index}`, FIXTURE_NOW)],
      });
    }
    expect(commits).toBe(0);
    await app.settle();
    expect(commits).toBe(1);
    expect(app.stores.boards.storeFor('cedar-group').getState().state!.seq).toBe(state.seq + 300);
  });
});

describe('orders board past the detailed rail', () => {
  it('says how many older open orders are summarised and how long the oldest has waited', async () => {
    const caps = { openOrders: 3, summarisedOrders: 100 };
    const board = reduceAll(
      createBoardState({ currency: 'LBP', timeZone: 'Asia/Beirut' }),
      Array.from({ length: 8 }, (_, index) =>
        placedAt(index + 1, `#${index + 1}`, FIXTURE_NOW - (30 - index) * MIN),
      ),
      caps,
    );
    await renderApp({ ui: () => <OrdersBoard state={board} /> });
    const older = document.querySelector('[data-older-open-orders]');
    expect(older?.getAttribute('data-older-open-orders')).toBe('5');
    expect(older?.textContent).toBe('+5 older open orders, oldest waiting 30:00');
    expect(document.querySelectorAll('li.ticket')).toHaveLength(3);
  });

  it('marks a ticket with no status change past the stale threshold as stale instead of overdue', async () => {
    const board = reduceAll(createBoardState({ currency: 'LBP', timeZone: 'Asia/Beirut' }), [
      placedAt(1, '#lost', FIXTURE_NOW - BOARD_LIMITS.staleTicketMs - MIN),
      placedAt(2, '#fresh', FIXTURE_NOW - 25 * MIN),
    ]);
    await renderApp({ ui: () => <OrdersBoard state={board} /> });
    // Stale tickets leave the lanes for a collapsed group; opening it shows them.
    expect(screen.queryByText('#lost')).toBeNull();
    expect(within(lane('placed')).getByText('#fresh')).toBeTruthy();
    const toggle = screen.getByRole('button', { name: 'Stale (1)' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(ticket('#lost').getAttribute('data-stale')).toBe('true');
    expect(ticket('#lost').className).toContain('ticket--stale');
    expect(ticket('#lost').textContent).toContain('Stale');
    expect(ticket('#fresh').getAttribute('data-stale')).toBeNull();
    expect(ticket('#fresh').textContent).toContain('Overdue');
  });
});

function lane(status: string): HTMLElement {
  return document.querySelector(`.lane--${status}`) as HTMLElement;
}

function placedWith(seq: number, orderId: string, ts: number, items: unknown[]): SequencedEvent {
  const event = placedAt(seq, orderId, ts);
  return { ...event, event: { ...event.event, data: { ...event.event.data, items } } };
}

describe('orders board stale group and items', () => {
  const staleBoard = reduceAll(createBoardState({ currency: 'LBP', timeZone: 'Asia/Beirut' }), [
    placedAt(1, '#lost-1', FIXTURE_NOW - BOARD_LIMITS.staleTicketMs - 5 * MIN),
    placedAt(2, '#lost-2', FIXTURE_NOW - BOARD_LIMITS.staleTicketMs - MIN),
    placedAt(3, '#live', FIXTURE_NOW - 2 * MIN),
  ]);

  it('on the wall counts stale tickets on one line and keeps them out of every lane', async () => {
    await renderApp({ ui: () => <OrdersBoard state={staleBoard} wall /> });
    const line = document.querySelector('[data-stale-tickets]') as HTMLElement;
    expect(line.textContent).toBe('Stale (2)');
    expect(line.tagName).toBe('P');
    expect(screen.queryByRole('button', { name: 'Stale (2)' })).toBeNull();
    expect(screen.queryByText('#lost-1')).toBeNull();
    expect(within(lane('placed')).getByText('#live')).toBeTruthy();
    expect(within(lane('placed')).getByText('1')).toBeTruthy();
  });

  it('shows no stale group when every ticket is live', async () => {
    await renderApp({ ui: () => <OrdersBoard state={state} /> });
    expect(document.querySelector('[data-stale-tickets]')).toBeNull();
  });

  it('groups repeated dishes into one line and shows modifiers and notes', async () => {
    const board = reduceAll(createBoardState({ currency: 'LBP', timeZone: 'Asia/Beirut' }), [
      placedWith(1, '#cafe', FIXTURE_NOW - MIN, [
        { sku: 'fw', name: 'Flat white', qty: 1, unitPrice: 1 },
        { sku: 'fw', name: 'Flat white', qty: 2, unitPrice: 1 },
        { sku: 'fw', name: 'Flat white', qty: 1, unitPrice: 1, modifiers: ['Oat milk'] },
        { sku: 'mn', name: 'Manousheh', qty: 1, unitPrice: 1, note: 'Allergy: sesame' },
      ]),
    ]);
    await renderApp({ ui: () => <OrdersBoard state={board} /> });
    const lines = [...ticket('#cafe').querySelectorAll('.ticket__items li')].map(
      (line) => line.textContent,
    );
    expect(lines).toEqual([
      '3× Flat white',
      '1× Flat white (Oat milk)',
      '1× Manousheh — Note: Allergy: sesame',
    ]);
  });
});
