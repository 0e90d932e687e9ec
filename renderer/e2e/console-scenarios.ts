import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { BoardState, EventInput, SnapshotMessage } from '../../protocol';
import { connectTestClient } from '../../test-support/ws-test-client';
import { CEDAR, HARBOR, USERS, type ConsoleHarness } from './console-harness';
import {
  boardRoute,
  dataLocations,
  deliveredSeq,
  kpiValue,
  linkStatus,
  seqGaps,
  signIn,
  waitForDeliveredSeq,
  waitForLinkState,
  waitForShellWorker,
} from './console-page';
import type { AttributeHolder } from './console-page';

/**
 * The scenarios of issue 4, each against a started ConsoleHarness, so the
 * same code runs on the memory and the Redis backplane.
 */

let probeCounter = 0;
/** A location name no demo event uses, so what the test sees can only come from its own events. */
export function probeLocation(prefix = 'e2e'): string {
  probeCounter += 1;
  return `${prefix}-${Date.now().toString(36)}-${probeCounter}`;
}

export function orderAt(location: string, total = 150_000, currency = 'LBP'): EventInput {
  const orderId = `${location}-o-${Math.random().toString(36).slice(2, 10)}`;
  return {
    type: 'order.placed',
    location,
    data: {
      orderId,
      channel: 'dine_in',
      items: [{ sku: 'probe', name: 'Probe', qty: 1, unitPrice: total }],
      total,
      currency,
    },
  };
}

export function paymentAt(
  location: string,
  method = 'card',
  status: 'captured' | 'failed' = 'captured',
): EventInput {
  return {
    type: 'payment.status',
    location,
    data: {
      paymentId: `${location}-p-${Math.random().toString(36).slice(2, 10)}`,
      method,
      amount: 90_000,
      currency: 'LBP',
      status,
    },
  };
}

/** Opens the console, signs in as `user` and waits for the live Overview of its first tenant. */
export async function signInToOverview(
  harness: ConsoleHarness,
  user: { username: string; password: string },
  tenant = CEDAR,
): Promise<Page> {
  const page = await harness.browser.newPage();
  await page.goto(harness.consoleUrl);
  await signIn(page, user.username, user.password);
  if (user === USERS.cedarOnly)
    await page.waitForURL((url) => url.hash.startsWith(boardRoute(tenant, 'overview')), {
      timeout: 10_000,
    });
  else await page.goto(harness.consoleUrl + boardRoute(tenant, 'overview'));
  await waitForLinkState(page, ['live']);
  await kpiValue(page, 'Orders today').waitFor({ timeout: 10_000 });
  return page;
}

/** The row header of a location in the Overview's per-location table. */
export function locationRow(page: Page, location: string) {
  return page
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: location, exact: true }) });
}

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

/** 2. A user whose token lists only tenant A can neither see nor open tenant B. */
export async function scopedTokens(harness: ConsoleHarness): Promise<void> {
  const page = await signInToOverview(harness, USERS.cedarOnly);
  await expect.poll(() => page.getByText(HARBOR).count()).toBe(0);
  await page.goto(harness.consoleUrl + boardRoute(HARBOR, 'payments'));
  await page.getByText(`You do not have access to “${HARBOR}”.`).waitFor({ timeout: 5000 });
  expect(await page.locator('[data-board]').count()).toBe(0);
  // Nothing of the other tenant reached the page, though the demo publishes to it all the time.
  await page.waitForTimeout(1500);
  expect(await deliveredSeq(page, HARBOR)).toBeNull();
  expect(await linkStatus(page).getAttribute('data-link-state')).toBe('live');
  // The tenant the user does have still works from the same tab.
  await page.goto(harness.consoleUrl + boardRoute(CEDAR, 'overview'));
  await kpiValue(page, 'Orders today').waitFor({ timeout: 5000 });
}

