import type { HubRuntime } from './hub-runtime';

/** Extra time past HUB_SHUTDOWN_TIMEOUT for the backplane flush and store close, which come after the hub's own deadline. */
export const SHUTDOWN_GRACE_MS = 1000;

let exiting = false;

/**
 * What a hub process does when told to stop (a signal, or the desktop app's
 * `stop` message): `runtime.stop(reason)`, then exit 0; exit 1 when the
 * shutdown fails or has not finished within HUB_SHUTDOWN_TIMEOUT plus
 * `SHUTDOWN_GRACE_MS`. Safe to call more than once; the first call decides.
 */
export function stopAndExit(runtime: HubRuntime, reason: string): void {
  if (exiting) return;
  exiting = true;
  const timeoutMs = runtime.config.shutdownTimeoutMs + SHUTDOWN_GRACE_MS;
  const force = setTimeout(() => {
    runtime.logger.error({ timeoutMs }, 'shutdown timed out; exiting');
    process.exit(1);
  }, timeoutMs);
  force.unref();
  runtime.stop(reason).then(
    () => process.exit(0),
    () => process.exit(1),
  );
}
