import { isTenantId } from '../../protocol/ids';
import { MAX_EVENT_ID_LENGTH, type OpsEvent } from '../../protocol/events';

/**
 * Boundary checks shared by every backplane. They throw `TypeError` because a
 * bad argument here is a programming error in the hub, not a producer error
 * (the ingest layer has already answered producers with 400s).
 */

/** @throws TypeError when `tenant` is not a valid tenant id. */
export function assertTenantId(tenant: unknown): asserts tenant is string {
  if (!isTenantId(tenant)) {
    throw new TypeError(
      `invalid tenant id ${JSON.stringify(tenant)}: it must match ^[a-z0-9][a-z0-9_-]{0,62}$`,
    );
  }
}

/** @throws TypeError when `seq` is not a non-negative safe integer. */
export function assertSeq(seq: unknown, name: string): asserts seq is number {
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 0) {
    throw new TypeError(`${name} must be a non-negative integer, got ${String(seq)}`);
  }
}

/**
 * Cheap structural check of events about to be appended; full schema validation
 * happens at ingest, this only guards the fields the backplane relies on.
 * @throws TypeError naming the first bad event.
 */
export function assertAppendable(
  events: unknown,
  acceptedAt: unknown,
): asserts events is OpsEvent[] {
  if (!Array.isArray(events)) throw new TypeError('events must be an array of OpsEvent');
  if (typeof acceptedAt !== 'number' || !Number.isFinite(acceptedAt) || acceptedAt < 0) {
    throw new TypeError('acceptedAt must be epoch milliseconds');
  }
  events.forEach((event: Partial<OpsEvent> | null, index) => {
    if (typeof event !== 'object' || event === null)
      throw new TypeError(`events[${index}] must be an object`);
    if (
      typeof event.id !== 'string' ||
      event.id.length === 0 ||
      event.id.length > MAX_EVENT_ID_LENGTH
    ) {
      throw new TypeError(
        `events[${index}].id must be a string of 1..${MAX_EVENT_ID_LENGTH} chars (the hub assigns ids before append)`,
      );
    }
    if (typeof event.type !== 'string' || event.type.length === 0)
      throw new TypeError(`events[${index}].type must be a non-empty string`);
  });
}

/** Validates and normalizes a readAfter `limit` (positive integer, default unlimited). */
export function normalizeLimit(limit: unknown): number {
  if (limit === undefined) return Number.POSITIVE_INFINITY;
  if (typeof limit !== 'number' || !Number.isSafeInteger(limit) || limit < 1) {
    throw new TypeError(`limit must be a positive integer, got ${String(limit)}`);
  }
  return limit;
}
