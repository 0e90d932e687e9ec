import type { BoardState, PaymentRecord } from '../../../protocol/board/board-state';

/** View filters for the Payments board; null means "all". They never change the store. */
export interface PaymentFilter {
  location: string | null;
  method: string | null;
}

export const NO_PAYMENT_FILTER: PaymentFilter = { location: null, method: null };

/** Payments matching the filter, newest first. */
export function filterPayments(state: BoardState, filter: PaymentFilter): PaymentRecord[] {
  return state.payments
    .filter(
      (payment) =>
        (filter.location === null || payment.location === filter.location) &&
        (filter.method === null || payment.method === filter.method),
    )
    .sort((a, b) => b.seq - a.seq);
}

/** Payment methods seen in the recent payments, sorted. */
export function paymentMethods(state: BoardState): string[] {
  return [...new Set(state.payments.map((payment) => payment.method))].sort();
}
