import { z } from 'zod';
import { codeSchema } from '../../../protocol/codes';
import { hubAwaitingSecretsSchema } from './hub-secrets';

/**
 * Messages between the main process and the bundled hub running in an
 * Electron utilityProcess (over `process.parentPort` / `child.postMessage`).
 * Both sides parse with these schemas; the child is our code, but a crash
 * mid-message or a version skew must not throw in main.
 */

export const hubReadyMessageSchema = z.object({
  type: z.literal('ready'),
  /** The hub's HTTP base URL as bound, e.g. http://0.0.0.0:8787. */
  url: z.string(),
  port: z.number().int().min(1).max(65535),
  backplane: z.enum(['memory', 'redis']),
  demo: z.boolean(),
});

export const hubFailedMessageSchema = z.object({
  type: z.literal('failed'),
  code: codeSchema,
  message: z.string(),
});

export const hubChildMessageSchema = z.discriminatedUnion('type', [
  hubReadyMessageSchema,
  hubFailedMessageSchema,
  // Answered by serveHubSecrets (hub-secrets.ts); the readiness wait ignores it.
  hubAwaitingSecretsSchema,
]);
export type HubChildMessage = z.infer<typeof hubChildMessageSchema>;
export type HubReadyMessage = z.infer<typeof hubReadyMessageSchema>;

/** main → hub: drain and exit with code 0. */
export const HUB_STOP_MESSAGE = { type: 'stop' } as const;
export const hubParentMessageSchema = z.object({ type: z.literal('stop') });

/** Parses a message from the hub process; anything unexpected becomes a `failed` with code `bad_message`. */
export function parseHubChildMessage(raw: unknown): HubChildMessage {
  const parsed = hubChildMessageSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  return {
    type: 'failed',
    code: 'bad_message',
    message: `The bundled hub sent an unexpected message: ${parsed.error.issues[0]?.message ?? 'unknown shape'}`,
  };
}

/**
 * The URL this PC's console uses to reach its own hub. A hub bound to every
 * interface (0.0.0.0 or ::) is reached over loopback; otherwise at the bound address.
 */
export function localHubUrl(port: number, bindAddress: string): string {
  if (bindAddress === '0.0.0.0' || bindAddress === '') return `http://127.0.0.1:${port}`;
  if (bindAddress === '::' || bindAddress === '[::]') return `http://[::1]:${port}`;
  const host =
    bindAddress.includes(':') && !bindAddress.startsWith('[') ? `[${bindAddress}]` : bindAddress;
  return `http://${host}:${port}`;
}
