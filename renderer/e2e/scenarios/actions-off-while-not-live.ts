import { expect } from 'vitest';
import { CEDAR, type ConsoleHarness } from '../console-harness';
import { waitForLinkState } from '../console-page';
import { ACTION_LABELS, SEEN_EVERYWHERE_WITHIN_MS, lane, ticket } from '../action-page';
import { openWindow } from '../operator-windows';
import { orderAt, probeLocation } from '../probe-events';
import { hubSeqNow } from '../tenant-log-probe';

/** What every action bar says while the tenant's link is not live (the chosen offline policy). */
const NOT_LIVE_REASON = 'Not live — actions are off until the link is back';
/** The link leaves Live within 2 app heartbeats of the hub freezing; this bound has margin for a loaded box. */
const LEAVES_LIVE_WITHIN_MS = 15_000;

/**
 * Issue 13, offline policy "disabled with the reason shown": while the hub is frozen
 * (SIGSTOP) the ticket's buttons are disabled and say why, nothing reaches the log, and
 * once the hub answers again the same button works. Freezes the harness's hub: run it
 * last in a file, after scenarios that keep Node-side sockets to the hub.
 */
export async function actionsOffWhileNotLive(harness: ConsoleHarness): Promise<void> {
  const location = probeLocation('offline');
  const order = orderAt(location);
  const orderId = String(order.data?.orderId);
  await harness.publish(CEDAR, [
    order,
    { type: 'order.status', location, data: { orderId, status: 'accepted' } },
  ]);
  const page = await openWindow(harness, CEDAR, 'orders');
  try {
    const start = ticket(lane(page, 'Accepted'), orderId).getByRole('button', {
      name: ACTION_LABELS.bump.accepted,
      exact: true,
    });
    await start.waitFor({ timeout: SEEN_EVERYWHERE_WITHIN_MS });
    expect(await start.isEnabled()).toBe(true);
    const seqBefore = await hubSeqNow(harness, CEDAR);

    harness.hub.pause();
    try {
      await waitForLinkState(page, ['reconnecting', 'offline'], LEAVES_LIVE_WITHIN_MS);
      await expect.poll(() => start.isDisabled()).toBe(true);
      await ticket(page, orderId)
        .getByText(NOT_LIVE_REASON, { exact: true })
        .waitFor({ timeout: SEEN_EVERYWHERE_WITHIN_MS });
      expect(await start.getAttribute('title')).toBe(NOT_LIVE_REASON);
    } finally {
      harness.hub.resume();
    }

    await waitForLinkState(page, ['live'], LEAVES_LIVE_WITHIN_MS);
    expect(await hubSeqNow(harness, CEDAR), 'nothing was sent or queued while not live').toBe(
      seqBefore,
    );
    await expect.poll(() => start.isEnabled()).toBe(true);
    await start.click();
    await ticket(lane(page, 'Preparing'), orderId).waitFor({
      timeout: SEEN_EVERYWHERE_WITHIN_MS,
    });
    expect(await hubSeqNow(harness, CEDAR)).toBe(seqBefore + 1);
  } finally {
    await page.close();
  }
}
