import { expect } from 'vitest';
import { CEDAR, USERS, type ConsoleHarness } from '../console-harness';
import {
  linkStatus,
  locationRow,
  waitForDeliveredSeq,
  waitForLinkState,
  waitForShellWorker,
} from '../console-page';
import { orderAt, probeLocation } from '../probe-events';
import { signInToOverview } from '../sign-in-to-overview';

/** 4. Reload while the hub is down: the last snapshot shows at once, marked stale. */
export async function offlineReload(harness: ConsoleHarness): Promise<void> {
  const page = await signInToOverview(harness, USERS.cedarOnly);
  const probe = probeLocation('cached');
  const last = await harness.publish(CEDAR, [orderAt(probe), orderAt(probe), orderAt(probe)]);
  await waitForDeliveredSeq(page, CEDAR, last.lastSeq ?? 0);
  await expect
    .poll(() => locationRow(page, probe).getByRole('cell').first().textContent())
    .toBe('3');

  await waitForShellWorker(page);
  await harness.hub.kill();
  await waitForLinkState(page, ['offline', 'reconnecting']);
  const reloadedAt = Date.now();
  await page.reload();
  await locationRow(page, probe).waitFor({ timeout: 3000 });
  console.log(
    `[e2e] offline reload: cached board shown ${Date.now() - reloadedAt} ms after reload`,
  );
  expect(await locationRow(page, probe).getByRole('cell').first().textContent()).toBe('3');
  const banner = page.locator('[data-freshness="stale"]');
  await banner.waitFor({ timeout: 3000 });
  expect(await banner.textContent()).toMatch(
    /(Offline|Reconnecting) — showing data from \d{2}:\d{2}, \S/,
  );
  expect(await linkStatus(page).getAttribute('data-link-state')).not.toBe('live');
}
