import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { BOARD_KINDS } from '../../protocol';
import { REPO_ROOT } from './build-once';
import { CEDAR, HARBOR, USERS, startConsoleHarness, type ConsoleHarness } from './console-harness';
import { boardRoute, waitForLinkState } from './console-page';
import { signInToOverview } from './sign-in-to-overview';

/** Git-ignored (artifacts/ is in .gitignore). */
const OUT_DIR = join(REPO_ROOT, 'artifacts/screenshots');
/** Let the demo fill the boards before the first picture. */
const DEMO_WARMUP_MS = 12_000;

/**
 * Screenshots of every board, in English and Arabic, on the desk and in wall mode, for a
 * person to look at. The assertions only check that each board rendered live.
 */
describe('browser console screenshots', () => {
  let harness: ConsoleHarness | null = null;

  afterEach(async () => {
    await harness?.close();
    harness = null;
  });

  test('every board renders live in English, Arabic and wall mode and is saved as a PNG', async () => {
    mkdirSync(OUT_DIR, { recursive: true });
    harness = await startConsoleHarness({
      backplane: 'memory',
      heartbeatMs: 5000,
      viewport: { width: 1440, height: 900 },
    });
    const page = await signInToOverview(harness, USERS.both, CEDAR);
    await page.waitForTimeout(DEMO_WARMUP_MS);
    const saved: string[] = [];

    for (const locale of ['en', 'ar'] as const) {
      await page.goto(harness.consoleUrl + boardRoute(CEDAR, 'overview'));
      await page.getByRole('button', { name: locale === 'ar' ? 'العربية' : 'English' }).click();
      await expect
        .poll(() => page.locator('html').getAttribute('dir'))
        .toBe(locale === 'ar' ? 'rtl' : 'ltr');
      for (const tenant of [CEDAR, HARBOR]) {
        for (const board of BOARD_KINDS) {
          await page.goto(harness.consoleUrl + boardRoute(tenant, board));
          await page.locator(`[data-board="${board}"]`).waitFor({ timeout: 10_000 });
          await waitForLinkState(page, ['live']);
          await page.waitForTimeout(400);
          const file = join(OUT_DIR, `${tenant}-${board}-${locale}.png`);
          await page.screenshot({ path: file });
          saved.push(file);
        }
      }
    }

    for (const locale of ['en', 'ar'] as const) {
      await page.goto(harness.consoleUrl + boardRoute(CEDAR, 'overview'));
      await page.getByRole('button', { name: locale === 'ar' ? 'العربية' : 'English' }).click();
      for (const board of BOARD_KINDS) {
        await page.goto(harness.consoleUrl + boardRoute(CEDAR, board, true));
        await page.locator(`[data-board="${board}"]`).waitFor({ timeout: 10_000 });
        await expect.poll(() => page.locator('[data-wall]').count()).toBe(1);
        // Every wall board carries its header: group name, clock and data age (issue 12).
        await expect.poll(() => page.locator('.wall-header').count()).toBe(1);
        await page.waitForTimeout(400);
        const file = join(OUT_DIR, `${CEDAR}-${board}-wall-${locale}.png`);
        await page.screenshot({ path: file });
        saved.push(file);
      }
    }
    console.log(`[e2e] saved ${saved.length} screenshots under ${OUT_DIR}`);
    expect(saved).toHaveLength(BOARD_KINDS.length * 6);
  }, 180_000);
});
