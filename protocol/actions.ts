import { z } from 'zod';
import { actionReasonSchema, type KnownEventType } from './events';
import { tenantIdSchema } from './ids';

/**
 * Operator actions: what a person with the `operate` scope can do from a board.
 * A client sends one as an `action` frame (messages.ts); the hub checks scope,
 * tenant and target, turns it into the ordinary sequenced event below (with `by`
 * = the token's sub and `actionId` = the frame's id) and answers `ack {id, seq}`,
 * or an `error` frame with the same `id`. The event log is the audit trail.
 */
export const OPERATOR_ACTIONS = [
  'alert.acknowledge',
  'alert.resolve',
  'order.bump',
  'order.recall',
  'order.clear',
] as const;

export type OperatorAction = (typeof OPERATOR_ACTIONS)[number];

/** The event type each action becomes. */
export const ACTION_EVENT_TYPES = {
  'alert.acknowledge': 'alert.acknowledged',
  'alert.resolve': 'alert.resolved',
  'order.bump': 'order.bumped',
  'order.recall': 'order.recalled',
  'order.clear': 'order.cleared',
} as const satisfies Record<OperatorAction, KnownEventType>;

export type ActionEventType = (typeof ACTION_EVENT_TYPES)[OperatorAction];

/** Every action event type, for checks such as "did a person do this?". */
export const ACTION_EVENT_TYPE_VALUES = Object.values(ACTION_EVENT_TYPES) as ActionEventType[];

/** True for the event types that record an operator action. */
export function isActionEventType(type: string): type is ActionEventType {
  return (ACTION_EVENT_TYPE_VALUES as string[]).includes(type);
}

/** Which kind of thing an action's `target` names: an alert's event id or an order id. */
export function actionTargetKind(action: OperatorAction): 'alert' | 'order' {
  return action.startsWith('alert.') ? 'alert' : 'order';
}

/**
 * The client-made idempotency key of an action: 8–64 URL-safe characters (a UUID
 * fits). Sending the same id again (after a lost ack) never acts twice: the hub
 * answers with the first action's seq and `duplicate: true`.
 */
export const actionIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, 'action id must be 8 to 64 characters of A-Z a-z 0-9 _ -');

/** The fields of an action, shared by the `action` frame (messages.ts) and the bridge. */
export const actionFields = {
  id: actionIdSchema,
  tenant: tenantIdSchema,
  action: z.enum(OPERATOR_ACTIONS),
  /** The alert's event id (`alert.*`) or the order id (`order.*`). */
  target: z.string().min(1).max(200),
  /** Required for `order.clear`; not allowed elsewhere. */
  reason: actionReasonSchema.optional(),
};

/** `order.clear` needs a reason and nothing else takes one; run on every action schema. */
export function checkActionReason(
  request: { action: OperatorAction; reason?: string | undefined },
  ctx: z.RefinementCtx,
): void {
  if (request.action === 'order.clear' && request.reason === undefined)
    ctx.addIssue({ code: 'custom', path: ['reason'], message: 'order.clear needs a reason' });
  if (request.action !== 'order.clear' && request.reason !== undefined)
    ctx.addIssue({ code: 'custom', path: ['reason'], message: 'only order.clear takes a reason' });
}

/** What a person asks for: the `action` frame without its `type`, and the bridge's argument. */
export const actionRequestSchema = z.strictObject(actionFields).superRefine(checkActionReason);

export type ActionRequest = z.infer<typeof actionRequestSchema>;

/** What the hub confirmed: the seq of the action's event (the first one's, for a repeat). */
export const actionReceiptSchema = z.object({
  id: actionIdSchema,
  seq: z.number().int().positive(),
  /** True when this id had been applied before; nothing new was appended. */
  duplicate: z.boolean(),
});

export type ActionReceipt = z.infer<typeof actionReceiptSchema>;
