import { expect } from 'vitest';
import { CEDAR, HARBOR, USERS, type ConsoleHarness } from '../console-harness';
import { boardRoute, deliveredSeq, kpiValue, linkStatus } from '../console-page';
import { signInToOverview } from '../sign-in-to-overview';

/** 2. A user whose token lists only tenant A can neither see nor open tenant B. */
export async function scopedTokens(harness: ConsoleHarness): Promise<void> {
  const page = await signInToOverview(harness, USERS.cedarOnly);
  await expect.poll(() => page.getByText(HARBOR).count()).toBe(0);
  await page.goto(harness.consoleUrl + boardRoute(HARBOR, 'payments'));
  await page
    .getByText(`You do not have access to the group “${HARBOR}”.`)
    .waitFor({ timeout: 5000 });
  expect(await page.locator('[data-board]').count()).toBe(0);
  // Nothing of the other tenant reached the page, though the demo publishes to it all the time.
  await page.waitForTimeout(1500);
  expect(await deliveredSeq(page, HARBOR)).toBeNull();
  expect(await linkStatus(page).getAttribute('data-link-state')).toBe('live');
  // The tenant the user does have still works from the same tab.
  await page.goto(harness.consoleUrl + boardRoute(CEDAR, 'overview'));
  await kpiValue(page, 'Orders today').waitFor({ timeout: 5000 });
}
