/**
 * Entry of the bundled hub, run by the main process in an Electron
 * utilityProcess (built to out/main/hub-process.js). It is the project's own
 * hub, started by the same runtime as `ops-hub serve` (server/runtime/) and
 * configured by the same HUB_* variables, which main sets (see
 * electron/core/hosted-hub/hub-process-launch.ts); the admin credential and a
 * Redis URL arrive over the port instead (hub-secrets.ts). It reports readiness
 * or failure to main over `process.parentPort` and drains gracefully when main
 * sends `stop`. No `electron` import: the utility process is plain Node plus
 * `parentPort`. From server/ it imports only server/runtime/.
 */
import { ensureBundledAdmin } from '../core/hosted-hub/bundled-admin';
import {
  HUB_STOP_MESSAGE,
  hubParentMessageSchema,
  type HubChildMessage,
} from '../core/hosted-hub/hub-process-messages';
import {
  hubSidePort,
  receiveHubSecrets,
  type ElectronParentPort,
} from '../core/hosted-hub/hub-secrets';
import { stopAndExit } from '../../server/runtime/exit-on-stop';
import { startHubRuntime } from '../../server/runtime/hub-runtime';
import { configFromFlags } from '../../server/runtime/runtime-config';
import { describeStartFailure } from '../../server/runtime/start-failure';

// Electron's parentPort in a utility process; a Node IPC channel when forked by tests.
const port = hubSidePort((process as unknown as { parentPort?: ElectronParentPort }).parentPort);

function report(message: HubChildMessage): void {
  if (port) port.postMessage(message);
  else process.stdout.write(`${JSON.stringify(message)}\n`);
}

async function run(): Promise<void> {
  const demo = process.argv.includes('--demo');
  // Secrets come over the port, never the environment (see hub-secrets.ts).
  const secrets = port ? await receiveHubSecrets(port) : null;
  const env = secrets?.redisUrl ? { ...process.env, REDIS_URL: secrets.redisUrl } : process.env;
  const admin = secrets?.admin;
  const runtime = await startHubRuntime(configFromFlags(env, {}), {
    demo,
    // The console's keychain holds the admin password; make the user store match it
    // (no plaintext initial-admin file, unlike a standalone `ops-hub serve`).
    ...(admin
      ? {
          provisionAdmin: async (store, tenants, logger) => {
            const done = await ensureBundledAdmin(store, admin.username, admin.password, tenants);
            logger.info({ user: admin.username, done }, 'bundled hub admin credential checked');
          },
        }
      : {}),
  });
  report({
    type: 'ready',
    url: runtime.url,
    port: runtime.port,
    backplane: runtime.backplaneKind,
    demo: runtime.demo,
  });
  port?.onMessage((data) => {
    if (hubParentMessageSchema.safeParse(data).success)
      stopAndExit(runtime, `main sent ${HUB_STOP_MESSAGE.type}`);
  });
  process.on('SIGTERM', () => stopAndExit(runtime, 'SIGTERM'));
}

run().catch((error: unknown) => {
  report({ type: 'failed', ...describeStartFailure(error) });
  // Let the message flush before exiting.
  setTimeout(() => process.exit(1), 100);
});
