import { afterEach, describe, expect, test } from 'vitest';
import type { EventInput } from '../../protocol';
import { CEDAR, USERS, startConsoleHarness, type ConsoleHarness } from './console-harness';
import {
  boardRoute,
  deliveredSeq,
  seqGaps,
  waitForDeliveredSeq,
  waitForLinkState,
} from './console-page';
import { orderAt, paymentAt, probeLocation } from './probe-events';
import { signInToOverview } from './sign-in-to-overview';

const RATE_PER_SEC = 200;
const DURATION_SEC = 30;
const BATCHES_PER_SEC = 10;

/** Installs a PerformanceObserver for long tasks in the page; read back with `readLongTasks`. */
const OBSERVE_LONG_TASKS = () => {
  const scope = globalThis as unknown as {
    e2eLongTasks: number[];
    PerformanceObserver: new (
      cb: (list: { getEntries(): Array<{ duration: number }> }) => void,
    ) => { observe(options: object): void };
  };
  scope.e2eLongTasks = [];
  new scope.PerformanceObserver((list) => {
    for (const entry of list.getEntries()) scope.e2eLongTasks.push(entry.duration);
  }).observe({ type: 'longtask' });
};

function mixedBatch(locations: string[], size: number): EventInput[] {
  return Array.from({ length: size }, (_, index) => {
    const location = locations[index % locations.length] as string;
    return index % 4 === 3
      ? paymentAt(
          location,
          index % 8 === 3 ? 'cash' : 'card',
          index % 16 === 3 ? 'failed' : 'captured',
        )
      : orderAt(location);
  });
}

/**
 * Issue 4, scenario 7: 200 events/s for 30 s into one open board. The long-task
 * figure is REPORTED (printed), not asserted; the test asserts correctness: no
 * missing seq, every event delivered, and the page still answers input.
 */
describe('browser console under sustained load', () => {
  let harness: ConsoleHarness | null = null;

  afterEach(async () => {
    await harness?.close();
    harness = null;
  });

  test('200 events/s for 30 s into an open Orders board arrive without a missing seq and the page stays responsive', async () => {
    harness = await startConsoleHarness({ backplane: 'memory', heartbeatMs: 5000 });
    const page = await signInToOverview(harness, USERS.cedarOnly);
    await page.goto(harness.consoleUrl + boardRoute(CEDAR, 'orders'));
    await page.locator('[data-board="orders"]').waitFor();
    await page.evaluate(OBSERVE_LONG_TASKS);

    const locations = [probeLocation('load-a'), probeLocation('load-b'), probeLocation('load-c')];
    const batchSize = RATE_PER_SEC / BATCHES_PER_SEC;
    const startedAt = Date.now();
    let sent = 0;
    let lastSeq = 0;
    for (let batch = 0; batch < DURATION_SEC * BATCHES_PER_SEC; batch += 1) {
      // Paced by the schedule, not by the previous call, so the rate holds even when a call is slow.
      const due = startedAt + (batch * 1000) / BATCHES_PER_SEC;
      const wait = due - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const answer = await harness.publish(CEDAR, mixedBatch(locations, batchSize));
      sent += answer.accepted;
      lastSeq = Math.max(lastSeq, answer.lastSeq ?? 0);
    }
    const sendSeconds = (Date.now() - startedAt) / 1000;

    await waitForDeliveredSeq(page, CEDAR, lastSeq, 30_000);
    const deliveredAt = Date.now();
    const longTasks = await page.evaluate(
      () => (globalThis as unknown as { e2eLongTasks: number[] }).e2eLongTasks,
    );
    const over100 = longTasks.filter((ms) => ms > 100);
    console.log(
      `[e2e] sustained load: ${sent} events in ${sendSeconds.toFixed(1)} s (${(sent / sendSeconds).toFixed(0)}/s), ` +
        `UI caught up ${deliveredAt - startedAt - Math.round(sendSeconds * 1000)} ms after the last send; ` +
        `long tasks: ${longTasks.length}, over 100 ms: ${over100.length}, longest: ${longTasks.length ? Math.max(...longTasks).toFixed(0) : 0} ms, ` +
        `total: ${longTasks.reduce((sum, ms) => sum + ms, 0).toFixed(0)} ms`,
    );

    expect(sent).toBe(RATE_PER_SEC * DURATION_SEC);
    expect(await seqGaps(page)).toBe(0);
    expect(await deliveredSeq(page, CEDAR)).toBeGreaterThanOrEqual(lastSeq);
    expect(
      await page.locator('[role="status"][data-link-state]').getAttribute('data-link-state'),
    ).toBe('live');
    // Still responsive to input: switching boards by the tab works at once.
    await page.getByRole('tab', { name: 'Feed' }).click();
    await page.locator('[data-board="feed"]').waitFor({ timeout: 5000 });
    await waitForLinkState(page, ['live']);
  }, 150_000);
});
