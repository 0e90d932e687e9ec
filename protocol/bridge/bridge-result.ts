import { z } from 'zod';
import { codeSchema } from '../codes/code-schema';
import { TEXT_MAX_LENGTH } from './bridge-limits';

/**
 * A failure as it crosses the bridge: a plain `{code, message}` that a person
 * can read, its code one of the codes table's (`protocol/codes`).
 */
export const bridgeErrorSchema = z.object({
  code: codeSchema,
  message: z.string().max(TEXT_MAX_LENGTH),
});

export type BridgeError = z.infer<typeof bridgeErrorSchema>;

/** Schema of `BridgeResult<T>` for the value schema `value`. */
export function bridgeResultSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: bridgeErrorSchema }),
  ]);
}

/** Result of an operation that can fail for reasons a person must see. */
export type BridgeResult<T> = { ok: true; value: T } | { ok: false; error: BridgeError };
