import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import { ACTION_EVENT_TYPES, actionIdSchema, actionTargetKind } from '../../protocol/actions';
import { ErrorCode } from '../../protocol/codes';
import type { OpsEvent } from '../../protocol/events';
import { tenantIdSchema } from '../../protocol/ids';
import { MAX_JSON_DEPTH, jsonNestingDepth } from '../../protocol/json-limits';
import type { ActionMessage, ErrorMessage } from '../../protocol/messages';
import { hasScope } from '../../protocol/scopes';
import { BackplaneUnavailableError, type Backplane } from '../backplane/backplane';
import type { HubMetrics } from '../metrics/hub-metrics';
import { findActionTarget, type ActionTarget } from './action-target';
import type { Connection } from './connection';
import type { TenantChannel } from './tenant-channel';
import type { TenantRegistry } from './tenant-registry';

export interface ActionHandlerDeps {
  registry: TenantRegistry;
  backplane: Backplane;
  metrics: HubMetrics;
  logger: Logger;
  now: () => number;
}

/**
 * The id of the event an action becomes: `act-` + base64url(sha256(sub + "\n" + actionId)),
 * 47 characters. Derived from the person as well as the client's id, so nobody can pre-empt
 * (and so silently swallow) another person's action by sending its id first; the same person
 * repeating an id gets the same event id, which the backplane deduplicates.
 */
export function actionEventId(sub: string, actionId: string): string {
  return `act-${createHash('sha256').update(`${sub}\n${actionId}`).digest('base64url')}`;
}

/**
 * The event an accepted action appends: the mapped type, the derived id, the target's
 * location, and `data` with the target, `by` (the token's sub), `actionId` and, for a
 * clear, the reason.
 */
export function actionEvent(message: ActionMessage, sub: string, target: ActionTarget): OpsEvent {
  const data: Record<string, unknown> = {
    [target.kind === 'alert' ? 'alertId' : 'orderId']: message.target,
    by: sub,
    actionId: message.id,
  };
  if (message.reason !== undefined) data.reason = message.reason;
  return {
    type: ACTION_EVENT_TYPES[message.action],
    id: actionEventId(sub, message.id),
    ...(target.location === undefined ? {} : { location: target.location }),
    data,
  };
}

/**
 * Handles `action` frames (docs/protocol.md, "Operator actions"). In order: the token must
 * hold the tenant and `operate` (or `admin`), else `forbidden`; a repeat of an action this
 * tenant's board already folded is answered with its seq at once; the target must be on
 * the hub's board of the tenant, else `not_found`; then the event is appended through the
 * backplane, which deduplicates by event id, and the sender gets `ack {id, tenant, seq,
 * duplicate}`. Every error frame carries the action's `id`. Never throws.
 */
export class ActionHandler {
  constructor(private readonly deps: ActionHandlerDeps) {}

  async handle(connection: Connection, message: ActionMessage): Promise<void> {
    const { id, tenant } = message;
    try {
      const result = await this.act(connection, message);
      this.deps.metrics.operatorActions.inc({ action: message.action, result });
    } catch (error) {
      this.deps.metrics.operatorActions.inc({ action: message.action, result: 'internal' });
      this.deps.logger.error(
        { err: error, session: connection.id, tenant, action: message.action },
        'operator action failed',
      );
      connection.sendMessage(
        actionError(ErrorCode.INTERNAL, 'the hub could not apply that action', id, tenant),
      );
    }
  }

  /** Answers the action; resolves with how (the metric's `result`). */
  private async act(connection: Connection, message: ActionMessage): Promise<ActionResult> {
    const { id, tenant, action, target } = message;
    const claims = connection.claims;
    if (!claims.tenants.includes(tenant) || !hasScope(claims.scope, 'operate')) {
      this.deps.metrics.authFailures.inc({ reason: 'scope' });
      connection.sendMessage(
        actionError(
          ErrorCode.FORBIDDEN,
          `the token does not grant operate access to ${tenant}`,
          id,
          tenant,
        ),
      );
      return 'forbidden';
    }
    const eventId = actionEventId(claims.sub, id);
    let channel: TenantChannel;
    try {
      channel = await this.deps.registry.channelForAction(tenant);
    } catch (error) {
      return this.unavailable(connection, message, error, 'subscribe');
    }
    const earlier = channel.actionSeq(eventId);
    if (earlier !== undefined) {
      connection.sendMessage({ type: 'ack', id, tenant, seq: earlier, duplicate: true });
      return 'duplicate';
    }
    const found = findActionTarget(channel.board, action, target);
    if (!found) {
      connection.sendMessage(
        actionError(ErrorCode.NOT_FOUND, notFoundMessage(message), id, tenant),
      );
      return 'not_found';
    }
    let result;
    try {
      result = await this.deps.backplane.append(
        tenant,
        [actionEvent(message, claims.sub, found)],
        this.deps.now(),
      );
    } catch (error) {
      return this.unavailable(connection, message, error, 'append');
    }
    const appended = result.appended[0];
    const repeated = result.duplicateSeqs[0];
    const seq = appended?.seq ?? repeated?.seq;
    if (seq === undefined)
      throw new Error(`append of ${eventId} returned neither an event nor a duplicate`);
    connection.sendMessage({ type: 'ack', id, tenant, seq, duplicate: appended === undefined });
    return appended === undefined ? 'duplicate' : 'applied';
  }

  /** @throws the error again unless it is a BackplaneUnavailableError (a hub bug otherwise). */
  private unavailable(
    connection: Connection,
    message: ActionMessage,
    error: unknown,
    operation: string,
  ): ActionResult {
    if (!(error instanceof BackplaneUnavailableError)) throw error;
    this.deps.metrics.backplaneErrors.inc({ operation });
    connection.sendMessage(
      actionError(
        ErrorCode.UNAVAILABLE,
        'the event store is unavailable; send the action again with the same id',
        message.id,
        message.tenant,
      ),
    );
    return 'unavailable';
  }
}

type ActionResult = 'applied' | 'duplicate' | 'forbidden' | 'not_found' | 'unavailable';

function notFoundMessage({ action, target }: ActionMessage): string {
  if (actionTargetKind(action) === 'alert') return `alert ${target} is not on the board`;
  if (action === 'order.recall')
    return `order ${target} is neither open nor recently bumped to served or cleared`;
  return `order ${target} is not open on the board`;
}

function actionError(
  code: ErrorMessage['code'],
  message: string,
  id: string,
  tenant: string,
): ErrorMessage {
  return { type: 'error', code, message, id, tenant };
}

/**
 * The `id` (and tenant) of an `action` frame that failed validation, so its `bad_request`
 * can name the action it answers; empty when the frame is no action or its id is invalid.
 * Parses the frame a second time, on the rejection path only.
 */
export function rejectedActionOf(raw: string): { id?: string; tenant?: string } {
  // A frame refused for its depth is never parsed, here either.
  if (jsonNestingDepth(raw) > MAX_JSON_DEPTH) return {};
  let frame: unknown;
  try {
    frame = JSON.parse(raw);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    return {};
  }
  if (typeof frame !== 'object' || frame === null) return {};
  const { type, id, tenant } = frame as Record<string, unknown>;
  if (type !== 'action') return {};
  const parsedId = actionIdSchema.safeParse(id);
  if (!parsedId.success) return {};
  const parsedTenant = tenantIdSchema.safeParse(tenant);
  return parsedTenant.success
    ? { id: parsedId.data, tenant: parsedTenant.data }
    : { id: parsedId.data };
}
