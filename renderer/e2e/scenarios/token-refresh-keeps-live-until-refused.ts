import { expect } from 'vitest';
import { CEDAR, USERS, type ConsoleHarness } from '../console-harness';
import {
  deliveredSeq,
  kpiValue,
  linkStatus,
  recordedLinkStates,
  recordLinkStates,
  signIn,
  waitForDeliveredSeq,
  waitForLinkState,
} from '../console-page';
import { orderAt, probeLocation } from '../probe-events';
import { signInToOverview } from '../sign-in-to-overview';

/**
 * The browser keeps no password, but the link worker keeps the refresh token in
 * memory: with short access tokens the page stays Live across several token
 * lifetimes without signing in again. Once the hub refuses the refresh token
 * (the user was removed with the CLI) the status says Sign-in needed, the board
 * stays on screen marked stale, and signing in again brings the link back to Live.
 */
export async function tokenRefreshKeepsLiveUntilRefused(
  harness: ConsoleHarness,
  tokenTtlMs: number,
): Promise<void> {
  const user = USERS.cedarOnly;
  const page = await signInToOverview(harness, user);
  await recordLinkStates(page);
  await page.waitForTimeout(4 * tokenTtlMs);
  const probe = probeLocation('refreshed');
  const last = await harness.publish(CEDAR, [orderAt(probe)]);
  await waitForDeliveredSeq(page, CEDAR, last.lastSeq ?? 0);
  // Never anything but Live: every renewal happened in-band with a refreshed token, with no reconnect.
  expect(await recordedLinkStates(page)).toEqual(['live']);

  const removed = harness.hub.runCli(['users', 'remove', user.username]);
  expect(removed.status).toBe(0);
  const removedAt = Date.now();
  await waitForLinkState(page, ['auth_required'], 3 * tokenTtlMs + 10_000);
  console.log(
    `[e2e] user removed: status read Sign-in needed after ${Date.now() - removedAt} ms (token lifetime ${tokenTtlMs} ms)`,
  );
  expect(await linkStatus(page).textContent()).toContain('Sign-in needed');
  // The board stays on screen, marked stale, with what it had received.
  await page.locator('[data-freshness="stale"]').waitFor({ timeout: 3000 });
  expect(await kpiValue(page, 'Orders today').isVisible()).toBe(true);
  expect(await deliveredSeq(page, CEDAR)).toBeGreaterThanOrEqual(last.lastSeq ?? 1);

  await harness.hub.addUser(user.username, user.password, {
    tenants: [...user.tenants],
    scope: 'read',
  });
  await page.getByRole('button', { name: 'Sign in again' }).click();
  await signIn(page, user.username, user.password);
  await waitForLinkState(page, ['live'], 10_000);
}
