import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../testing/render-app';
import { PAYMENTS_PAGE } from './payments-board';

function rows() {
  return within(screen.getByRole('table')).getAllByRole('row').slice(1);
}

/** The demo's history holds more payments than a page; press "Show N more" until every row is there. */
function showAll() {
  for (let button = more(); button; button = more()) fireEvent.click(button);
}

function more() {
  return screen.queryByRole('button', { name: /^Show \d+ more$/ });
}

describe('payments board filters', () => {
  it('choosing a location shows only that location’s payments, and the store keeps them all', async () => {
    const app = await renderApp({ hash: '#/t/cedar-group/payments' });
    const all = app.stores.boards.storeFor('cedar-group').getState().state!.payments;
    const downtown = all.filter((payment) => payment.location === 'beirut-downtown');
    expect(downtown.length).toBeGreaterThan(0);
    expect(downtown.length).toBeLessThan(all.length);
    expect(rows()).toHaveLength(Math.min(all.length, PAYMENTS_PAGE));
    showAll();
    expect(rows()).toHaveLength(all.length);

    fireEvent.change(screen.getByLabelText('Location'), { target: { value: 'beirut-downtown' } });
    showAll();
    expect(rows()).toHaveLength(downtown.length);
    expect(new Set(rows().map((row) => row.getAttribute('data-location')))).toEqual(
      new Set(['beirut-downtown']),
    );
    expect(app.stores.boards.storeFor('cedar-group').getState().state!.payments).toHaveLength(
      all.length,
    );
    // Renders the board's full 200 payments twice; happy-dom on a loaded machine needs more than 5 s.
  }, 30_000);

  it('choosing a payment method narrows the list to that method, combined with the location', async () => {
    const app = await renderApp({ hash: '#/t/cedar-group/payments' });
    const all = app.stores.boards.storeFor('cedar-group').getState().state!.payments;
    fireEvent.change(screen.getByLabelText('Payment method'), { target: { value: 'cash' } });
    showAll();
    expect(rows()).toHaveLength(all.filter((payment) => payment.method === 'cash').length);
    for (const row of rows()) expect(within(row).getByText('Cash')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Location'), { target: { value: 'jounieh' } });
    showAll();
    expect(rows()).toHaveLength(
      all.filter((payment) => payment.method === 'cash' && payment.location === 'jounieh').length,
    );
  }, 30_000);

  it('highlights failed payments with a word and a reason, not colour alone', async () => {
    const app = await renderApp({ hash: '#/t/cedar-group/payments' });
    const failed = app.stores.boards
      .storeFor('cedar-group')
      .getState()
      .state!.payments.filter((payment) => payment.status === 'failed');
    expect(failed.length).toBeGreaterThan(0);
    showAll();
    const failedRows = rows().filter((row) => row.getAttribute('data-status') === 'failed');
    expect(failedRows).toHaveLength(failed.length);
    for (const row of failedRows) {
      expect(row.className).toContain('row--bad');
      expect(row.textContent).toMatch(/Failed — /);
    }
  }, 30_000);
});
