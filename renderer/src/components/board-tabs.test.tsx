import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderApp } from '../testing/render-app';

describe('board tabs and window actions', () => {
  it('are a tablist where arrow keys, Home and End move the selection and the focus', async () => {
    const app = await renderApp({ hash: '#/t/cedar-group/overview' });
    const overview = screen.getByRole('tab', { name: 'Overview' });
    expect(overview.tabIndex).toBe(0);
    expect(screen.getByRole('tab', { name: 'Payments' }).tabIndex).toBe(-1);
    overview.focus();
    fireEvent.keyDown(overview, { key: 'ArrowRight' });
    await app.settle();
    const orders = screen.getByRole('tab', { name: 'Orders / Kitchen' });
    expect(orders.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(orders);
    expect(window.location.hash).toBe('#/t/cedar-group/orders');
    expect(screen.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe(orders.id);
    fireEvent.keyDown(orders, { key: 'End' });
    await app.settle();
    expect(screen.getByRole('tab', { name: 'Feed' }).getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    await app.settle();
    expect(screen.getByRole('tab', { name: 'Overview' }).getAttribute('aria-selected')).toBe(
      'true',
    );
  });

  it('opens a native window through the host when it can', async () => {
    const app = await renderApp({
      hash: '#/t/cedar-group/payments',
      appInfo: { host: 'electron', canOpenWindows: true },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Open in new window' }));
    await app.settle();
    expect(app.host.control.openedWindows).toEqual([{ tenant: 'cedar-group', board: 'payments' }]);
  });

  it('opens a browser tab on the board route when the host cannot open windows', async () => {
    const open = vi.spyOn(window, 'open').mockReturnValue(null);
    const app = await renderApp({ hash: '#/t/cedar-group/floor' });
    fireEvent.click(screen.getByRole('button', { name: 'Open in new window' }));
    await app.settle();
    expect(open).toHaveBeenCalledWith(
      expect.stringMatching(/#\/t\/cedar-group\/floor$/),
      '_blank',
      'noopener',
    );
    expect(app.host.control.openedWindows).toEqual([]);
    open.mockRestore();
  });
});
