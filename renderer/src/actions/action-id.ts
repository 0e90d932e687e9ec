import { actionIdSchema } from '../../../protocol/actions';

/**
 * A fresh idempotency key for one action (a UUID, 36 characters of the id schema's
 * alphabet). Made once per click; a retry reuses it, so the hub never acts twice.
 */
export function newActionId(): string {
  const id =
    typeof crypto.randomUUID === 'function'
      ? crypto.randomUUID()
      : [...crypto.getRandomValues(new Uint8Array(16))]
          .map((byte) => byte.toString(16).padStart(2, '0'))
          .join('');
  return actionIdSchema.parse(id);
}
