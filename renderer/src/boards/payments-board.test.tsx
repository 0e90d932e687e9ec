import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../testing/render-app';

function rows() {
  return within(screen.getByRole('table')).getAllByRole('row').slice(1);
}

describe('payments board filters', () => {
  it('choosing a location shows only that location’s payments, and the store keeps them all', async () => {
    const app = await renderApp({ hash: '#/t/cedar-grill/payments' });
    const all = app.stores.boards.storeFor('cedar-grill').getState().state!.payments;
    const hamra = all.filter((payment) => payment.location === 'Hamra');
    expect(hamra.length).toBeGreaterThan(0);
    expect(hamra.length).toBeLessThan(all.length);
    expect(rows()).toHaveLength(all.length);

    fireEvent.change(screen.getByLabelText('Location'), { target: { value: 'Hamra' } });
    expect(rows()).toHaveLength(hamra.length);
    expect(new Set(rows().map((row) => row.getAttribute('data-location')))).toEqual(
      new Set(['Hamra']),
    );
    expect(app.stores.boards.storeFor('cedar-grill').getState().state!.payments).toHaveLength(
      all.length,
    );
  });

  it('choosing a payment method narrows the list to that method, combined with the location', async () => {
    const app = await renderApp({ hash: '#/t/cedar-grill/payments' });
    const all = app.stores.boards.storeFor('cedar-grill').getState().state!.payments;
    fireEvent.change(screen.getByLabelText('Payment method'), { target: { value: 'cash' } });
    expect(rows()).toHaveLength(all.filter((payment) => payment.method === 'cash').length);
    for (const row of rows()) expect(within(row).getByText('Cash')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Location'), { target: { value: 'Mar Mikhael' } });
    expect(rows()).toHaveLength(
      all.filter((payment) => payment.method === 'cash' && payment.location === 'Mar Mikhael')
        .length,
    );
  });

  it('highlights failed payments with a word and a reason, not colour alone', async () => {
    const app = await renderApp({ hash: '#/t/cedar-grill/payments' });
    const failed = app.stores.boards
      .storeFor('cedar-grill')
      .getState()
      .state!.payments.filter((payment) => payment.status === 'failed');
    expect(failed.length).toBeGreaterThan(0);
    const failedRows = rows().filter((row) => row.getAttribute('data-status') === 'failed');
    expect(failedRows).toHaveLength(failed.length);
    for (const row of failedRows) {
      expect(row.className).toContain('row--bad');
      expect(row.textContent).toMatch(/Failed — /);
    }
  });
});
