import { afterEach, describe, test } from 'vitest';
import { startConsoleHarness, type ConsoleHarness } from './console-harness';
import { firstLiveEvent } from './scenarios/live-event-within-2s';
import { offlineBannerAndCatchUp } from './scenarios/offline-banner-then-catch-up';

/** Issue 4's scenarios 1 and 3 against a real hub on the Redis backplane (a real redis-server). */
describe('browser console on the Redis backplane', () => {
  const HEARTBEAT_MS = 1000;
  let harness: ConsoleHarness | null = null;

  afterEach(async () => {
    await harness?.close();
    harness = null;
  });

  test('a signed-in user sees an event ingested through a Redis-backed hub within 2 s', async () => {
    harness = await startConsoleHarness({ backplane: 'redis', heartbeatMs: HEARTBEAT_MS });
    await firstLiveEvent(harness);
  });

  test('after a Redis-backed hub is killed and restarted the console goes Offline, then Live again with no missing seq', async () => {
    harness = await startConsoleHarness({ backplane: 'redis', heartbeatMs: HEARTBEAT_MS });
    await offlineBannerAndCatchUp(harness, HEARTBEAT_MS);
  }, 90_000);
});
