import { expect } from 'vitest';
import { CEDAR, USERS, type ConsoleHarness } from '../console-harness';
import { locationRow, seqGaps, waitForDeliveredSeq, waitForLinkState } from '../console-page';
import { hubProbeOrders } from '../hub-probes';
import { orderAt, probeLocation } from '../probe-events';
import { signInToOverview } from '../sign-in-to-overview';

/** 3. Kill the hub: Offline/Reconnecting within 2 heartbeats with the snapshot age; restart: Live again and caught up with no missing seq. */
export async function offlineBannerAndCatchUp(
  harness: ConsoleHarness,
  heartbeatMs: number,
): Promise<void> {
  const page = await signInToOverview(harness, USERS.cedarOnly);
  const before = await harness.publish(CEDAR, [orderAt(probeLocation('before'))]);
  await waitForDeliveredSeq(page, CEDAR, before.lastSeq ?? 0);

  const killedAt = Date.now();
  await harness.hub.kill();
  const state = await waitForLinkState(page, ['offline', 'reconnecting'], 2 * heartbeatMs);
  console.log(
    `[e2e] hub killed: status read ${state} after ${Date.now() - killedAt} ms (heartbeat ${heartbeatMs} ms)`,
  );
  const banner = page.locator('[data-freshness="stale"]');
  await banner.waitFor({ timeout: 2 * heartbeatMs });
  expect(await banner.textContent()).toMatch(
    /(Offline|Reconnecting) — showing data from \d{2}:\d{2}, \S/,
  );

  await harness.hub.restart();
  // Events accepted before the console reconnects must reach it through resume (or a fresh snapshot), in order.
  const probe = probeLocation('caught-up');
  const during = await harness.publish(
    CEDAR,
    Array.from({ length: 20 }, () => orderAt(probe)),
  );
  await waitForLinkState(page, ['live'], 45_000);
  await waitForDeliveredSeq(page, CEDAR, during.lastSeq ?? 0, 15_000);
  const after = await harness.publish(
    CEDAR,
    Array.from({ length: 5 }, () => orderAt(probe)),
  );
  await waitForDeliveredSeq(page, CEDAR, after.lastSeq ?? 0, 15_000);
  expect(await seqGaps(page)).toBe(0);
  // The page's board agrees with the hub's own board for the probe location.
  const hubOrders = await hubProbeOrders(harness, probe);
  console.log(
    `[e2e] after restart (${harness.redis ? 'redis' : 'memory'}): hub board has ${hubOrders} of the 25 probe orders`,
  );
  await expect
    .poll(() => locationRow(page, probe).getByRole('cell').first().textContent(), { timeout: 5000 })
    .toBe(String(hubOrders));
  if (harness.redis) expect(hubOrders).toBe(25);
  else expect(hubOrders).toBeGreaterThanOrEqual(5);
  await banner.waitFor({ state: 'detached', timeout: 5000 });
}