/** 3. Kill the hub: Offline/Reconnecting within 2 heartbeats with the snapshot age; restart: Live again and caught up with no missing seq. */
export async function offlineBannerAndCatchUp(
  harness: ConsoleHarness,
  heartbeatMs: number,
): Promise<void> {
  const page = await signInToOverview(harness, USERS.cedarOnly);
  const before = await harness.publish(CEDAR, [orderAt(probeLocation('before'))]);
  await waitForDeliveredSeq(page, CEDAR, before.lastSeq ?? 0);

  const killedAt = Date.now();
  await harness.hub.kill();
  const state = await waitForLinkState(page, ['offline', 'reconnecting'], 2 * heartbeatMs);
  console.log(
    `[e2e] hub killed: status read ${state} after ${Date.now() - killedAt} ms (heartbeat ${heartbeatMs} ms)`,
  );
  const banner = page.locator('[data-freshness="stale"]');
  await banner.waitFor({ timeout: 2 * heartbeatMs });
  expect(await banner.textContent()).toMatch(
    /(Offline|Reconnecting) — showing data from \d{2}:\d{2}, \S/,
  );

  await harness.hub.restart();
  // Events accepted before the console reconnects must reach it through resume (or a fresh snapshot), in order.
  const probe = probeLocation('caught-up');
  const during = await harness.publish(
    CEDAR,
    Array.from({ length: 20 }, () => orderAt(probe)),
  );
  await waitForLinkState(page, ['live'], 45_000);
  await waitForDeliveredSeq(page, CEDAR, during.lastSeq ?? 0, 15_000);
  const after = await harness.publish(
    CEDAR,
    Array.from({ length: 5 }, () => orderAt(probe)),
  );
  await waitForDeliveredSeq(page, CEDAR, after.lastSeq ?? 0, 15_000);
  expect(await seqGaps(page)).toBe(0);
  // The page's board agrees with the hub's own board for the probe location.
  const hubOrders = await hubProbeOrders(harness, probe);
  console.log(
    `[e2e] after restart (${harness.redis ? 'redis' : 'memory'}): hub board has ${hubOrders} of the 25 probe orders`,
  );
  await expect
    .poll(() => locationRow(page, probe).getByRole('cell').first().textContent(), { timeout: 5000 })
    .toBe(String(hubOrders));
  if (harness.redis) expect(hubOrders).toBe(25);
  else expect(hubOrders).toBeGreaterThanOrEqual(5);
  await banner.waitFor({ state: 'detached', timeout: 5000 });
}

/** Orders today at `location` in a fresh snapshot the hub sends to a new subscriber. */
async function hubProbeOrders(harness: ConsoleHarness, location: string): Promise<number> {
  const token = await harness.hub.mintToken({ tenants: [CEDAR], sub: 'e2e-checker' });
  const client = await connectTestClient(harness.hub.wsUrl, { token });
  try {
    client.send({ type: 'subscribe', tenant: CEDAR });
    const snapshot = await client.waitFor<SnapshotMessage>(
      (frame) => frame.type === 'snapshot' && frame.tenant === CEDAR,
      { timeoutMs: 10_000 },
    );
    const state = snapshot.state as unknown as BoardState;
    let orders = state.locations[location]?.day.orders ?? 0;
    // Events after the snapshot, up to now, complete the picture.
    await new Promise((resolve) => setTimeout(resolve, 500));
    for (const frame of client.events(CEDAR))
      if (
        frame.seq > snapshot.seq &&
        frame.event.type === 'order.placed' &&
        frame.event.location === location
      )
        orders += 1;
    return orders;
  } finally {
    await client.close();
  }
}

/** 4. Reload while the hub is down: the last snapshot shows at once, marked stale. */
export async function offlineReload(harness: ConsoleHarness): Promise<void> {
  const page = await signInToOverview(harness, USERS.cedarOnly);
  const probe = probeLocation('cached');
  const last = await harness.publish(CEDAR, [orderAt(probe), orderAt(probe), orderAt(probe)]);
  await waitForDeliveredSeq(page, CEDAR, last.lastSeq ?? 0);
  await expect
    .poll(() => locationRow(page, probe).getByRole('cell').first().textContent())
    .toBe('3');

  await waitForShellWorker(page);
  await harness.hub.kill();
  await waitForLinkState(page, ['offline', 'reconnecting']);
  const reloadedAt = Date.now();
  await page.reload();
  await locationRow(page, probe).waitFor({ timeout: 3000 });
  console.log(
    `[e2e] offline reload: cached board shown ${Date.now() - reloadedAt} ms after reload`,
  );
  expect(await locationRow(page, probe).getByRole('cell').first().textContent()).toBe('3');
  const banner = page.locator('[data-freshness="stale"]');
  await banner.waitFor({ timeout: 3000 });
  expect(await banner.textContent()).toMatch(
    /(Offline|Reconnecting) — showing data from \d{2}:\d{2}, \S/,
  );
  expect(await linkStatus(page).getAttribute('data-link-state')).not.toBe('live');
}

