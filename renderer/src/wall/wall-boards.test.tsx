import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { lowStock } from '../../../protocol/board/board-selectors';
import type { BoardState } from '../../../protocol/board/board-state';
import { BOARD_KINDS } from '../../../protocol/bridge/host-bridge';
import { FIXTURE_NOW } from '../fixtures/fixture-host';
import { memoryStorage } from '../testing/memory-storage';
import { renderApp, type Harness } from '../testing/render-app';

const wall = (board: string) => `#/t/cedar-group/${board}?wall=1`;

function board(app: Harness): BoardState {
  return app.stores.boards.storeFor('cedar-group').getState().state!;
}

/** Replaces the tenant's board with `state`, as a hub snapshot would. */
async function reset(app: Harness, state: BoardState): Promise<void> {
  app.host.control.emitBoard({
    kind: 'reset',
    tenant: 'cedar-group',
    state,
    seq: state.seq,
    epoch: 'test',
    freshness: 'live',
    asOf: FIXTURE_NOW,
    staleSince: null,
  });
  await app.advance(0);
}

describe('wall boards', () => {
  it('every wall board shows the group, the board, the clock, the time zone and the data age', async () => {
    for (const kind of BOARD_KINDS) {
      const app = await renderApp({ hash: wall(kind) });
      const header = document.querySelector('.wall-header')?.textContent ?? '';
      expect(header).toContain('Cedar Group');
      // FIXTURE_NOW is 18:30 UTC: 21:30 in Beirut in May.
      expect(header).toContain('21:30');
      expect(header).toMatch(/Eastern European .*Time/);
      expect(header).toMatch(/updated (just now|\d+ s ago)/);
      app.unmount();
    }
  });

  it('has no interactive controls on any wall board', async () => {
    for (const kind of BOARD_KINDS) {
      const app = await renderApp({ hash: wall(kind) });
      const main = document.querySelector('main') as HTMLElement;
      expect(main.querySelectorAll('button, select, input, a[href]')).toHaveLength(0);
      app.unmount();
    }
  });

  it('Payments on the wall leads with the failure line and lists recent failures in their own column', async () => {
    await renderApp({ hash: wall('payments') });
    const windowLine = document.querySelector('.payments__window') as HTMLElement;
    const failures = screen.getByRole('region', { name: 'Recent failures' });
    expect(
      windowLine.compareDocumentPosition(failures) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
    const statuses = [...failures.querySelectorAll('[data-status]')].map((row) =>
      row.getAttribute('data-status'),
    );
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses)).toEqual(new Set(['failed']));
    expect(screen.getByRole('region', { name: 'Latest payments' })).toBeTruthy();
  });

  it('Inventory on the wall is a grid of low and out-of-stock cards, largest shortfall first', async () => {
    const app = await renderApp({ hash: wall('inventory') });
    const state = board(app);
    const items = [
      { sku: 'a', name: 'Half left', qty: 5, threshold: 10 },
      { sku: 'b', name: 'Gone', qty: 0, threshold: 4 },
      { sku: 'c', name: 'Plenty', qty: 50, threshold: 10 },
      { sku: 'd', name: 'Nearly gone', qty: 1, threshold: 10 },
    ];
    const inventory = Object.fromEntries(
      items.map((item) => [item.sku, { ...item, location: 'Hamra', at: FIXTURE_NOW }]),
    );
    await reset(app, { ...state, inventory });
    const cards = [...document.querySelectorAll('.stock-card')];
    expect(cards.map((card) => card.querySelector('.stock-card__name')?.textContent)).toEqual([
      'Gone',
      'Nearly gone',
      'Half left',
    ]);
    expect(cards.map((card) => card.getAttribute('data-severity'))).toEqual([
      'bad',
      'warning',
      'warning',
    ]);
    expect(cards[0]?.textContent).toContain('Out of stock');
    expect(lowStock(board(app))).toHaveLength(3);
  });

  it('the Feed on the wall lists whole rows, newest first, with no scroll box', async () => {
    const app = await renderApp({ hash: wall('feed') });
    const state = board(app);
    expect(document.querySelector('.feed__scroll')).toBeNull();
    const rows = document.querySelectorAll('.feed__list--wall .feed__row');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThanOrEqual(state.feed.length);
    expect(rows[0]?.getAttribute('data-type')).toBe(state.feed.at(-1)?.type);
  });

  it('the large-type setting is stored with the prefs and scales the wall type', async () => {
    const app = await renderApp({ hash: '#/settings' });
    const group = screen.getByRole('group', { name: 'Text size on the wall' });
    fireEvent.click(within(group).getByRole('radio', { name: 'Extra large' }));
    await app.settle();
    expect(app.stores.prefs.getState().wallTextSize).toBe('xlarge');
    app.unmount();
    const storage = memoryStorage({
      'ops-console.prefs.v1': JSON.stringify({ wallTextSize: 'large' }),
    });
    await renderApp({ hash: wall('orders'), storage });
    expect(document.documentElement.style.getPropertyValue('--wall-scale')).toBe('1.25');
  });
});

