import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FIXTURE_NOW } from '../fixtures/fixture-host';
import { renderApp } from '../testing/render-app';

describe('freshness banner', () => {
  it('says the board is offline, from when, and how old, with the age ticking', async () => {
    const app = await renderApp({ hash: '#/t/cedar-group/overview' });
    const asOf = FIXTURE_NOW - 3 * 60_000; // 21:27 in Beirut (UTC+3 in May), the tenant's zone
    app.host.control.emitLink({ state: 'offline', since: FIXTURE_NOW, reason: 'network down' });
    app.host.control.emitBoard({
      kind: 'freshness',
      tenant: 'cedar-group',
      freshness: 'stale',
      staleSince: FIXTURE_NOW,
      asOf,
    });
    await app.advance(0);
    const banner = document.querySelector('[data-freshness="stale"]');
    expect(banner?.textContent).toContain('Offline — showing data from 21:27, 3 min ago');
    await app.advance(60_000);
    expect(banner?.textContent).toContain('Offline — showing data from 21:27, 4 min ago');
    // The board stays readable under the banner.
    expect(screen.getByRole('heading', { name: 'Orders today' })).toBeTruthy();
  });

  it('never calls the board offline while the status bar says Live: a stale board on a live link is catching up', async () => {
    const app = await renderApp({ hash: '#/t/cedar-group/overview' });
    app.host.control.emitLink({ state: 'live', since: FIXTURE_NOW, reason: 'welcome received' });
    app.host.control.emitBoard({
      kind: 'freshness',
      tenant: 'cedar-group',
      freshness: 'stale',
      staleSince: FIXTURE_NOW - 60_000,
      asOf: FIXTURE_NOW - 52_000,
    });
    await app.advance(0);
    const banner = document.querySelector('[data-freshness="stale"]')?.textContent ?? '';
    expect(banner).toContain('Reconnected, catching up — showing data from');
    expect(banner).not.toContain('Offline');
    expect(screen.getByRole('status').getAttribute('data-link-state')).toBe('live');
  });

  it('ticks a recent snapshot age in seconds and minutes while reconnecting', async () => {
    const app = await renderApp({ hash: '#/t/cedar-group/orders' });
    app.host.control.emitLink({
      state: 'reconnecting',
      since: FIXTURE_NOW,
      reason: 'closed',
      attempt: 1,
      nextRetryAt: FIXTURE_NOW + 1000,
    });
    app.host.control.emitBoard({
      kind: 'freshness',
      tenant: 'cedar-group',
      freshness: 'stale',
      staleSince: FIXTURE_NOW,
      asOf: FIXTURE_NOW - 30_000,
    });
    await app.advance(0);
    const banner = () => document.querySelector('[data-freshness="stale"]')?.textContent ?? '';
    expect(banner()).toBe(' Reconnecting — showing data from 21:29, 30 s ago · time now 21:30');
    await app.advance(150_000);
    expect(banner()).toContain('3 min ago');
  });

  it('says a resync is under way and hides when the board is live again', async () => {
    const app = await renderApp({ hash: '#/t/cedar-group/overview' });
    expect(document.querySelector('[data-freshness]')).toBeNull();
    app.host.control.emitBoard({
      kind: 'freshness',
      tenant: 'cedar-group',
      freshness: 'resyncing',
      staleSince: null,
      asOf: FIXTURE_NOW,
    });
    await app.advance(0);
    expect(document.querySelector('[data-freshness="resyncing"]')?.textContent).toContain(
      'Resyncing',
    );
    app.host.control.emitBoard({
      kind: 'freshness',
      tenant: 'cedar-group',
      freshness: 'live',
      staleSince: null,
      asOf: FIXTURE_NOW,
    });
    await app.advance(0);
    expect(document.querySelector('[data-freshness]')).toBeNull();
  });
});
