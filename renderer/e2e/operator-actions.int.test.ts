import { afterAll, beforeAll, describe, test } from 'vitest';
import { startOperatorSession, type OperatorSession } from './operator-session';
import { acknowledgeAlertOnTwoWindows } from './scenarios/acknowledge-alert-on-two-windows';
import { bumpTicketThroughLanes } from './scenarios/bump-ticket-through-lanes';
import {
  clearStuckTicket,
  placeTicketThatGetsStuck,
  type StuckTicket,
} from './scenarios/clear-stale-ticket';
import { readOnlyUserCannotAct } from './scenarios/read-only-user-cannot-act';

/**
 * Issue 13's operator actions end to end: a real hub process, the built console in
 * Chromium, a shift lead with `operate` whose windows share the SharedWorker link, a
 * producer posting over HTTP ingest, and the hub's own log as the audit trail. One hub
 * for the file: the stuck ticket needs minutes to go stale, and ages while the other
 * scenarios run.
 */
describe('operator actions in the browser console against a real hub', () => {
  let session: OperatorSession;
  let stuck: StuckTicket;

  beforeAll(async () => {
    session = await startOperatorSession('memory', async (harness) => {
      stuck = await placeTicketThatGetsStuck(harness);
    });
  }, 120_000);

  afterAll(async () => {
    await session?.close();
  });

  test('a critical alert a producer raises shows on two windows of an operate user, one Acknowledge clears both, and the Feed names who acknowledged it', async () => {
    await acknowledgeAlertOnTwoWindows(session.harness, session.log);
  }, 60_000);

  test('an operate user bumps an accepted ticket through Preparing and Ready to served, and the second window follows each step', async () => {
    await bumpTicketThroughLanes(session.harness, session.log);
  }, 60_000);

  test('a read-only user sees no action controls, and an action frame forged with their token is forbidden with its id and appends nothing', async () => {
    await readOnlyUserCannotAct(session.harness);
  }, 90_000);

  test('a ticket stuck past its location’s stale threshold sits in the Stale group, and clearing it with a reason takes it off both windows', async () => {
    await clearStuckTicket(session.harness, session.log, stuck);
  }, 300_000);
});
