import type { ActionReceipt, ActionRequest, BridgeResult, ProfileSummary } from '../../../protocol';
import { actionOutcome } from '../../../protocol/link';
import type { BoardSession } from './board-session';

/**
 * The link worker's `actions.perform`: sends the action on the session's link.
 * Nothing is queued: without a session it answers `offline`, and the link refuses
 * with `offline` while it is not live. A tenant outside the token is refused here
 * with `forbidden`; the scope is the hub's to check, on the very token the link holds.
 */
export async function performAction(
  profile: ProfileSummary | null,
  session: BoardSession | null,
  request: ActionRequest,
): Promise<BridgeResult<ActionReceipt>> {
  if (!profile || !session)
    return {
      ok: false,
      error: { code: 'offline', message: 'Not signed in; actions are off until you sign in.' },
    };
  if (!profile.tenants.includes(request.tenant))
    return {
      ok: false,
      error: {
        code: 'forbidden',
        message: `Your account has no access to tenant ${request.tenant}.`,
      },
    };
  return actionOutcome(session.sendAction(request));
}
