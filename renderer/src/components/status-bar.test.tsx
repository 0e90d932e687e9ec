import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { LinkStatus } from '../../../protocol/link/link-state';
import { FIXTURE_NOW } from '../fixtures/fixture-host';
import { renderApp } from '../testing/render-app';

const cases: Array<[LinkStatus['state'], string, RegExp]> = [
  ['live', 'live', /Live/],
  ['connecting', 'reconnecting', /Reconnecting/],
  ['idle', 'reconnecting', /Reconnecting/],
  ['reconnecting', 'reconnecting', /Reconnecting/],
  ['offline', 'offline', /Offline/],
  ['stopped', 'offline', /Offline/],
  ['auth_required', 'auth_required', /Sign-in needed/],
];

describe('status bar', () => {
  it.each(cases)(
    'shows link state %s as data-link-state=%s with the words people expect',
    async (state, shown, words) => {
      const app = await renderApp({
        hash: '#/t/cedar-group/overview',
        link: { state, since: FIXTURE_NOW, reason: 'test' },
      });
      const status = screen.getByRole('status');
      expect(status.getAttribute('data-link-state')).toBe(shown);
      expect(status.textContent).toMatch(words);
      expect(screen.getAllByRole('status')).toHaveLength(1);
      app.unmount();
    },
  );

  it('counts down to the next reconnect attempt and names the attempt number', async () => {
    const app = await renderApp({ hash: '#/t/cedar-group/overview' });
    app.host.control.emitLink({
      state: 'reconnecting',
      since: FIXTURE_NOW,
      reason: 'socket closed',
      attempt: 3,
      nextRetryAt: FIXTURE_NOW + 5000,
    });
    await app.advance(0);
    expect(screen.getByRole('status').textContent).toContain('attempt 3, next try in 5 s');
    await app.advance(2000);
    expect(screen.getByRole('status').textContent).toContain('next try in 3 s');
  });

  it('shows the last update time and the delivery lag while live', async () => {
    await renderApp({
      hash: '#/t/cedar-group/overview',
      link: {
        state: 'live',
        since: FIXTURE_NOW,
        reason: 'ok',
        lastEventAt: Date.UTC(2025, 4, 16, 18, 29, 58),
        lagMs: 120,
      },
    });
    const text = screen.getByRole('status').textContent ?? '';
    expect(text).toMatch(/Last update \d\d:29:58/);
    expect(text).toContain('lag 120 ms');
  });
});

describe('status bar times and actions', () => {
  const lastEventAt = Date.UTC(2025, 4, 16, 18, 29, 58);

  it('shows times in the open tenant’s zone, like the boards', async () => {
    await renderApp({
      hash: '#/t/cedar-group/overview',
      link: { state: 'live', since: FIXTURE_NOW, reason: 'ok', lastEventAt, lagMs: 5 },
    });
    // cedar-group is in Asia/Beirut, UTC+3 in May.
    expect(screen.getByRole('status').textContent).toContain('Last update 21:29:58');
  });

  it('names the zone of a device-local time when no tenant is open', async () => {
    await renderApp({
      grantedTenants: ['cedar-group', 'harbor-eats'],
      link: { state: 'live', since: FIXTURE_NOW, reason: 'ok', lastEventAt, lagMs: 5 },
    });
    expect(screen.getByRole('heading', { name: 'Choose a restaurant group' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toMatch(/Last update \d\d:29:58 \S+/);
  });

  it('after an offline reload shows the cached data time instead of "No updates yet"', async () => {
    const app = await renderApp({
      hash: '#/t/cedar-group/orders',
      link: { state: 'offline', since: FIXTURE_NOW, reason: 'hub down' },
    });
    const asOf = FIXTURE_NOW - 3 * 60_000;
    app.host.control.emitBoard({
      kind: 'freshness',
      tenant: 'cedar-group',
      freshness: 'stale',
      staleSince: FIXTURE_NOW,
      asOf,
    });
    await app.advance(0);
    const text = screen.getByRole('status').textContent ?? '';
    expect(text).not.toContain('No updates yet');
    expect(text).toContain('Last update 21:27:00');
  });

  it('offers "Sign in again" on a board, but not on the sign-in screen itself', async () => {
    const board = await renderApp({
      hash: '#/t/cedar-group/overview',
      link: { state: 'auth_required', since: FIXTURE_NOW, reason: 'expired' },
    });
    expect(screen.getByRole('button', { name: 'Sign in again' })).toBeTruthy();
    board.unmount();
    await renderApp({
      signedIn: false,
      link: { state: 'auth_required', since: FIXTURE_NOW, reason: 'expired' },
    });
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Sign in again' })).toBeNull();
  });
});

describe('status bar totals flag', () => {
  it('says "Totals since HH:MM" in the tenant’s zone when the board’s history was lost, and nothing otherwise', async () => {
    const app = await renderApp({ hash: '#/t/cedar-group/overview' });
    const state = app.stores.boards.storeFor('cedar-group').getState().state!;
    const { totalsSince: _fromFixture, ...complete } = state;
    const emit = (board: typeof state) =>
      app.host.control.emitBoard({
        kind: 'reset',
        tenant: 'cedar-group',
        state: board,
        seq: board.seq,
        epoch: 'after-loss',
        freshness: 'live',
        asOf: FIXTURE_NOW,
        staleSince: null,
      });
    emit(complete);
    await app.advance(0);
    expect(document.querySelector('[data-totals-since]')).toBeNull();
    // 09:05 UTC is 12:05 in Asia/Beirut in May.
    emit({ ...complete, totalsSince: Date.UTC(2025, 4, 16, 9, 5) });
    await app.advance(0);
    expect(document.querySelector('[data-totals-since]')?.textContent).toBe('Totals since 12:05');
  });
});

describe('status bar retry now', () => {
  const reconnecting: LinkStatus = {
    state: 'reconnecting',
    since: FIXTURE_NOW,
    reason: 'stalled: no frame from the hub for 10000 ms (2 heartbeats)',
    attempt: 6,
    nextRetryAt: FIXTURE_NOW + 4000,
  };

  it('offers "Retry now" while reconnecting and asks the host to skip the wait', async () => {
    const app = await renderApp({ hash: '#/t/cedar-group/overview', link: reconnecting });
    fireEvent.click(screen.getByRole('button', { name: 'Retry now' }));
    await app.advance(0);
    expect(app.host.control.retryNowCalls).toBe(1);
  });

  it('offers no "Retry now" while live, and shows no lag while reconnecting', async () => {
    const app = await renderApp({
      hash: '#/t/cedar-group/overview',
      link: { state: 'live', since: FIXTURE_NOW, reason: 'ok', lagMs: 6 },
    });
    expect(screen.queryByRole('button', { name: 'Retry now' })).toBeNull();
    expect(screen.getByRole('status').textContent).toContain('lag 6 ms');
    app.host.control.emitLink({ ...reconnecting, lagMs: 6 });
    await app.advance(0);
    expect(screen.getByRole('status').textContent).not.toContain('lag');
    expect(screen.getByRole('button', { name: 'Retry now' })).toBeTruthy();
  });

  it('offers no "Retry now" on a wall, which has no controls and retries by itself', async () => {
    await renderApp({ hash: '#/t/cedar-group/overview?wall=1', link: reconnecting });
    expect(screen.getByRole('status').getAttribute('data-link-state')).toBe('reconnecting');
    expect(screen.queryByRole('button', { name: 'Retry now' })).toBeNull();
  });
});
