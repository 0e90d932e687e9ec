import { z } from 'zod';

/**
 * The event catalog: what producers may publish to a tenant.
 *
 * Known types have their required `data` fields validated; extra `data` fields
 * pass through untouched. Unknown types are accepted with any object `data`:
 * they reach the feed but never change the aggregates.
 */

/** ISO-4217 alphabetic code. Money is always an integer in that currency's minor units. */
export const currencySchema = z
  .string()
  .regex(/^[A-Z]{3}$/, 'currency must be an ISO-4217 code such as LBP or USD');
const minorUnits = z.number().int('money is an integer in minor units').nonnegative();
const shortText = z.string().min(1).max(200);

export const ORDER_CHANNELS = ['dine_in', 'takeaway', 'delivery'] as const;
export const ORDER_STATUSES = ['accepted', 'preparing', 'ready', 'served', 'cancelled'] as const;
export const PAYMENT_STATUSES = ['authorized', 'captured', 'failed', 'refunded'] as const;
export const QUEUE_KINDS = ['waitlist', 'kitchen', 'drive_thru'] as const;
export const ALERT_SEVERITIES = ['info', 'warning', 'critical'] as const;

export type OrderStatus = (typeof ORDER_STATUSES)[number];
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];
export type OrderChannel = (typeof ORDER_CHANNELS)[number];
export type QueueKind = (typeof QUEUE_KINDS)[number];
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

/** Bounds of the optional kitchen details of an order item (modifiers and a note). */
export const ORDER_ITEM_LIMITS = { modifiers: 12, modifierLength: 80, noteLength: 200 } as const;

export const orderItemSchema = z.looseObject({
  sku: shortText,
  name: shortText,
  qty: z.number().int().positive(),
  unitPrice: minorUnits,
  /** Kitchen modifiers as the POS names them, e.g. "Oat milk", "No onions". */
  modifiers: z
    .array(z.string().min(1).max(ORDER_ITEM_LIMITS.modifierLength))
    .max(ORDER_ITEM_LIMITS.modifiers)
    .optional(),
  /** A free-text note for the kitchen, e.g. "Allergy: sesame". */
  note: z.string().min(1).max(ORDER_ITEM_LIMITS.noteLength).optional(),
});

/** Who acted, as every action event carries it (see the action events below). */
const actionStamp = {
  /** The person (token `sub`) or producer-named person who acted. */
  by: z.string().min(1).max(256),
  /** The client-made idempotency key of the `action` frame; absent on ingested events. */
  actionId: z.string().min(1).max(64).optional(),
  /** Ingested action events only: the `sub` of the producer token that posted it. */
  via: z.string().min(1).max(256).optional(),
};

/** Why a ticket was cleared, as the operator typed or picked it. */
export const actionReasonSchema = z.string().trim().min(1).max(200);

/** `data` schema for each known event type. */
export const eventDataSchemas = {
  'order.placed': z.looseObject({
    orderId: shortText,
    channel: z.enum(ORDER_CHANNELS),
    items: z.array(orderItemSchema).max(200),
    total: minorUnits,
    currency: currencySchema,
  }),
  'order.status': z.looseObject({
    orderId: shortText,
    status: z.enum(ORDER_STATUSES),
  }),
  'table.seated': z.looseObject({
    tableId: shortText,
    covers: z.number().int().positive().max(100),
  }),
  'table.cleared': z.looseObject({
    tableId: shortText,
  }),
  'payment.status': z.looseObject({
    paymentId: shortText,
    orderId: shortText.optional(),
    method: shortText,
    amount: minorUnits,
    currency: currencySchema,
    status: z.enum(PAYMENT_STATUSES),
    reason: z.string().max(200).optional(),
  }),
  'inventory.level': z.looseObject({
    sku: shortText,
    name: shortText,
    qty: z.number().nonnegative(),
    threshold: z.number().nonnegative(),
    unit: z.string().max(20).optional(),
  }),
  'queue.length': z.looseObject({
    queue: z.enum(QUEUE_KINDS),
    length: z.number().int().nonnegative(),
  }),
  metric: z.looseObject({
    name: shortText,
    value: z.number(),
    unit: z.string().max(20).optional(),
    labels: z.record(z.string(), z.string()).optional(),
  }),
  alert: z.looseObject({
    severity: z.enum(ALERT_SEVERITIES),
    message: z.string().min(1).max(1000),
  }),
  // ---- operator actions (protocol/actions.ts) -------------------------------
  // The hub makes these from `action` frames (`by` = the token's sub, `actionId` = the
  // frame's id); producers may post them through ingest too (a POS that bumps), and the
  // hub then stamps `via` with the producer token's sub. See docs/protocol.md, "Operator actions".
  'alert.acknowledged': z.looseObject({ alertId: shortText, ...actionStamp }),
  'alert.resolved': z.looseObject({ alertId: shortText, ...actionStamp }),
  /** Moves an open ticket to its next status (accepted → preparing → ready → served). */
  'order.bumped': z.looseObject({ orderId: shortText, ...actionStamp }),
  /** Undoes the last bump or clear of a ticket (a served or cleared ticket comes back). */
  'order.recalled': z.looseObject({ orderId: shortText, ...actionStamp }),
  /** Takes a stuck ticket off the board without calling it served or cancelled. */
  'order.cleared': z.looseObject({
    orderId: shortText,
    reason: actionReasonSchema,
    ...actionStamp,
  }),
} as const;

