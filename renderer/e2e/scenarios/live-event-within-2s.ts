import { expect } from 'vitest';
import { CEDAR, USERS, type ConsoleHarness } from '../console-harness';
import { boardRoute, locationRow } from '../console-page';
import { orderAt, probeLocation } from '../probe-events';
import { signInToOverview } from '../sign-in-to-overview';

/** 1. Sign in, open a tenant, and see the Overview change within 2 s of an ingested event. */
export async function firstLiveEvent(harness: ConsoleHarness): Promise<void> {
  const page = await signInToOverview(harness, USERS.cedarOnly);
  expect(new URL(page.url()).hash).toBe(boardRoute(CEDAR, 'overview'));
  const probe = probeLocation('first');
  await expect.poll(() => locationRow(page, probe).count()).toBe(0);
  const startedAt = Date.now();
  await harness.publish(CEDAR, [orderAt(probe)]);
  await locationRow(page, probe).waitFor({ timeout: 2000 });
  const seenAfterMs = Date.now() - startedAt;
  console.log(
    `[e2e] first live event: Overview row for ${probe} appeared ${seenAfterMs} ms after the ingest call started`,
  );
  expect(seenAfterMs).toBeLessThanOrEqual(2000);
  await expect
    .poll(() => locationRow(page, probe).getByRole('cell').first().textContent())
    .toBe('1');
  // Nothing was refused by the hub's CSP, and nothing else went wrong in the page.
  expect(
    harness.browser.consoleLines.filter((line) =>
      /^(error|pageerror):|Content Security Policy|Refused to/i.test(line),
    ),
  ).toEqual([]);
}
