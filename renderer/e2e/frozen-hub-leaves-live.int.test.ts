import { afterEach, describe, expect, test } from 'vitest';
import { startConsoleHarness, USERS, type ConsoleHarness } from './console-harness';
import { linkStatus, recordedLinkStates, recordLinkStates, waitForLinkState } from './console-page';
import { signInToOverview } from './sign-in-to-overview';

/** The hub's default application heartbeat: what a real deployment runs with. */
const APP_HEARTBEAT_MS = 5000;
/** Issue 12: a frozen hub leaves "Live" within 10 s, and a resumed one is live within 5 s. */
const LEAVE_LIVE_WITHIN_MS = 10_000;
const LIVE_AGAIN_WITHIN_MS = 5000;
/**
 * Timers fire late and Chromium paints late on a 2-core box shared with other test
 * runs; this much lateness is allowed on top of each bound (the figures are logged).
 */
const LOADED_BOX_MARGIN_MS = 1500;

describe('a frozen hub (SIGSTOP) in the browser console', () => {
  let harness: ConsoleHarness | null = null;

  afterEach(async () => {
    harness?.hub.resume();
    if (harness && process.env.OPS_E2E_VERBOSE)
      console.log(harness.browser.consoleLines.join('\n'));
    await harness?.close();
    harness = null;
  });

  test('an idle page stays Live on hub heartbeats, leaves Live within 10 s of the hub freezing, offers Retry now, and is Live again within 5 s of SIGCONT', async () => {
    // No demo: the only frames on the idle link are the hub's heartbeats.
    harness = await startConsoleHarness({
      backplane: 'memory',
      demo: false,
      heartbeatMs: 30_000,
      appHeartbeatMs: APP_HEARTBEAT_MS,
    });
    const page = await signInToOverview(harness, USERS.cedarOnly);
    await recordLinkStates(page);

    // Three heartbeat intervals with nothing to say: only heartbeat frames keep the link live.
    await page.waitForTimeout(3 * APP_HEARTBEAT_MS);
    expect(await recordedLinkStates(page)).toEqual(['live']);

    const frozenAt = Date.now();
    harness.hub.pause();
    await waitForLinkState(
      page,
      ['reconnecting', 'offline'],
      LEAVE_LIVE_WITHIN_MS + LOADED_BOX_MARGIN_MS,
    );
    const leftLiveAfter = Date.now() - frozenAt;
    console.log(`[e2e] hub frozen: the page left Live after ${leftLiveAfter} ms`);
    expect(leftLiveAfter).toBeLessThanOrEqual(LEAVE_LIVE_WITHIN_MS + LOADED_BOX_MARGIN_MS);
    expect(await linkStatus(page).textContent()).not.toContain('Live');
    const retry = page.getByRole('button', { name: 'Retry now' });
    await retry.waitFor({ timeout: 5000 });
    await retry.click();
    // Still frozen: the attempt Retry now started hangs, and the page does not claim Live.
    await page.waitForTimeout(2000);
    expect(await linkStatus(page).getAttribute('data-link-state')).not.toBe('live');

    const resumedAt = Date.now();
    harness.hub.resume();
    await waitForLinkState(page, ['live'], LIVE_AGAIN_WITHIN_MS + LOADED_BOX_MARGIN_MS);
    const liveAgainAfter = Date.now() - resumedAt;
    console.log(`[e2e] hub resumed: the page was Live again after ${liveAgainAfter} ms`);
    expect(liveAgainAfter).toBeLessThanOrEqual(LIVE_AGAIN_WITHIN_MS + LOADED_BOX_MARGIN_MS);
    expect(await recordedLinkStates(page)).toEqual(['live', 'reconnecting', 'live']);
  }, 120_000);
});