describe('while the link is not live', () => {
  it('ticket ages freeze at the data time and no ticket is called on time, until the link is live again', async () => {
    const app = await renderApp({ hash: '#/t/cedar-group/orders' });
    const tickets = () => [...document.querySelectorAll('li.ticket')];
    const ages = () => tickets().map((ticket) => ticket.querySelector('.ticket__age')?.textContent);
    expect(tickets().some((ticket) => ticket.textContent?.includes('On time'))).toBe(true);

    app.host.control.emitLink({ state: 'reconnecting', since: FIXTURE_NOW, reason: 'stalled' });
    await app.advance(0);
    const frozen = ages();
    expect(tickets().some((ticket) => ticket.textContent?.includes('On time'))).toBe(false);
    const unjudged = tickets().filter(
      (ticket) => ticket.getAttribute('data-urgency') === 'on_time',
    );
    expect(unjudged.length).toBeGreaterThan(0);
    for (const ticket of unjudged) expect(ticket.textContent).toContain('Not live');
    await app.advance(5000);
    expect(ages()).toEqual(frozen);
    expect(document.querySelector('[data-freshness="stale"]')?.textContent).toMatch(
      /showing data from .* time now \d\d:\d\d/,
    );

    app.host.control.emitLink({ state: 'live', since: FIXTURE_NOW + 5000, reason: 'welcome' });
    await app.advance(1000);
    expect(ages()).not.toEqual(frozen);
    expect(tickets().some((ticket) => ticket.textContent?.includes('On time'))).toBe(true);
  });

  it('the status bar drops the delivery lag it measured while live', async () => {
    const app = await renderApp({ hash: '#/t/cedar-group/overview' });
    app.host.control.emitLink({ state: 'live', since: FIXTURE_NOW, reason: 'ok', lagMs: 6 });
    await app.advance(0);
    expect(screen.getByRole('status').textContent).toContain('lag 6 ms');
    app.host.control.emitLink({
      state: 'offline',
      since: FIXTURE_NOW,
      reason: 'down',
      lagMs: 6,
      lastEventAt: FIXTURE_NOW,
    });
    await app.advance(0);
    expect(screen.getByRole('status').textContent).not.toContain('lag');
  });
});

describe('one severity for one figure', () => {
  it('Overview and Payments agree on a 4.4% failure rate: a warning on both', async () => {
    const app = await renderApp({ hash: '#/t/cedar-group/overview' });
    const minute = Math.floor(FIXTURE_NOW / 60_000) * 60_000;
    await reset(app, {
      ...board(app),
      paymentWindow: [
        {
          minute,
          location: 'Hamra',
          counts: { authorized: 0, captured: 43, failed: 2, refunded: 0 },
        },
      ],
    });
    const tile = screen.getByRole('region', { name: 'Failed payments, 15 min' });
    expect(tile.className).toContain('kpi--warning');
    expect(tile.textContent).toContain('4.4%');
    window.location.hash = '#/t/cedar-group/payments';
    // happy-dom delivers hashchange as a task of its own; step until the route has switched.
    for (let step = 0; step < 20 && !document.querySelector('.payments__window'); step++)
      await app.advance(10);
    const line = document.querySelector('.payments__window');
    expect(line?.getAttribute('data-severity')).toBe('warning');
    expect(line?.textContent).toContain('4.4%');
  });
});
