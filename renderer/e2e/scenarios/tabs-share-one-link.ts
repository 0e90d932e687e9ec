import { expect } from 'vitest';
import { CEDAR, USERS, type ConsoleHarness } from '../console-harness';
import { boardRoute, waitForDeliveredSeq, waitForLinkState } from '../console-page';
import { openConnections } from '../hub-probes';
import { paymentAt, probeLocation } from '../probe-events';
import { signInToOverview } from '../sign-in-to-overview';

/** "Open in new window" opens a tab on the board's route that needs no sign-in and shares the first tab's one WebSocket. */
export async function sharedLinkAcrossTabs(harness: ConsoleHarness): Promise<void> {
  const before = await openConnections(harness);
  const page = await signInToOverview(harness, USERS.cedarOnly);
  await page.goto(harness.consoleUrl + boardRoute(CEDAR, 'payments'));
  await page.locator('[data-board="payments"]').waitFor();
  const opened = harness.browser.context.waitForEvent('page');
  await page.getByRole('button', { name: /Open in new window/ }).click();
  const tab = await opened;
  await tab.waitForLoadState();
  expect(new URL(tab.url()).hash).toBe(boardRoute(CEDAR, 'payments'));
  await tab.locator('[data-board="payments"]').waitFor({ timeout: 10_000 });
  await waitForLinkState(tab, ['live']);
  const last = await harness.publish(CEDAR, [paymentAt(probeLocation('two-tabs'))]);
  await waitForDeliveredSeq(tab, CEDAR, last.lastSeq ?? 0);
  await waitForDeliveredSeq(page, CEDAR, last.lastSeq ?? 0);
  expect(await openConnections(harness)).toBe(before + 1);
}