/** 5. Choosing a location in the Payments filter shows only that location's payments. */
export async function paymentsFilter(harness: ConsoleHarness): Promise<void> {
  const page = await signInToOverview(harness, USERS.cedarOnly);
  const a = probeLocation('pay-a');
  const b = probeLocation('pay-b');
  const last = await harness.publish(CEDAR, [
    paymentAt(a),
    paymentAt(b, 'cash', 'failed'),
    paymentAt(a, 'wallet'),
    paymentAt(b),
  ]);
  await page.goto(harness.consoleUrl + boardRoute(CEDAR, 'payments'));
  await waitForDeliveredSeq(page, CEDAR, last.lastSeq ?? 0);
  const rows = page.locator('tr[data-location]');
  await rows.first().waitFor();
  expect(await page.locator(`tr[data-location="${a}"]`).count()).toBe(2);
  expect(await page.locator(`tr[data-location="${b}"]`).count()).toBe(2);

  await page.getByLabel('Location', { exact: true }).selectOption(a);
  await expect.poll(() => page.locator(`tr[data-location="${b}"]`).count()).toBe(0);
  expect(await dataLocations(rows)).toEqual([a, a]);
  // Live payments elsewhere keep arriving but stay filtered out; new ones of the location show up.
  const more = await harness.publish(CEDAR, [paymentAt(b), paymentAt(a, 'cash')]);
  await waitForDeliveredSeq(page, CEDAR, more.lastSeq ?? 0);
  await expect.poll(() => dataLocations(rows)).toEqual([a, a, a]);
}

/** 6. Switching to Arabic sets dir="rtl" and formats LBP amounts with the Lebanese pound sign and no fraction. */
export async function arabicLayout(harness: ConsoleHarness): Promise<void> {
  const page = await signInToOverview(harness, USERS.cedarOnly);
  const probe = probeLocation('lbp');
  const last = await harness.publish(CEDAR, [orderAt(probe, 1_234_500, 'LBP')]);
  await waitForDeliveredSeq(page, CEDAR, last.lastSeq ?? 0);
  expect(await page.locator('html').getAttribute('dir')).toBe('ltr');

  await page.getByRole('button', { name: 'العربية' }).click();
  await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
  expect(await page.locator('html').getAttribute('lang')).toMatch(/^ar/);
  const revenue = (await locationRow(page, probe).getByRole('cell').nth(1).textContent()) ?? '';
  const plain = revenue.replace(/[\u200e\u200f\u061c\u00a0\u202f]/g, ' ').trim();
  console.log(`[e2e] Arabic revenue cell for 1,234,500 LBP: ${JSON.stringify(revenue)}`);
  expect(plain).toContain('ل.ل');
  expect(plain).toMatch(/1[,٬]234[,٬]500(?![.,٫]\d)/);
  // The status bar speaks Arabic too, and the link contract attribute is unchanged.
  expect(await linkStatus(page).getAttribute('data-link-state')).toBe('live');
  expect(await linkStatus(page).textContent()).not.toContain('Live');
}

/** Runs in a page of the hub's origin: the keys of the IndexedDB board cache, optionally overwriting every record with garbage first. */
const SNAPSHOT_KEYS = async (corrupt: boolean): Promise<string[]> => {
  type Request<T> = { result: T; onsuccess: (() => void) | null; onerror: (() => void) | null };
  type Store = {
    getAllKeys(): Request<string[]>;
    put(value: unknown, key: string): Request<unknown>;
  };
  type Db = {
    transaction(
      name: string,
      mode: string,
    ): { objectStore(name: string): Store; oncomplete: (() => void) | null };
    close(): void;
  };
  const idb = (globalThis as unknown as { indexedDB: { open(name: string): Request<Db> } })
    .indexedDB;
  const done = <T>(request: Request<T>) =>
    new Promise<T>(
      (resolve, reject) => (
        (request.onsuccess = () => resolve(request.result)),
        (request.onerror = reject)
      ),
    );
  const db = await done(idb.open('ops-console'));
  const keys = await done(
    db.transaction('snapshots', 'readonly').objectStore('snapshots').getAllKeys(),
  );
  if (corrupt) {
    const tx = db.transaction('snapshots', 'readwrite');
    for (const key of keys)
      tx.objectStore('snapshots').put({ v: 1, state: 'garbage', seq: 'x' }, key);
    await new Promise<void>((resolve) => (tx.oncomplete = () => resolve()));
  }
  db.close();
  return keys;
};

