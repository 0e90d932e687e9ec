import type { Page } from 'playwright-core';
import type { TestBrowser } from '../../test-support/browser';
import { CEDAR, USERS, type ConsoleHarness } from './console-harness';
import { boardRoute, kpiValue, signIn, waitForLinkState } from './console-page';

/**
 * Opens the console, signs in as `user` and waits for the live Overview of its first tenant;
 * in `browser` (a second Chromium, for a second person) or the harness's own.
 */
export async function signInToOverview(
  harness: ConsoleHarness,
  user: { username: string; password: string },
  tenant = CEDAR,
  browser: TestBrowser = harness.browser,
): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(harness.consoleUrl);
  await signIn(page, user.username, user.password);
  // A user with one tenant lands on its Overview by itself.
  if (user === USERS.cedarOnly || user === USERS.operator)
    await page.waitForURL((url) => url.hash.startsWith(boardRoute(tenant, 'overview')), {
      timeout: 10_000,
    });
  else await page.goto(harness.consoleUrl + boardRoute(tenant, 'overview'));
  await waitForLinkState(page, ['live']);
  await kpiValue(page, 'Orders today').waitFor({ timeout: 10_000 });
  return page;
}
