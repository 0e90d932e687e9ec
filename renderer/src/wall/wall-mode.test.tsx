import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../testing/render-app';
import { BURN_IN_OFFSETS, BURN_IN_SHIFT_MS, WALL_EXIT_HOLD_MS } from './use-wall-mode';

const WALL = '#/t/cedar-group/orders?wall=1&playlist=orders,payments,overview&interval=30';

function board(): string | null {
  return document.querySelector('main')?.getAttribute('data-board') ?? null;
}

describe('wall mode', () => {
  it('hides the chrome but keeps the link status, and hides the cursor', async () => {
    await renderApp({ hash: WALL });
    expect(screen.queryByRole('tablist')).toBeNull();
    expect(screen.queryByRole('banner')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Open in new window' })).toBeNull();
    expect(document.documentElement.classList.contains('wall')).toBe(true);
    expect(screen.getByRole('status').getAttribute('data-link-state')).toBe('live');
    expect(board()).toBe('orders');
  });

  it('rotates through the playlist at its interval and wraps around', async () => {
    const app = await renderApp({ hash: WALL });
    await app.advance(29_000);
    expect(board()).toBe('orders');
    await app.advance(1_000);
    expect(board()).toBe('payments');
    await app.advance(30_000);
    expect(board()).toBe('overview');
    await app.advance(30_000);
    expect(board()).toBe('orders');
  });

  it('shifts the board a few pixels every few minutes against burn-in', async () => {
    const app = await renderApp({ hash: '#/t/cedar-group/overview?wall=1' });
    const screenEl = () => document.querySelector('.tenant-screen') as HTMLElement;
    expect(screenEl().style.transform).toBe('translate(0px, 0px)');
    await app.advance(BURN_IN_SHIFT_MS);
    const [dx, dy] = BURN_IN_OFFSETS[1]!;
    expect(screenEl().style.transform).toBe(`translate(${dx}px, ${dy}px)`);
    expect(Math.max(Math.abs(dx), Math.abs(dy))).toBeLessThanOrEqual(4);
  });

  it('leaves wall mode with Ctrl+Shift+W', async () => {
    const app = await renderApp({ hash: WALL });
    fireEvent.keyDown(window, { key: 'W', ctrlKey: true, shiftKey: true });
    await app.advance(0);
    expect(screen.getByRole('tablist')).toBeTruthy();
    expect(document.documentElement.classList.contains('wall')).toBe(false);
    expect(window.location.hash).toBe('#/t/cedar-group/orders');
  });

  it('leaves wall mode after a 2 second press and hold, but not after a short tap', async () => {
    const app = await renderApp({ hash: WALL });
    fireEvent.pointerDown(window);
    await app.advance(500);
    fireEvent.pointerUp(window);
    await app.advance(WALL_EXIT_HOLD_MS);
    expect(screen.queryByRole('tablist')).toBeNull();
    fireEvent.pointerDown(window);
    await app.advance(WALL_EXIT_HOLD_MS);
    expect(screen.getByRole('tablist')).toBeTruthy();
  });
});
