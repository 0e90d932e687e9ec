import { describe, expect, it } from 'vitest';
import { windowHash } from './window-route';

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
});
