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
  ticket,
} from './action-page';
import { CEDAR, USERS, startConsoleHarness, type ConsoleHarness } from './console-harness';
import { boardRoute, waitForLinkState } from './console-page';
import { orderAt, probeLocation } from './probe-events';
import { signInToOverview } from './sign-in-to-overview';

/** Git-ignored (artifacts/ is in .gitignore). */
const OUT_DIR = join(REPO_ROOT, 'artifacts/screenshots/actions');
const DESK = { width: 1440, height: 900 } as const;
const WALL = { width: 1920, height: 1080 } as const;

/**
 * Issue 13's screenshots from the real hub with the demo running: the critical-alert
 * banner (with Acknowledge for an `operate` user) and the directory's real names, in
 * English and Arabic, on the desk and on the wall at 1920×1080; then the board and the
 * Feed after a bump and an acknowledgement. For a person to look at; the assertions only
 * check that what each picture is meant to show is on the page when it is taken. The
 * "Stale (N)" group is pictured by the stuck-ticket scenario (scenarios/clear-stale-ticket.ts),
 * which already waits out the shortest stale threshold (3 min), so CI waits for it once.
 */
describe('operator action screenshots', () => {
  let harness: ConsoleHarness | null = null;

  afterEach(async () => {
    await harness?.close();
    harness = null;
  });

  test('the alert banner and real names are saved as PNGs in English and Arabic, desk and wall', async () => {
    mkdirSync(OUT_DIR, { recursive: true });
    harness = await startConsoleHarness({ backplane: 'memory', heartbeatMs: 5000, viewport: DESK });
    // A ticket at a demo location (real name), bumped after the first pictures.
    const fresh = orderAt('beirut-downtown');
    const freshId = String(fresh.data?.orderId);
    await harness.publish(CEDAR, [fresh]);
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
        if (board === 'orders') await ticket(page, freshId).waitFor({ timeout: 10_000 });
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
    // After acting: the ticket bumped into Preparing, the alert acknowledged, and
    // the Feed's sentences saying who did both.
    await page.setViewportSize(DESK);
    await page.goto(harness.consoleUrl + boardRoute(CEDAR, 'overview'));
    await page.getByRole('button', { name: 'English' }).click();
    await page.goto(harness.consoleUrl + boardRoute(CEDAR, 'orders'));
    await ticket(page, freshId)
      .getByRole('button', { name: ACTION_LABELS.bump.placed, exact: true })
      .click();
    await ticket(lane(page, 'Preparing'), freshId).waitFor({ timeout: 10_000 });
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
