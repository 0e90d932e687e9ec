import type { Page } from 'playwright-core';
import { CEDAR, USERS, type ConsoleHarness } from './console-harness';
import { boardRoute, kpiValue, signIn, waitForLinkState } from './console-page';

/** Opens the console, signs in as `user` and waits for the live Overview of its first tenant. */
export async function signInToOverview(
  harness: ConsoleHarness,
  user: { username: string; password: string },
  tenant = CEDAR,
): Promise<Page> {
  const page = await harness.browser.newPage();
  await page.goto(harness.consoleUrl);
  await signIn(page, user.username, user.password);
  if (user === USERS.cedarOnly)
    await page.waitForURL((url) => url.hash.startsWith(boardRoute(tenant, 'overview')), {
      timeout: 10_000,
    });
  else await page.goto(harness.consoleUrl + boardRoute(tenant, 'overview'));
  await waitForLinkState(page, ['live']);
  await kpiValue(page, 'Orders today').waitFor({ timeout: 10_000 });
  return page;
}
