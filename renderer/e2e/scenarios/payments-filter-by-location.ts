import { expect } from 'vitest';
import { CEDAR, USERS, type ConsoleHarness } from '../console-harness';
import { boardRoute, dataLocations, waitForDeliveredSeq } from '../console-page';
import { paymentAt, probeLocation } from '../probe-events';
import { signInToOverview } from '../sign-in-to-overview';

/** 5. Choosing a location in the Payments filter shows only that location's payments. */
export async function paymentsFilter(harness: ConsoleHarness): Promise<void> {
  const page = await signInToOverview(harness, USERS.cedarOnly);
  const a = probeLocation('pay-a');
  const b = probeLocation('pay-b');
  const last = await harness.publish(CEDAR, [
    paymentAt(a),
    paymentAt(b, 'cash', 'failed'),
    paymentAt(a, 'wallet'),
    paymentAt(b),
  ]);
  await page.goto(harness.consoleUrl + boardRoute(CEDAR, 'payments'));
  await waitForDeliveredSeq(page, CEDAR, last.lastSeq ?? 0);
  const rows = page.locator('tr[data-location]');
  await rows.first().waitFor();
  expect(await page.locator(`tr[data-location="${a}"]`).count()).toBe(2);
  expect(await page.locator(`tr[data-location="${b}"]`).count()).toBe(2);

  await page.getByLabel('Location', { exact: true }).selectOption(a);
  await expect.poll(() => page.locator(`tr[data-location="${b}"]`).count()).toBe(0);
  expect(await dataLocations(rows)).toEqual([a, a]);
  // Live payments elsewhere keep arriving but stay filtered out; new ones of the location show up.
  const more = await harness.publish(CEDAR, [paymentAt(b), paymentAt(a, 'cash')]);
  await waitForDeliveredSeq(page, CEDAR, more.lastSeq ?? 0);
  await expect.poll(() => dataLocations(rows)).toEqual([a, a, a]);
}
