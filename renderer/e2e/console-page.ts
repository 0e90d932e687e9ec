import type { Locator, Page } from 'playwright-core';

/**
 * What the e2e tests know about the console's DOM: only the contract of issue 4
 * (role="status" + data-link-state, labelled sign-in fields, hash routes) and
 * accessible names, never CSS classes of the UI.
 */

/** The part of a DOM element the page functions below use (this file is typed without the DOM lib). */
export interface AttributeHolder {
  getAttribute(name: string): string | null;
}

/** The `data-location` of every element the locator matches, in document order. */
export function dataLocations(rows: Locator): Promise<Array<string | null>> {
  return rows.evaluateAll((elements) =>
    elements.map((element) =>
      (element as unknown as AttributeHolder).getAttribute('data-location'),
    ),
  );
}

export type ShownLinkState = 'live' | 'reconnecting' | 'offline' | 'auth_required';

/** The one link status element. */
export function linkStatus(page: Page): Locator {
  return page.locator('[role="status"][data-link-state]');
}

/** Waits until the link status shows one of `states`; returns the state seen. */
export async function waitForLinkState(
  page: Page,
  states: ShownLinkState[],
  timeoutMs = 10_000,
): Promise<ShownLinkState> {
  const handle = await page.waitForFunction(
    (wanted) => {
      const element = (
        globalThis as unknown as {
          document: { querySelector(selector: string): AttributeHolder | null };
        }
      ).document.querySelector('[role="status"][data-link-state]');
      const state = element?.getAttribute('data-link-state');
      return state && (wanted as string[]).includes(state) ? state : null;
    },
    states,
    { timeout: timeoutMs, polling: 50 },
  );
  return (await handle.jsonValue()) as ShownLinkState;
}

/** Fills the browser sign-in form (Username, Password, Sign in) and submits it. */
export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** The big number of the Overview KPI tile with this accessible name. */
export function kpiValue(page: Page, label: string): Locator {
  return page.getByRole('region', { name: label, exact: true }).locator('p').first();
}

/** The last seq the browser host passed to the UI for a tenant, from its diagnostics (null before any board). */
export function deliveredSeq(page: Page, tenant: string): Promise<number | null> {
  return page.evaluate((id) => {
    const diagnostics = (
      globalThis as { opsBrowserHostDiagnostics?: { lastSeq: Record<string, number> } }
    ).opsBrowserHostDiagnostics;
    return diagnostics?.lastSeq[id] ?? null;
  }, tenant);
}

/** How many event batches broke seq continuity on their way to the UI (see browser-host-bridge.ts). */
export function seqGaps(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      (globalThis as { opsBrowserHostDiagnostics?: { gaps: number } }).opsBrowserHostDiagnostics
        ?.gaps ?? -1,
  );
}

/** Waits until the host has delivered seq `seq` (or later) of `tenant` to the UI. */
export async function waitForDeliveredSeq(
  page: Page,
  tenant: string,
  seq: number,
  timeoutMs = 10_000,
): Promise<void> {
  await page.waitForFunction(
    ([id, wanted]) => {
      const diagnostics = (
        globalThis as { opsBrowserHostDiagnostics?: { lastSeq: Record<string, number> } }
      ).opsBrowserHostDiagnostics;
      return (diagnostics?.lastSeq[id as string] ?? 0) >= (wanted as number);
    },
    [tenant, seq] as const,
    { timeout: timeoutMs, polling: 50 },
  );
}

/** The `#/t/<tenant>/<board>` route of a board, with `?wall=1` for wall mode. */
export function boardRoute(tenant: string, board: string, wall = false): string {
  return `#/t/${tenant}/${board}${wall ? '?wall=1' : ''}`;
}

/** Waits until the console's service worker (the offline app shell) is active. */
export async function waitForShellWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const scope = globalThis as unknown as {
      navigator: { serviceWorker: { ready: Promise<unknown> } };
    };
    await scope.navigator.serviceWorker.ready;
  });
}

/** The row header of a location in the Overview's per-location table. */
export function locationRow(page: Page, location: string) {
  return page
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: location, exact: true }) });
}

/** Starts recording every `data-link-state` the page shows (polled every 50 ms); read it with `recordedLinkStates`. */
export async function recordLinkStates(page: Page): Promise<void> {
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

/** Every `data-link-state` seen since `recordLinkStates`, without repeats, oldest first. */
export function recordedLinkStates(page: Page): Promise<string[]> {
  return page.evaluate(
    () => (globalThis as unknown as { opsE2eLinkStates?: string[] }).opsE2eLinkStates ?? [],
  );
}
