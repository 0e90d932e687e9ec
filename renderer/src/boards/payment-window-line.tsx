import type { BoardState, PaymentRecord } from '../../../protocol/board/board-state';
import { failedPaymentSeverity, paymentWindow } from '../../../protocol/board/board-selectors';
import { useMessages } from '../app/app-stores';
import { SEVERITY_ICON } from '../components/kpi-tile';
import { formatNumber, formatPercent } from '../format/number-format';
import { useClockValue } from '../hooks/use-now';
import { Icon, type IconName } from '../icons/icon';

const MINUTE_MS = 60_000;

/** The icon of each payment status, on the desk table and the wall lists alike. */
export const PAYMENT_STATUS_ICON: Record<PaymentRecord['status'], IconName> = {
  authorized: 'pending',
  captured: 'check',
  failed: 'cross',
  refunded: 'undo',
};

/**
 * The 15-minute failure summary, with the same severity as the Overview tile;
 * follows the clock by the minute, which is the window's resolution.
 */
export function PaymentWindowLine({
  state,
  location,
}: {
  state: BoardState;
  location: string | null;
}) {
  const { t, intl } = useMessages();
  const minute = useClockValue((now) => Math.floor(now / MINUTE_MS));
  const window = paymentWindow(state, minute * MINUTE_MS + MINUTE_MS - 1, location ?? undefined);
  const severity = failedPaymentSeverity(window.failed, window.failureRate);
  return (
    <p className={`payments__window cell--${severity}`} data-severity={severity}>
      <Icon name={SEVERITY_ICON[severity]} />{' '}
      {t.payments.window(
        formatNumber(window.failed, intl),
        formatNumber(window.total, intl),
        formatPercent(window.failureRate, intl),
      )}
    </p>
  );
}
