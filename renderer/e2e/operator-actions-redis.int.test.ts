import { afterAll, beforeAll, describe, test } from 'vitest';
import { startOperatorSession, type OperatorSession } from './operator-session';
import { acknowledgeAlertOnTwoWindows } from './scenarios/acknowledge-alert-on-two-windows';
import { actionsOffWhileNotLive } from './scenarios/actions-off-while-not-live';
import { bumpTicketThroughLanes } from './scenarios/bump-ticket-through-lanes';
import { readOnlyUserCannotAct } from './scenarios/read-only-user-cannot-act';

/**
 * The quick operator-action scenarios again on the Redis backplane (a real redis-server):
 * actions are appended through the same backplane as ingest, so Redis's dedup and
 * sequencing sit on the path from the click to the second window.
 */
describe('operator actions in the browser console on the Redis backplane', () => {
  let session: OperatorSession;

  beforeAll(async () => {
    session = await startOperatorSession('redis');
  }, 120_000);

  afterAll(async () => {
    await session?.close();
  });

  test('acknowledging a critical alert on a Redis-backed hub clears its banner on both windows and the Feed names who did it', async () => {
    await acknowledgeAlertOnTwoWindows(session.harness, session.log);
  }, 60_000);

  test('bumping a ticket through its lanes on a Redis-backed hub moves it on both windows', async () => {
    await bumpTicketThroughLanes(session.harness, session.log);
  }, 60_000);

  test('an action frame forged with a read-only token is forbidden on a Redis-backed hub and appends nothing', async () => {
    await readOnlyUserCannotAct(session.harness);
  }, 90_000);

  // Last: it freezes the hub, which may cost the other scenarios' log watch its socket.
  test('while the hub is frozen the ticket buttons are disabled and say the link is not live, nothing is appended, and they work again once it is live', async () => {
    await actionsOffWhileNotLive(session.harness);
  }, 90_000);
});
