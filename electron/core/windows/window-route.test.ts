import { describe, expect, it } from 'vitest';
import { tenantOfWindowUrl, windowHash } from './window-route';

describe('windowHash', () => {
  it('opens the tenant picker for the main window with no tenant', () => {
    expect(windowHash({ tenant: null, board: null, mode: 'normal' })).toBe('#/');
  });

  it('opens a board for a normal or fullscreen window', () => {
    expect(windowHash({ tenant: 'cedar-group', board: 'payments', mode: 'normal' })).toBe(
      '#/t/cedar-group/payments',
    );
    expect(windowHash({ tenant: 'cedar-group', board: null, mode: 'fullscreen' })).toBe(
      '#/t/cedar-group/overview',
    );
  });

  it('opens wall mode with the playlist for a kiosk window', () => {
    expect(
      windowHash({
        tenant: 'harbor-eats',
        board: 'orders',
        mode: 'kiosk',
        playlist: { boards: ['orders', 'overview'], intervalSec: 30 },
      }),
    ).toBe('#/t/harbor-eats/orders?wall=1&playlist=orders,overview&interval=30');
    expect(windowHash({ tenant: 'harbor-eats', board: 'orders', mode: 'kiosk' })).toBe(
      '#/t/harbor-eats/orders?wall=1',
    );
  });

  it('opens wall mode with the steps form for a kiosk window whose playlist crosses tenants', () => {
    expect(
      windowHash({
        tenant: 'cedar-group',
        board: 'orders',
        mode: 'kiosk',
        playlist: {
          steps: [
            { tenant: 'cedar-group', board: 'orders' },
            { tenant: 'harbor-eats', board: 'overview' },
          ],
          intervalSec: 20,
        },
      }),
    ).toBe(
      '#/t/cedar-group/orders?wall=1&steps=cedar-group:orders,harbor-eats:overview&interval=20',
    );
  });
});

describe('tenantOfWindowUrl', () => {
  it('reads the tenant a window shows from its hash, also after in-window navigation', () => {
    expect(tenantOfWindowUrl('app://console/index.html#/t/cedar-group/payments')).toBe(
      'cedar-group',
    );
    expect(tenantOfWindowUrl('app://console/index.html#/t/harbor-eats?wall=1')).toBe('harbor-eats');
  });

  it('is null on the tenant picker and for anything that is not a tenant id', () => {
    expect(tenantOfWindowUrl('app://console/index.html#/')).toBeNull();
    expect(tenantOfWindowUrl('app://console/index.html')).toBeNull();
    expect(tenantOfWindowUrl('app://console/index.html#/t/Not%20A%20Tenant/x')).toBeNull();
    expect(tenantOfWindowUrl('app://console/index.html#/t/%E0%A4%A/x')).toBeNull();
  });
});
