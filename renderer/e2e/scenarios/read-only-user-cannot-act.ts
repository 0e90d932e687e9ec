import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { ErrorMessage, SnapshotMessage } from '../../../protocol';
import { launchChromium } from '../../../test-support/browser';
import { CEDAR, USERS, type ConsoleHarness } from '../console-harness';
import { boardRoute, waitForLinkState } from '../console-page';
import {
  ACTION_LABELS,
  actionControls,
  bannerAlert,
  EVERY_ACTION_LABEL,
  lane,
  ticket,
} from '../action-page';
import { openWindow } from '../operator-windows';
import { orderAt, probeLocation } from '../probe-events';
import { signInToOverview } from '../sign-in-to-overview';
import { hubSeqNow, passwordToken, rawHubSocket } from '../tenant-log-probe';

/** How long the hub gets to (wrongly) append something after refusing, ms. */
const QUIET_AFTER_REFUSAL_MS = 1500;

/**
 * Issue 13: a `read`-only user sees the same ticket and critical alert as an `operate`
 * user but no action control at all; and an `action` frame forged with that user's own
 * token on a raw WebSocket gets `error {code:'forbidden', id}` while the tenant's seq
 * does not move. The operate user's window is the control: there the buttons exist, so
 * "no buttons" cannot pass because the page never drew any.
 */
export async function readOnlyUserCannotAct(harness: ConsoleHarness): Promise<void> {
  const location = probeLocation('read-only');
  const order = orderAt(location);
  const orderId = String(order.data?.orderId);
  const alertId = `e2e-alert-${location}`;
  const message = `Delivery partner API timing out (${location})`;
  await harness.publish(CEDAR, [
    order,
    { type: 'order.status', location, data: { orderId, status: 'accepted' } },
    { type: 'alert', id: alertId, location, data: { severity: 'critical', message } },
  ]);

  const operatorOrders = await openWindow(harness, CEDAR, 'orders');
  const viewerBrowser = await launchChromium();
  try {
    const operatorTicket = ticket(lane(operatorOrders, 'Accepted'), orderId);
    await operatorTicket.waitFor({ timeout: 5000 });
    await operatorTicket
      .getByRole('button', { name: ACTION_LABELS.bump.accepted, exact: true })
      .waitFor({ timeout: 5000 });
    await bannerAlert(operatorOrders, message)
      .getByRole('button', { name: ACTION_LABELS.acknowledge, exact: true })
      .waitFor({ timeout: 5000 });
    expect(await actionControls(operatorOrders).count()).toBeGreaterThan(0);

    const viewer = await signInToOverview(harness, USERS.cedarOnly, CEDAR, viewerBrowser);
    await viewer.goto(harness.consoleUrl + boardRoute(CEDAR, 'orders'));
    await waitForLinkState(viewer, ['live']);
    await ticket(lane(viewer, 'Accepted'), orderId).waitFor({ timeout: 5000 });
    await bannerAlert(viewer, message).waitFor({ timeout: 5000 });
    expect(await actionButtonsOn(viewer)).toEqual([]);
    await viewer.goto(harness.consoleUrl + boardRoute(CEDAR, 'feed'));
    await viewer.locator('[data-board="feed"]').waitFor({ timeout: 5000 });
    expect(await actionButtonsOn(viewer)).toEqual([]);
  } finally {
    await operatorOrders.close();
    await viewerBrowser.close();
  }

  // The same user's token, as the console got it at sign-in, used outside the console.
  const { token, scope } = await passwordToken(harness, USERS.cedarOnly);
  expect(scope.split(' ')).not.toContain('operate');
  const socket = await rawHubSocket(harness, token);
  try {
    socket.send({ type: 'subscribe', tenant: CEDAR });
    const snapshot = await socket.waitFor<SnapshotMessage>(
      (frame) => frame.type === 'snapshot' && frame.tenant === CEDAR,
    );
    const forged = [
      { id: `forged-${randomUUID()}`, action: 'order.bump', target: orderId },
      { id: `forged-${randomUUID()}`, action: 'alert.acknowledge', target: alertId },
      {
        id: `forged-${randomUUID()}`,
        action: 'order.clear',
        target: orderId,
        reason: 'Test order',
      },
    ];
    for (const frame of forged) {
      socket.send({ type: 'action', tenant: CEDAR, ...frame });
      const refusal = await socket.waitFor<ErrorMessage>(
        (answer) => answer.type === 'error' && answer.id === frame.id,
      );
      expect(refusal.code, `${frame.action} from a read-only token`).toBe('forbidden');
    }
    await new Promise((resolve) => setTimeout(resolve, QUIET_AFTER_REFUSAL_MS));
    expect(socket.frames.some((frame) => frame.type === 'ack')).toBe(false);
    expect(socket.events(CEDAR).filter((frame) => frame.seq > snapshot.seq)).toEqual([]);
    expect(await hubSeqNow(harness, CEDAR)).toBe(snapshot.seq);
  } finally {
    await socket.close();
  }
}

/** Every action control on the page, wherever it is: by accessible name and by `data-action`. */
async function actionButtonsOn(page: Page): Promise<string[]> {
  const found: string[] = [];
  const marked = await actionControls(page).count();
  if (marked > 0) found.push(`[data-action] ×${marked}`);
  for (const label of EVERY_ACTION_LABEL) {
    const count = await page.getByRole('button', { name: label, exact: true }).count();
    if (count > 0) found.push(`${label} ×${count}`);
  }
  return found;
}
