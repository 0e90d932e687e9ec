import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { CEDAR, USERS, startConsoleHarness, type ConsoleHarness } from './console-harness';
import { acknowledgeAlertOnTwoWindows } from './scenarios/acknowledge-alert-on-two-windows';
import { bumpTicketThroughLanes } from './scenarios/bump-ticket-through-lanes';
import {
  clearStuckTicket,
  placeTicketThatGetsStuck,
  type StuckTicket,
} from './scenarios/clear-stale-ticket';
import { readOnlyUserCannotAct } from './scenarios/read-only-user-cannot-act';
import { signInToOverview } from './sign-in-to-overview';
import { watchTenantLog, type TenantLogWatch } from './tenant-log-probe';

/**
 * Issue 13's operator actions end to end: a real hub process (no demo, so every event
 * and every seq is the test's own), the built console in Chromium, a shift lead with
 * `operate` signed in once (their windows share the SharedWorker link), a producer
 * posting over HTTP ingest, and a separate subscriber recording what the hub sequenced.
 * One hub for the file: the stuck ticket needs minutes to go stale, and ages while the
 * other scenarios run.
 */
describe('operator actions in the browser console against a real hub', () => {
  let harness: ConsoleHarness;
  let log: TenantLogWatch;
  let home: Page;
  let stuck: StuckTicket;

  beforeAll(async () => {
    harness = await startConsoleHarness({ backplane: 'memory', demo: false });
    try {
      stuck = await placeTicketThatGetsStuck(harness);
      log = await watchTenantLog(harness, CEDAR);
      // Kept open for the whole file, so the signed-in link outlives every scenario's windows.
      home = await signInToOverview(harness, USERS.operator);
    } catch (error) {
      console.log(harness.hub.output());
      await harness.close();
      throw error;
    }
  }, 120_000);

  afterAll(async () => {
    if (process.env.OPS_E2E_VERBOSE) console.log(harness?.browser.consoleLines.join('\n'));
    await home?.close();
    await log?.close();
    await harness?.close();
  });

  test('a critical alert a producer raises shows on two windows of an operate user, one Acknowledge clears both, and the Feed names who acknowledged it', async () => {
    await acknowledgeAlertOnTwoWindows(harness, log);
  }, 60_000);

  test('an operate user bumps an accepted ticket through Preparing and Ready to served, and the second window follows each step', async () => {
    await bumpTicketThroughLanes(harness, log);
  }, 60_000);

  test('a read-only user sees no action controls, and an action frame forged with their token is forbidden with its id and appends nothing', async () => {
    await readOnlyUserCannotAct(harness);
  }, 90_000);

  test('a ticket stuck past its location’s stale threshold sits in the Stale group, and clearing it with a reason takes it off both windows', async () => {
    await clearStuckTicket(harness, log, stuck);
  }, 300_000);
});