export type KnownEventType = keyof typeof eventDataSchemas;
export const KNOWN_EVENT_TYPES = Object.keys(eventDataSchemas) as KnownEventType[];

export type EventData<T extends KnownEventType> = z.infer<(typeof eventDataSchemas)[T]>;

export function isKnownEventType(type: string): type is KnownEventType {
  return Object.prototype.hasOwnProperty.call(eventDataSchemas, type);
}

/** Event type names: dotted lower-case words, e.g. `payment.status` or `x-pos.shift_closed`. */
export const eventTypeSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(
    /^[a-z][a-z0-9_-]*(\.[a-z0-9_-]+)*$/,
    'type must be dotted lower-case words such as order.placed',
  );

/** Max length of an event id; producers use it for dedup. */
export const MAX_EVENT_ID_LENGTH = 128;

/** What a producer sends for one event (the ingest body, or one entry of `events`). Unknown top-level fields are rejected. */
export const eventInputSchema = z
  .strictObject({
    type: eventTypeSchema,
    id: z.string().min(1).max(MAX_EVENT_ID_LENGTH).optional(),
    location: z.string().min(1).max(128).optional(),
    ts: z.union([z.string().datetime({ offset: true }), z.number().int().nonnegative()]).optional(),
    data: z.record(z.string(), z.unknown()).default({}),
  })
  .superRefine((event, ctx) => {
    if (!isKnownEventType(event.type)) return;
    const result = eventDataSchemas[event.type].safeParse(event.data);
    if (result.success) return;
    for (const issue of result.error.issues) {
      ctx.addIssue({
        code: 'custom',
        path: ['data', ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))],
        message: issue.message,
      });
    }
  });

export type EventInput = z.input<typeof eventInputSchema>;

/** An event as the hub stores and delivers it: the id is always set. */
export const opsEventSchema = z.object({
  type: eventTypeSchema,
  id: z.string().min(1).max(MAX_EVENT_ID_LENGTH),
  location: z.string().max(128).optional(),
  ts: z.union([z.string(), z.number()]).optional(),
  data: z.record(z.string(), z.unknown()),
});

export type OpsEvent = z.infer<typeof opsEventSchema>;

/** A delivered event with its per-tenant sequence number and the hub's acceptance time (epoch ms). */
export interface SequencedEvent {
  seq: number;
  ts: number;
  event: OpsEvent;
}

/** Narrows an event to a known type with validated data, or returns null for unknown or invalid ones. */
export function asKnownEvent<T extends KnownEventType>(
  event: OpsEvent,
  type: T,
): EventData<T> | null {
  if (event.type !== type) return null;
  const parsed = eventDataSchemas[type].safeParse(event.data);
  return parsed.success ? (parsed.data as EventData<T>) : null;
}

/**
 * Matches an event type against subscription filter patterns: exact names,
 * `prefix.*` for a family, or `*` for everything.
 */
export function typeMatches(type: string, patterns: readonly string[]): boolean {
  return patterns.some((pattern) => {
    if (pattern === '*') return true;
    if (pattern.endsWith('.*')) return type.startsWith(pattern.slice(0, -1));
    return pattern === type;
  });
}
