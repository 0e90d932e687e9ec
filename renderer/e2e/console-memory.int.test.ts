import { afterEach, describe, test } from 'vitest';
import { startConsoleHarness, type ConsoleHarness } from './console-harness';
import { arabicLayout } from './scenarios/arabic-layout-rtl-with-lbp';
import { corruptCacheDiscarded } from './scenarios/corrupt-cache-discarded';
import { firstLiveEvent } from './scenarios/live-event-within-2s';
import { offlineBannerAndCatchUp } from './scenarios/offline-banner-then-catch-up';
import { offlineReload } from './scenarios/offline-reload-shows-cached-board';
import { paymentsFilter } from './scenarios/payments-filter-by-location';
import { scopedTokens } from './scenarios/scoped-token-hides-other-tenants';
import { sharedLinkAcrossTabs } from './scenarios/tabs-share-one-link';
import { tokenRefreshKeepsLiveUntilRefused } from './scenarios/token-refresh-keeps-live-until-refused';

/** Issue 4's browser-console scenarios 1–6 against a real hub with the demo on the memory backplane. */
describe('browser console on the memory backplane', () => {
  const HEARTBEAT_MS = 1000;
  let harness: ConsoleHarness | null = null;

  afterEach(async () => {
    if (harness && process.env.OPS_E2E_VERBOSE)
      console.log(harness.browser.consoleLines.join('\n'));
    await harness?.close();
    harness = null;
  });

  async function start(options: { tokenTtl?: string } = {}): Promise<ConsoleHarness> {
    harness = await startConsoleHarness({
      backplane: 'memory',
      heartbeatMs: HEARTBEAT_MS,
      ...options,
    });
    return harness;
  }

  test('a signed-in single-tenant user lands on its Overview and sees an ingested event within 2 s', async () => {
    await firstLiveEvent(await start());
  });

  test('a user whose token lists only one tenant can neither see nor open the other, even by typing its URL', async () => {
    await scopedTokens(await start());
  });

  test('killing the hub shows Offline or Reconnecting with the snapshot age within 2 heartbeats, and a restart brings Live back with no missing seq', async () => {
    await offlineBannerAndCatchUp(await start(), HEARTBEAT_MS);
  }, 90_000);

  test('reloading while the hub is down shows the cached board at once, marked stale', async () => {
    await offlineReload(await start());
  });

  test('a corrupt cached board is discarded rather than shown, and rebuilt from the next snapshot', async () => {
    await corruptCacheDiscarded(await start());
  }, 90_000);

  test('Open in new window opens a signed-in tab on the same board that shares the one WebSocket', async () => {
    await sharedLinkAcrossTabs(await start());
  });

  test('with 3 s tokens the console stays Live across several token lifetimes without signing in again, and says Sign-in needed, keeping the board, only once the hub refuses the refresh token of a removed user', async () => {
    await tokenRefreshKeepsLiveUntilRefused(await start({ tokenTtl: '3s' }), 3000);
  }, 90_000);

  test('choosing a location in the Payments filter shows only that location’s payments', async () => {
    await paymentsFilter(await start());
  });

  test('switching to Arabic flips the layout to rtl and formats LBP with the Lebanese pound sign', async () => {
    await arabicLayout(await start());
  });
});
