import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { CEDAR, USERS, type ConsoleHarness } from '../console-harness';
import {
  ACTION_LABELS,
  SEEN_EVERYWHERE_WITHIN_MS,
  lane,
  recentlyClosedToggle,
  ticket,
} from '../action-page';
import { withTwoWindows } from '../operator-windows';
import { orderAt, probeLocation } from '../probe-events';
import type { TenantLogWatch } from '../tenant-log-probe';

/** The three bumps of an accepted ticket: which button, and the lane it moves to (null: served, off the board). */
const BUMPS = [
  { button: ACTION_LABELS.bump.accepted, to: 'Preparing' },
  { button: ACTION_LABELS.bump.preparing, to: 'Ready' },
  { button: ACTION_LABELS.bump.ready, to: null },
] as const;

/**
 * Issue 13: an `operate` user bumps an accepted ticket through its lanes (accepted →
 * preparing → ready → served) from one window; the second window follows every step,
 * and served takes the ticket off the board; Recall from "Recently closed" brings it
 * back to Ready on both. Needs `USERS.operator` signed in.
 */
export async function bumpTicketThroughLanes(
  harness: ConsoleHarness,
  log: TenantLogWatch,
): Promise<void> {
  await withTwoWindows(harness, CEDAR, 'orders', async (desk, kitchen) => {
    const order = orderAt(probeLocation('bump'));
    const orderId = String(order.data?.orderId);
    await harness.publish(CEDAR, [
      order,
      {
        type: 'order.status',
        location: order.location,
        data: { orderId, status: 'accepted' },
      },
    ]);
    let from = 'Accepted';
    await waitInLane([desk, kitchen], from, orderId);

    for (const step of BUMPS) {
      await ticket(lane(desk, from), orderId)
        .getByRole('button', { name: step.button, exact: true })
        .click();
      if (step.to === null) {
        for (const page of [desk, kitchen])
          await ticket(page, orderId).waitFor({
            state: 'detached',
            timeout: SEEN_EVERYWHERE_WITHIN_MS,
          });
      } else {
        await waitInLane([desk, kitchen], step.to, orderId);
        from = step.to;
      }
    }

    // Served by mistake: Recall from "Recently closed" brings it back as it was, on both windows.
    await recentlyClosedToggle(desk).click();
    await ticket(desk, orderId)
      .getByRole('button', { name: ACTION_LABELS.recall, exact: true })
      .click();
    await waitInLane([desk, kitchen], 'Ready', orderId);

    const bumpsOf = () =>
      log
        .events()
        .filter(
          (frame) => frame.event.type === 'order.bumped' && frame.event.data.orderId === orderId,
        );
    await expect.poll(() => bumpsOf().length, { timeout: SEEN_EVERYWHERE_WITHIN_MS }).toBe(3);
    const bumps = bumpsOf();
    expect(bumps.map((frame) => frame.event.data.by)).toEqual([
      USERS.operator.username,
      USERS.operator.username,
      USERS.operator.username,
    ]);
    expect(
      new Set(bumps.map((frame) => frame.event.data.actionId)).size,
      'three clicks, three action ids',
    ).toBe(3);
    const recalled = await log.waitForEvent(
      (frame) => frame.event.type === 'order.recalled' && frame.event.data.orderId === orderId,
    );
    expect(recalled.event.data.by).toBe(USERS.operator.username);
  });
}

/** Waits until `orderId` shows in the lane titled `title` on every page. */
async function waitInLane(pages: Page[], title: string, orderId: string): Promise<void> {
  for (const page of pages)
    await ticket(lane(page, title), orderId).waitFor({ timeout: SEEN_EVERYWHERE_WITHIN_MS });
}
