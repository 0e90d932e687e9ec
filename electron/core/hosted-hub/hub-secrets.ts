import { z } from 'zod';
import { CodedError } from '../../../protocol/codes';

/**
 * The bundled hub's secrets travel over the utility process's message port,
 * never in its environment: `/proc/<pid>/environ` keeps a process's initial
 * environment for its whole life, readable by the same user, even after
 * `delete process.env.X`. The hub asks once it listens for messages
 * (`awaiting_secrets`), main answers with `secrets`, and only then does the hub
 * read its configuration.
 */

/** hub → main: ready to receive the secrets. */
export const HUB_AWAITING_SECRETS = { type: 'awaiting_secrets' } as const;
export const hubAwaitingSecretsSchema = z.object({ type: z.literal('awaiting_secrets') });

/** main → hub: the admin credential (from the console's keychain) and, when Redis is chosen, its URL (which may carry a password). */
export const hubSecretsMessageSchema = z.strictObject({
  type: z.literal('secrets'),
  admin: z.strictObject({
    username: z.string().min(1).max(128),
    password: z.string().min(1).max(1024),
  }),
  redisUrl: z.string().min(1).max(4096).optional(),
});
export type HubSecretsMessage = z.infer<typeof hubSecretsMessageSchema>;
export type HubSecrets = Omit<HubSecretsMessage, 'type'>;

/**
 * One end of the message channel between main and the hub: Electron's
 * `process.parentPort` / `UtilityProcess`, or a Node `child_process` IPC channel.
 */
export interface HubMessagePort {
  postMessage(message: unknown): void;
  /** Returns an unsubscribe function. */
  onMessage(listener: (data: unknown) => void): () => void;
}

/** The secrets did not arrive, or arrived malformed. The message never includes a secret. */
export class HubSecretsError extends CodedError {
  override readonly name = 'HubSecretsError';
  constructor(message: string) {
    super('secrets', message);
  }
}

/** Default wait for main's answer, ms. */
export const SECRETS_TIMEOUT_MS = 10_000;

/**
 * Hub side: asks main for the secrets and resolves with them. Other messages
 * (e.g. an early `stop`) are left to their own listeners.
 * @throws HubSecretsError when nothing valid arrives within `timeoutMs`, or a
 *   `secrets` message breaks the schema (naming the field, not the value).
 */
export function receiveHubSecrets(
  port: HubMessagePort,
  timeoutMs = SECRETS_TIMEOUT_MS,
): Promise<HubSecrets> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      unsubscribe();
      reject(
        new HubSecretsError(`the console sent the hub no secrets within ${timeoutMs / 1000} s`),
      );
    }, timeoutMs);
    const unsubscribe = port.onMessage((data) => {
      if ((data as { type?: unknown } | null)?.type !== 'secrets') return;
      clearTimeout(timer);
      unsubscribe();
      const parsed = hubSecretsMessageSchema.safeParse(data);
      if (!parsed.success) {
        const fields = parsed.error.issues.map((issue) => issue.path.join('.') || '(root)');
        reject(new HubSecretsError(`the console sent malformed secrets (${fields.join(', ')})`));
        return;
      }
      const { type: _type, ...secrets } = parsed.data;
      resolve(secrets);
    });
    port.postMessage(HUB_AWAITING_SECRETS);
  });
}

/**
 * Main side: answers the hub's `awaiting_secrets` with `secrets`, every time it
 * asks (a restarted entry asks again). Returns an unsubscribe function.
 */
export function serveHubSecrets(port: HubMessagePort, secrets: HubSecrets): () => void {
  return port.onMessage((data) => {
    if (!hubAwaitingSecretsSchema.safeParse(data).success) return;
    const message: HubSecretsMessage = { type: 'secrets', ...secrets };
    port.postMessage(message);
  });
}

/** A Node `child_process` IPC channel as a port, seen from the child (`process.send`). */
export function processIpcPort(proc: NodeJS.Process = process): HubMessagePort | null {
  const send = proc.send?.bind(proc);
  if (!send) return null;
  return {
    postMessage: (message) => void send(message),
    onMessage: (listener) => {
      proc.on('message', listener);
      return () => void proc.off('message', listener);
    },
  };
}

/** Electron's `process.parentPort` in a utility process: messages arrive as `{data}` events. */
export interface ElectronParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  off(event: 'message', listener: (event: { data: unknown }) => void): unknown;
}

/** The hub's end of its channel to main: Electron's parentPort, else a Node IPC channel, else none (run by hand). */
export function hubSidePort(parentPort: ElectronParentPort | undefined): HubMessagePort | null {
  if (!parentPort) return processIpcPort();
  return {
    postMessage: (message) => parentPort.postMessage(message),
    onMessage: (listener) => {
      const unwrap = (event: { data: unknown }) => listener(event.data);
      parentPort.on('message', unwrap);
      return () => void parentPort.off('message', unwrap);
    },
  };
}

/** Main's handle on the hub process: Electron's `UtilityProcess` (messages arrive as plain values). */
export interface HubProcessHandle {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  off(event: 'message', listener: (message: unknown) => void): unknown;
}

/** Main's end of the channel to the hub. */
export function mainSidePort(child: HubProcessHandle): HubMessagePort {
  return {
    postMessage: (message) => child.postMessage(message),
    onMessage: (listener) => {
      child.on('message', listener);
      return () => void child.off('message', listener);
    },
  };
}
