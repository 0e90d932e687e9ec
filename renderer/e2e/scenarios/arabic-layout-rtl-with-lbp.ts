import { expect } from 'vitest';
import { CEDAR, USERS, type ConsoleHarness } from '../console-harness';
import { linkStatus, locationRow, waitForDeliveredSeq } from '../console-page';
import { orderAt, probeLocation } from '../probe-events';
import { signInToOverview } from '../sign-in-to-overview';

/** 6. Switching to Arabic sets dir="rtl" and formats LBP amounts with the Lebanese pound sign and no fraction. */
export async function arabicLayout(harness: ConsoleHarness): Promise<void> {
  const page = await signInToOverview(harness, USERS.cedarOnly);
  const probe = probeLocation('lbp');
  const last = await harness.publish(CEDAR, [orderAt(probe, 1_234_500, 'LBP')]);
  await waitForDeliveredSeq(page, CEDAR, last.lastSeq ?? 0);
  expect(await page.locator('html').getAttribute('dir')).toBe('ltr');

  await page.getByRole('button', { name: 'العربية' }).click();
  await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
  expect(await page.locator('html').getAttribute('lang')).toMatch(/^ar/);
  const revenue = (await locationRow(page, probe).getByRole('cell').nth(1).textContent()) ?? '';
  const plain = revenue.replace(/[\u200e\u200f\u061c\u00a0\u202f]/g, ' ').trim();
  console.log(`[e2e] Arabic revenue cell for 1,234,500 LBP: ${JSON.stringify(revenue)}`);
  expect(plain).toContain('ل.ل');
  expect(plain).toMatch(/1[,٬]234[,٬]500(?![.,٫]\d)/);
  // The status bar speaks Arabic too, and the link contract attribute is unchanged.
  expect(await linkStatus(page).getAttribute('data-link-state')).toBe('live');
  expect(await linkStatus(page).textContent()).not.toContain('Live');
}
