import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  configuredOccupancy,
  locationLabel,
  locationNames,
  lowStock,
  openOrderCount,
} from '../../../protocol/board/board-selectors';
import { TREND_BUCKET_MS } from '../../../protocol/board/board-state';
import { FIXTURE_NOW } from '../fixtures/fixture-host';
import { humanizeId } from '../format/display-name';
import { renderApp } from '../testing/render-app';

/** happy-dom does no layout; give the feed's scroll box a size so the virtualizer renders rows. */
function stubLayout() {
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(800);
}

describe('boards render from a realistic tenant state', () => {
  beforeEach(() => vi.restoreAllMocks());

  it('Overview shows every KPI tile with a trend and a row per location', async () => {
    const app = await renderApp({ hash: '#/t/cedar-group/overview' });
    const state = app.stores.boards.storeFor('cedar-group').getState().state!;
    for (const label of [
      'Orders today',
      'Revenue today',
      'Open orders',
      'Table occupancy',
      'Failed payments, 15 min',
      'Waitlist',
    ]) {
      const tile = screen.getByRole('region', { name: label });
      expect(tile.querySelector('.sparkline')?.getAttribute('data-points')).toBe(
        String(state.trend.length),
      );
      expect(tile.querySelector('svg.sparkline path')?.getAttribute('d')).toMatch(/^M/);
    }
    expect(
      within(screen.getByRole('region', { name: 'Orders today' })).getByText(
        String(state.totals.orders),
      ),
    ).toBeTruthy();
    expect(
      within(screen.getByRole('region', { name: 'Open orders' })).getByText(
        String(openOrderCount(state)),
      ),
    ).toBeTruthy();
    expect(
      within(screen.getByRole('region', { name: 'Revenue today' })).getByText(/^LBP [\d,]+$/),
    ).toBeTruthy();
    const rows = within(screen.getByRole('table'))
      .getAllByRole('rowheader')
      .map((cell) => cell.textContent);
    // The directory's names (protocol/tenant-directory.ts), in English here.
    expect(rows).toEqual(
      locationNames(state).map((id) => locationLabel(state, id, 'en-GB') ?? humanizeId(id)),
    );
    expect(rows).toContain('Beirut Downtown');
  });

  it('Overview draws a trend line on every tile from a single five-minute bucket', async () => {
    const app = await renderApp({ hash: '#/t/cedar-group/overview' });
    const state = app.stores.boards.storeFor('cedar-group').getState().state!;
    const last = state.trend[state.trend.length - 1]!;
    // One complete bucket, the one before the clock's current bucket.
    const currentStart = Math.floor(FIXTURE_NOW / TREND_BUCKET_MS) * TREND_BUCKET_MS;
    app.host.control.emitBoard({
      kind: 'reset',
      tenant: 'cedar-group',
      state: { ...state, trend: [{ ...last, start: currentStart - TREND_BUCKET_MS }] },
      seq: state.seq,
      epoch: 'one-bucket',
      freshness: 'live',
      asOf: FIXTURE_NOW,
      staleSince: null,
    });
    await app.advance(0);
    const tiles = screen
      .getAllByRole('region')
      .filter((region) => region.classList.contains('kpi') && region.querySelector('.sparkline'));
    expect(tiles).toHaveLength(6);
    for (const tile of tiles) {
      // The one complete bucket is a dot where the trend starts, the current one a dashed line on from it.
      const paths = [...tile.querySelectorAll('svg.sparkline path')].map((path) =>
        path.getAttribute('d'),
      );
      expect(paths.some((d) => /^M[\d.]+,[\d.]+[HL]/.test(d ?? ''))).toBe(true);
      expect(tile.querySelector('svg.sparkline circle.sparkline__end')).not.toBeNull();
    }
  });

  it('Overview highlights a tile whose number just changed', async () => {
    const app = await renderApp({ hash: '#/t/cedar-group/overview' });
    const before = app.stores.boards.storeFor('cedar-group').getState().state!;
    app.host.control.emitBoard({
      kind: 'events',
      tenant: 'cedar-group',
      events: [
        {
          seq: before.seq + 1,
          ts: Date.now(),
          event: {
            type: 'order.placed',
            id: 'new-1',
            location: 'beirut-downtown',
            data: {
              orderId: '#9001',
              channel: 'takeaway',
              items: [{ sku: 'X', name: 'Falafel', qty: 1, unitPrice: 100_000 }],
              total: 100_000,
              currency: 'LBP',
            },
          },
        },
      ],
    });
    await app.advance(0);
    const tile = screen.getByRole('region', { name: 'Orders today' });
    expect(tile.getAttribute('data-changed')).toBe('true');
    expect(within(tile).getByText(String(before.totals.orders + 1), { exact: false })).toBeTruthy();
    await app.advance(2000);
    expect(tile.hasAttribute('data-changed')).toBe(false);
  });

  it('Orders shows four status lanes holding every open ticket', async () => {
    const app = await renderApp({ hash: '#/t/cedar-group/orders' });
    const state = app.stores.boards.storeFor('cedar-group').getState().state!;
    for (const lane of ['Placed', 'Accepted', 'Preparing', 'Ready'])
      expect(screen.getByRole('heading', { name: new RegExp(`^${lane} \\d+$`) })).toBeTruthy();
    expect(document.querySelectorAll('.ticket')).toHaveLength(openOrderCount(state));
  });

  it('Floor lists each location with its tables and says occupied or free in words', async () => {
    const app = await renderApp({ hash: '#/t/cedar-group/floor' });
    const state = app.stores.boards.storeFor('cedar-group').getState().state!;
    for (const location of ['beirut-downtown', 'jounieh', 'byblos']) {
      const name = locationLabel(state, location, 'en-GB') as string;
      const section = screen.getByRole('region', { name: new RegExp(`^${name}`) });
      const tables = Object.values(state.locations[location]!.tables);
      // Every configured table shows, seated or not (the demo lists its ids per area).
      expect(within(section).getAllByRole('listitem')).toHaveLength(
        configuredOccupancy(state, location).total,
      );
      expect(within(section).queryAllByText('Occupied')).toHaveLength(
        tables.filter((table) => table.occupied).length,
      );
    }
  });

  it('Floor says "1 cover" and "2 covers", counts against the configured tables and marks tables the directory does not know', async () => {
    const app = await renderApp({ hash: '#/t/cedar-group/floor' });
    const state = app.stores.boards.storeFor('cedar-group').getState().state!;
    const seat = (seq: number, tableId: string, covers: number) => ({
      seq,
      ts: FIXTURE_NOW,
      event: {
        type: 'table.seated',
        id: `seat-${seq}`,
        location: 'beirut-downtown',
        data: { tableId, covers },
      },
    });
    app.host.control.emitBoard({
      kind: 'events',
      tenant: 'cedar-group',
      events: [seat(state.seq + 1, 'Z1', 1), seat(state.seq + 2, 'Z2', 2)],
    });
    await app.advance(0);
    const cell = (id: string) => screen.getByText(id).closest('li') as HTMLElement;
    expect(cell('Z1').textContent).toContain('1 cover ·');
    expect(cell('Z2').textContent).toContain('2 covers ·');
    expect(
      screen.getByRole('region', { name: /^Beirut Downtown/ }).querySelector('h2')?.textContent,
    ).toMatch(/occupied of 26 tables · 2 not in the directory$/);
  });

  it('Inventory lists only items at or below their threshold', async () => {
    const app = await renderApp({ hash: '#/t/cedar-group/inventory' });
    const state = app.stores.boards.storeFor('cedar-group').getState().state!;
    const expected = lowStock(state);
    expect(expected.length).toBeGreaterThan(0);
    const rows = within(screen.getByRole('table'))
      .getAllByRole('rowheader')
      .map((cell) => cell.textContent);
    expect(rows).toEqual(expected.map((item) => item.name));
  });

  it('Feed renders the newest events first through the virtualizer, not all at once', async () => {
    stubLayout();
    const app = await renderApp({ hash: '#/t/cedar-group/feed' });
    const state = app.stores.boards.storeFor('cedar-group').getState().state!;
    const rows = document.querySelectorAll('.feed__row');
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(state.feed.length);
    expect(rows[0]?.getAttribute('data-type')).toBe(state.feed[state.feed.length - 1]!.type);
  });

  it('a reset that fails validation keeps the last good board on screen and reports the problem', async () => {
    const app = await renderApp({ hash: '#/t/cedar-group/overview' });
    const good = app.stores.boards.storeFor('cedar-group').getState().state!;
    app.host.control.emitBoard({
      kind: 'reset',
      tenant: 'cedar-group',
      state: { version: 1, seq: 9 } as never,
      seq: 9,
      epoch: 'x',
      freshness: 'live',
      asOf: 0,
      staleSince: null,
    });
    await app.advance(0);
    expect(screen.getByRole('alert').textContent).toContain('Board problem');
    expect(
      within(screen.getByRole('region', { name: 'Orders today' })).getByText(
        String(good.totals.orders),
      ),
    ).toBeTruthy();
  });
});