/** A corrupt cached board is discarded (never shown, never a crash) and rebuilt from the next snapshot. */
export async function corruptCacheDiscarded(harness: ConsoleHarness): Promise<void> {
  const page = await signInToOverview(harness, USERS.cedarOnly);
  const probe = probeLocation('cached');
  const last = await harness.publish(CEDAR, [orderAt(probe)]);
  await waitForDeliveredSeq(page, CEDAR, last.lastSeq ?? 0);
  // Leaving the console releases the board, which saves it to IndexedDB.
  await page.goto('about:blank');
  const other = await harness.browser.newPage();
  await other.goto(`${harness.hub.url}/readyz`);
  await expect.poll(() => other.evaluate(SNAPSHOT_KEYS, false)).toHaveLength(1);
  expect(await other.evaluate(SNAPSHOT_KEYS, true)).toHaveLength(1);

  await harness.hub.kill();
  await page.goto(harness.consoleUrl + boardRoute(CEDAR, 'overview'));
  await waitForLinkState(page, ['offline', 'reconnecting']);
  // The garbage record is deleted instead of shown; the page stays up and says it is reconnecting.
  await expect.poll(() => other.evaluate(SNAPSHOT_KEYS, false), { timeout: 5000 }).toHaveLength(0);
  expect(await locationRow(page, probe).count()).toBe(0);
  expect(harness.browser.consoleLines.filter((line) => line.startsWith('pageerror'))).toEqual([]);

  await harness.hub.restart();
  await waitForLinkState(page, ['live'], 45_000);
  await kpiValue(page, 'Orders today').waitFor({ timeout: 10_000 });
  // The next snapshot rebuilds the cache (saved when the board is released).
  await page.goto('about:blank');
  await expect.poll(() => other.evaluate(SNAPSHOT_KEYS, false), { timeout: 5000 }).toHaveLength(1);
}

/** `ops_hub_open_connections` from the hub's /metrics. */
async function openConnections(harness: ConsoleHarness): Promise<number> {
  const text = await (await fetch(`${harness.hub.url}/metrics`)).text();
  const match = /^ops_hub_open_connections(?:\{[^}]*\})? (\d+)/m.exec(text);
  if (!match) throw new Error('ops_hub_open_connections is missing from /metrics');
  return Number(match[1]);
}

/** "Open in new window" opens a tab on the board's route that needs no sign-in and shares the first tab's one WebSocket. */
export async function sharedLinkAcrossTabs(harness: ConsoleHarness): Promise<void> {
  const before = await openConnections(harness);
  const page = await signInToOverview(harness, USERS.cedarOnly);
  await page.goto(harness.consoleUrl + boardRoute(CEDAR, 'payments'));
  await page.locator('[data-board="payments"]').waitFor();
  const opened = harness.browser.context.waitForEvent('page');
  await page.getByRole('button', { name: /Open in new window/ }).click();
  const tab = await opened;
  await tab.waitForLoadState();
  expect(new URL(tab.url()).hash).toBe(boardRoute(CEDAR, 'payments'));
  await tab.locator('[data-board="payments"]').waitFor({ timeout: 10_000 });
  await waitForLinkState(tab, ['live']);
  const last = await harness.publish(CEDAR, [paymentAt(probeLocation('two-tabs'))]);
  await waitForDeliveredSeq(tab, CEDAR, last.lastSeq ?? 0);
  await waitForDeliveredSeq(page, CEDAR, last.lastSeq ?? 0);
  expect(await openConnections(harness)).toBe(before + 1);
}

/** Starts recording every `data-link-state` the page shows (polled every 50 ms); read it with `recordedLinkStates`. */
async function recordLinkStates(page: Page): Promise<void> {
  await page.evaluate(() => {
    type Scope = {
      document: { querySelector(selector: string): AttributeHolder | null };
      opsE2eLinkStates?: string[];
    };
    const scope = globalThis as unknown as Scope;
    const seen: string[] = [];
    scope.opsE2eLinkStates = seen;
    setInterval(() => {
      const state =
        scope.document
          .querySelector('[role="status"][data-link-state]')
          ?.getAttribute('data-link-state') ?? 'none';
      if (seen.at(-1) !== state) seen.push(state);
    }, 50);
  });
}

function recordedLinkStates(page: Page): Promise<string[]> {
  return page.evaluate(
    () => (globalThis as unknown as { opsE2eLinkStates?: string[] }).opsE2eLinkStates ?? [],
  );
}

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
