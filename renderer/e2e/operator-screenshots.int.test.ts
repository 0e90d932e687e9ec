import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { REPO_ROOT } from './build-once';
import {
  ACTION_LABELS,
  bannerAlert,
  criticalBanner,
  feedRows,
  lane,
  literal,
  staleToggle,
  ticket,
} from './action-page';
import { CEDAR, USERS, startConsoleHarness, type ConsoleHarness } from './console-harness';
import { boardRoute, waitForLinkState } from './console-page';
import { probeLocation } from './probe-events';
import { placeTicketThatGetsStuck } from './scenarios/clear-stale-ticket';
import { signInToOverview } from './sign-in-to-overview';

/** Git-ignored (artifacts/ is in .gitignore). */
const OUT_DIR = join(REPO_ROOT, 'artifacts/screenshots/actions');
const DESK = { width: 1440, height: 900 } as const;
const WALL = { width: 1920, height: 1080 } as const;

/**
 * Issue 13's screenshots from the real hub with the demo running: the critical-alert
 * banner (with Acknowledge for an `operate` user), the "Stale (N)" group of a stuck
 * ticket, and the directory's real names, in English and Arabic, on the desk and on the
 * wall at 1920×1080; then the board and the Feed after a bump and an acknowledgement. For a person to look at; the assertions only check that what each
 * picture is meant to show is on the page when it is taken.
 */
describe('operator action screenshots', () => {
  let harness: ConsoleHarness | null = null;

  afterEach(async () => {
    await harness?.close();
    harness = null;
  });

  test('the alert banner, the stale group and real names are saved as PNGs in English and Arabic, desk and wall', async () => {
    mkdirSync(OUT_DIR, { recursive: true });
    harness = await startConsoleHarness({ backplane: 'memory', heartbeatMs: 5000, viewport: DESK });
    const stuck = await placeTicketThatGetsStuck(harness);
    const page = await signInToOverview(harness, USERS.operator, CEDAR);
    // The demo's own locations, so the alert reads with a real location name.
    const message = 'Card terminal offline at the bar';
    await harness.publish(CEDAR, [
      {
        type: 'alert',
        id: `e2e-alert-${probeLocation('shot')}`,
        location: 'beirut-downtown',
        data: { severity: 'critical', message },
      },
    ]);
    await criticalBanner(page).waitFor({ timeout: 10_000 });
    await page.goto(harness.consoleUrl + boardRoute(CEDAR, 'orders'));
    await staleToggle(page).waitFor({ timeout: Math.max(0, stuck.staleBy - Date.now()) + 15_000 });
    const saved: string[] = [];
    const shoot = async (name: string) => {
      await page.waitForTimeout(400);
      const file = join(OUT_DIR, `${name}.png`);
      await page.screenshot({ path: file });
      saved.push(file);
    };

    for (const locale of ['en', 'ar'] as const) {
      await page.setViewportSize(DESK);
      await page.goto(harness.consoleUrl + boardRoute(CEDAR, 'overview'));
      await page.getByRole('button', { name: locale === 'ar' ? 'العربية' : 'English' }).click();
      await expect
        .poll(() => page.locator('html').getAttribute('dir'))
        .toBe(locale === 'ar' ? 'rtl' : 'ltr');
      for (const board of ['overview', 'orders', 'floor', 'feed'] as const) {
        await page.goto(harness.consoleUrl + boardRoute(CEDAR, board));
        await page.locator(`[data-board="${board}"]`).waitFor({ timeout: 10_000 });
        await waitForLinkState(page, ['live']);
        if (board === 'orders') {
          await page.locator('[data-stale-tickets]').first().waitFor({ timeout: 10_000 });
          await page.locator('[data-stale-tickets] button[aria-expanded="false"]').click();
        }
        await shoot(`${CEDAR}-${board}-desk-${locale}`);
      }
      await page.setViewportSize(WALL);
      for (const board of ['overview', 'orders', 'floor'] as const) {
        await page.goto(harness.consoleUrl + boardRoute(CEDAR, board, true));
        await page.locator(`[data-board="${board}"]`).waitFor({ timeout: 10_000 });
        await expect.poll(() => page.locator('[data-wall]').count()).toBe(1);
        await page.locator('[data-critical-alerts]').waitFor({ timeout: 10_000 });
        await shoot(`${CEDAR}-${board}-wall-${locale}`);
      }
    }
    // After acting: the stuck ticket bumped back into the lanes, the alert acknowledged, and
    // the Feed's sentences saying who did both.
    await page.setViewportSize(DESK);
    await page.goto(harness.consoleUrl + boardRoute(CEDAR, 'overview'));
    await page.getByRole('button', { name: 'English' }).click();
    await page.goto(harness.consoleUrl + boardRoute(CEDAR, 'orders'));
    await staleToggle(page).click();
    await ticket(page, stuck.orderId)
      .getByRole('button', { name: ACTION_LABELS.bump.placed, exact: true })
      .click();
    await ticket(lane(page, 'Preparing'), stuck.orderId).waitFor({ timeout: 10_000 });
    await bannerAlert(page, message)
      .getByRole('button', { name: ACTION_LABELS.acknowledge, exact: true })
      .click();
    await bannerAlert(page, message).waitFor({ state: 'detached', timeout: 10_000 });
    await shoot(`${CEDAR}-orders-after-actions-desk-en`);
    for (const locale of ['en', 'ar'] as const) {
      await page.goto(harness.consoleUrl + boardRoute(CEDAR, 'overview'));
      await page.getByRole('button', { name: locale === 'ar' ? 'العربية' : 'English' }).click();
      await page.goto(harness.consoleUrl + boardRoute(CEDAR, 'feed'));
      await page.locator('[data-board="feed"]').waitFor({ timeout: 10_000 });
      if (locale === 'en')
        await feedRows(page, new RegExp(`${literal(USERS.operator.username)} acknowledged`))
          .first()
          .waitFor({ timeout: 10_000 });
      await shoot(`${CEDAR}-feed-after-actions-desk-${locale}`);
    }
    console.log(`[e2e] saved ${saved.length} screenshots under ${OUT_DIR}`);
    expect(saved).toHaveLength(2 * (4 + 3) + 3);
  }, 420_000);
});
