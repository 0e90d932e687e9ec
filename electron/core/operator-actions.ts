import type { ActionReceipt, ActionRequest } from '../../protocol/actions';
import type { BridgeResult, TenantInfo } from '../../protocol/bridge/host-bridge';
import { actionOutcome } from '../../protocol/link/action-book';
import { hasScope } from '../../protocol/scopes';
import type { CoreLogger } from './core-logger';
import type { ProfileRuntime } from './profile-runtime';

/**
 * Sends an operator action over the link of the profile whose token holds the
 * tenant, and answers the bridge's `actions.perform` result. No profile with that
 * tenant answers `forbidden` without sending anything; the link itself refuses
 * with `offline` when it is not live (nothing is queued) and answers
 * `action_unconfirmed` when the answer is lost. Scope is left to the hub, which
 * reads it from the very token the link holds.
 */
export async function performAction(
  runtimes: Iterable<ProfileRuntime>,
  request: ActionRequest,
  log: Pick<CoreLogger, 'info' | 'warn'>,
): Promise<BridgeResult<ActionReceipt>> {
  const runtime = [...runtimes].find((candidate) => candidate.tenants.includes(request.tenant));
  if (!runtime)
    return {
      ok: false,
      error: {
        code: 'forbidden',
        message: `No signed-in profile has access to ${request.tenant}; sign in with one that has.`,
      },
    };
  const result = await actionOutcome(runtime.link.sendAction(request));
  const context = {
    profile: runtime.profile.id,
    tenant: request.tenant,
    action: request.action,
    actionId: request.id,
  };
  if (result.ok)
    log.info(
      { ...context, seq: result.value.seq, duplicate: result.value.duplicate },
      'action done',
    );
  else
    log.warn(
      { ...context, code: result.error.code, reason: result.error.message },
      'action failed',
    );
  return result;
}

/** The tenants one profile's token grants, with whether it may act on them (`operate`, or `admin`). */
export function tenantsOf(runtime: ProfileRuntime): TenantInfo[] {
  const canOperate = hasScope(runtime.scope, 'operate');
  return runtime.tenants.map((id) => ({ id, name: id, profileId: runtime.profile.id, canOperate }));
}
