import type { Page } from 'playwright-core';
import {
  CEDAR,
  USERS,
  startConsoleHarness,
  type BackplaneKind,
  type ConsoleHarness,
} from './console-harness';
import { signInToOverview } from './sign-in-to-overview';
import { watchTenantLog, type TenantLogWatch } from './tenant-log-probe';

/**
 * What the operator-action scenarios share: a real hub process without the demo (so every
 * event and every seq is the test's own), the shift lead (`operate`) signed in once in the
 * harness's Chromium, and a separate subscriber recording what the hub sequenced.
 */
export interface OperatorSession {
  readonly harness: ConsoleHarness;
  /** What the hub sequenced for cedar-group since the session started. */
  readonly log: TenantLogWatch;
  /** The signed-in tab, kept open so the link outlives every scenario's windows. */
  readonly home: Page;
  close(): Promise<void>;
}

/**
 * Starts the session. `beforeSockets` runs before any Node-side socket opens: put CLI
 * calls there (they block this process, see placeTicketThatGetsStuck).
 * @throws after closing what it started, with the hub's output logged.
 */
export async function startOperatorSession(
  backplane: BackplaneKind,
  beforeSockets: (harness: ConsoleHarness) => Promise<void> = async () => undefined,
): Promise<OperatorSession> {
  const harness = await startConsoleHarness({ backplane, demo: false });
  let log: TenantLogWatch | null = null;
  try {
    await beforeSockets(harness);
    log = await watchTenantLog(harness, CEDAR);
    const home = await signInToOverview(harness, USERS.operator);
    const watched = log;
    return {
      harness,
      log: watched,
      home,
      async close() {
        if (process.env.OPS_E2E_VERBOSE) console.log(harness.browser.consoleLines.join('\n'));
        await home.close();
        await watched.close();
        await harness.close();
      },
    };
  } catch (error) {
    console.log(harness.hub.output());
    await log?.close();
    await harness.close();
    throw error;
  }
}
