import type { Page } from 'playwright-core';
import type { ConsoleHarness } from './console-harness';
import { boardRoute, waitForLinkState } from './console-page';

/**
 * Console windows of one signed-in person: extra tabs of the same browser, which share
 * the first tab's session and its one WebSocket (the SharedWorker link), as a manager's
 * desk screen and the kitchen screen next to it would.
 */

/** Opens another tab of the harness's browser on `board` of `tenant` and waits until it is live. */
export async function openWindow(
  harness: ConsoleHarness,
  tenant: string,
  board: string,
): Promise<Page> {
  const page = await harness.browser.context.newPage();
  await page.goto(harness.consoleUrl + boardRoute(tenant, board));
  await page.locator(`[data-board="${board}"]`).waitFor({ timeout: 15_000 });
  await waitForLinkState(page, ['live']);
  return page;
}

/** Runs `body` with two live windows on `board`, and closes them afterwards, also after a failure. */
export async function withTwoWindows(
  harness: ConsoleHarness,
  tenant: string,
  board: string,
  body: (first: Page, second: Page) => Promise<void>,
): Promise<void> {
  const first = await openWindow(harness, tenant, board);
  const second = await openWindow(harness, tenant, board).catch(async (error: unknown) => {
    await first.close();
    throw error;
  });
  try {
    await body(first, second);
  } finally {
    await first.close();
    await second.close();
  }
}
