import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { REPO_ROOT } from './build-once';
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

/** Git-ignored (artifacts/ is in .gitignore): what the windows showed when a scenario failed. */
const FAILURE_DIR = join(REPO_ROOT, 'artifacts/screenshots/e2e-failures');

/**
 * Runs `body` with two live windows on `board`, and closes them afterwards, also after a
 * failure; a failure first saves both windows as PNGs (paths in the error's log line).
 */
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
  } catch (error) {
    await saveFailureShots(board, [first, second]);
    throw error;
  } finally {
    await first.close();
    await second.close();
  }
}

async function saveFailureShots(board: string, pages: Page[]): Promise<void> {
  mkdirSync(FAILURE_DIR, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  for (const [index, page] of pages.entries()) {
    const file = join(FAILURE_DIR, `${board}-${stamp}-window${index + 1}.png`);
    try {
      await page.screenshot({ path: file, fullPage: true });
      console.log(`[e2e] failure screenshot: ${file}`);
    } catch (shotError) {
      console.log(`[e2e] no failure screenshot of window ${index + 1}: ${String(shotError)}`);
    }
  }
}
