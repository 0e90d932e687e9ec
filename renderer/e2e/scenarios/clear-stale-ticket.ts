import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { REPO_ROOT } from '../build-once';
import { CEDAR, USERS, type ConsoleHarness } from '../console-harness';
import {
  ACTION_LABELS,
  SEEN_EVERYWHERE_WITHIN_MS,
  feedRows,
  literal,
  recentlyClosedToggle,
  staleToggle,
  ticket,
} from '../action-page';
import { withTwoWindows } from '../operator-windows';
import { orderAt, probeLocation } from '../probe-events';
import type { TenantLogWatch } from '../tenant-log-probe';

/**
 * The shortest thresholds the directory accepts (late < overdue < stale, whole minutes):
 * the probe location's tickets go stale after 3 minutes instead of 30.
 */
const THRESHOLDS_MIN = { late: 1, overdue: 2, stale: 3 } as const;

/** A ticket placed at a location whose directory entry makes it stale within minutes. */
export interface StuckTicket {
  orderId: string;
  location: string;
  /** When the hub accepted its order.placed, epoch ms (at most; measured before the post). */
  placedAt: number;
  /** When it is stale at the latest, epoch ms. */
  staleBy: number;
}

/**
 * Puts a probe location into the tenant directory with the shortest kitchen thresholds,
 * through `ops-hub tenants` against the running hub (it picks directory changes up
 * live), and places one order there whose closing event never comes. Start it early:
 * the ticket needs `THRESHOLDS_MIN.stale` minutes to go stale. Call it before opening
 * Node-side sockets to the hub: the CLI runs synchronously and blocks this process's
 * event loop for seconds, long enough for the hub's heartbeat to drop a socket whose
 * pings go unanswered.
 * @throws when the CLI refuses the directory change.
 */
export async function placeTicketThatGetsStuck(
  harness: ConsoleHarness,
  tenant = CEDAR,
): Promise<StuckTicket> {
  const location = probeLocation('stuck');
  const known = harness.hub.runCli(['tenants', 'show', tenant]);
  if (known.status !== 0) {
    const added = harness.hub.runCli(['tenants', 'add', tenant, '--name', 'Cedar Group']);
    if (added.status !== 0) throw new Error(`ops-hub tenants add failed: ${added.stderr}`);
  }
  const located = harness.hub.runCli([
    'tenants',
    'locations',
    'add',
    tenant,
    location,
    '--name',
    'E2E Kitchen',
    '--late',
    String(THRESHOLDS_MIN.late),
    '--overdue',
    String(THRESHOLDS_MIN.overdue),
    '--stale',
    String(THRESHOLDS_MIN.stale),
  ]);
  if (located.status !== 0)
    throw new Error(`ops-hub tenants locations add failed: ${located.stderr}`);
  const order = orderAt(location);
  const placedAt = Date.now();
  await harness.publish(tenant, [order]);
  return {
    orderId: String(order.data?.orderId),
    location,
    placedAt,
    staleBy: Date.now() + THRESHOLDS_MIN.stale * 60_000,
  };
}

/**
 * Issue 13: a stuck ticket sits in the collapsed "Stale (N)" group, off the lanes; an
 * `operate` user clears it with a reason from one window and it leaves the board on both;
 * the log records who and why, and the Feed says so.
 */
export async function clearStuckTicket(
  harness: ConsoleHarness,
  log: TenantLogWatch,
  stuck: StuckTicket,
): Promise<void> {
  await withTwoWindows(harness, CEDAR, 'orders', async (desk, kitchen) => {
    const staleWithin = Math.max(0, stuck.staleBy - Date.now()) + 15_000;
    for (const page of [desk, kitchen]) await staleToggle(page).waitFor({ timeout: staleWithin });
    // Collapsed, the group hides its tickets: the stuck one is in no lane any more.
    await expect.poll(() => ticket(desk, stuck.orderId).count()).toBe(0);
    expect(await staleToggle(desk).textContent()).toMatch(/Stale \(1\)$/);

    await staleToggle(desk).click();
    const stale = ticket(desk, stuck.orderId);
    await stale.waitFor({ timeout: SEEN_EVERYWHERE_WITHIN_MS });
    // The one real-hub picture of the open "Stale (N)" group (git-ignored artifacts/): taken
    // here because this scenario already waits out the stale threshold.
    const shots = join(REPO_ROOT, 'artifacts/screenshots/actions');
    mkdirSync(shots, { recursive: true });
    await desk.screenshot({ path: join(shots, `${CEDAR}-stale-group-desk-en.png`) });
    await stale.getByRole('button', { name: ACTION_LABELS.clear, exact: true }).click();
    await desk.getByLabel(ACTION_LABELS.duplicateReason, { exact: true }).check();
    await desk.getByRole('button', { name: ACTION_LABELS.confirmClear, exact: true }).click();

    for (const page of [desk, kitchen]) {
      await staleToggle(page).waitFor({ state: 'detached', timeout: SEEN_EVERYWHERE_WITHIN_MS });
      expect(await ticket(page, stuck.orderId).count()).toBe(0);
    }

    const cleared = await log.waitForEvent(
      (frame) => frame.event.type === 'order.cleared' && frame.event.data.orderId === stuck.orderId,
    );
    expect(cleared.event.data).toMatchObject({
      orderId: stuck.orderId,
      by: USERS.operator.username,
      reason: ACTION_LABELS.duplicateReason,
    });

    // Off the board, not forgotten: "Recently closed" says who cleared it and why.
    await recentlyClosedToggle(kitchen).click();
    await ticket(kitchen, stuck.orderId)
      .filter({
        hasText: new RegExp(
          `Cleared by ${literal(USERS.operator.username)} — ${literal(ACTION_LABELS.duplicateReason)}`,
        ),
      })
      .waitFor({ timeout: SEEN_EVERYWHERE_WITHIN_MS });

    await kitchen.goto(harness.consoleUrl + `#/t/${CEDAR}/feed`);
    await feedRows(
      kitchen,
      new RegExp(
        `${literal(USERS.operator.username)} cleared ${literal(stuck.orderId)}.*${literal(ACTION_LABELS.duplicateReason)}`,
      ),
    ).waitFor({ timeout: SEEN_EVERYWHERE_WITHIN_MS });
  });
}
