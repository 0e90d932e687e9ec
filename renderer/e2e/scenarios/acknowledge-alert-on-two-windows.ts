import { expect } from 'vitest';
import { CEDAR, USERS, type ConsoleHarness } from '../console-harness';
import {
  ACTION_LABELS,
  SEEN_EVERYWHERE_WITHIN_MS,
  bannerAlert,
  feedRows,
  literal,
} from '../action-page';
import { withTwoWindows } from '../operator-windows';
import { probeLocation } from '../probe-events';
import type { TenantLogWatch } from '../tenant-log-probe';

/**
 * Issue 13: a critical alert a producer raises shows as a banner on two windows of an
 * `operate` user; acknowledging it in one clears it in both, the hub's log records who
 * did it, and the Feed says so ("shift-lead acknowledged: …").
 * Needs `USERS.operator` signed in in the harness's browser.
 */
export async function acknowledgeAlertOnTwoWindows(
  harness: ConsoleHarness,
  log: TenantLogWatch,
): Promise<void> {
  await withTwoWindows(harness, CEDAR, 'overview', async (desk, kitchen) => {
    const location = probeLocation('alert');
    const alertId = `e2e-alert-${location}`;
    const message = `Card terminal offline at the bar (${location})`;
    await harness.publish(CEDAR, [
      { type: 'alert', id: alertId, location, data: { severity: 'critical', message } },
    ]);
    await bannerAlert(desk, message).waitFor({ timeout: SEEN_EVERYWHERE_WITHIN_MS });
    await bannerAlert(kitchen, message).waitFor({ timeout: SEEN_EVERYWHERE_WITHIN_MS });

    await bannerAlert(desk, message)
      .getByRole('button', { name: ACTION_LABELS.acknowledge, exact: true })
      .click();

    await bannerAlert(desk, message).waitFor({
      state: 'detached',
      timeout: SEEN_EVERYWHERE_WITHIN_MS,
    });
    await bannerAlert(kitchen, message).waitFor({
      state: 'detached',
      timeout: SEEN_EVERYWHERE_WITHIN_MS,
    });

    const acknowledged = await log.waitForEvent(
      (frame) => frame.event.type === 'alert.acknowledged' && frame.event.data.alertId === alertId,
    );
    expect(acknowledged.event.data).toMatchObject({ alertId, by: USERS.operator.username });
    expect(acknowledged.event.data.actionId).toEqual(expect.any(String));
    expect(
      log
        .events()
        .filter(
          (frame) =>
            frame.event.type === 'alert.acknowledged' && frame.event.data.alertId === alertId,
        ),
      'one click, one acknowledgement',
    ).toHaveLength(1);

    await kitchen.goto(harness.consoleUrl + `#/t/${CEDAR}/feed`);
    await feedRows(
      kitchen,
      new RegExp(`${literal(USERS.operator.username)} acknowledged.*${literal(message)}`),
    ).waitFor({ timeout: SEEN_EVERYWHERE_WITHIN_MS });
  });
}
