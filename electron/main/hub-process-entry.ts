/**
 * Entry of the bundled hub, run by the main process in an Electron
 * utilityProcess (built to out/main/hub-process.js). It is the project's own
 * hub, composed as `ops-hub serve` composes it, and configured by the same
 * HUB_* variables, which main sets (see electron/core/hosted-hub/hub-process-launch.ts);
 * the admin credential and a Redis URL arrive over the port instead (hub-secrets.ts).
 * It reports readiness or failure to main over `process.parentPort` and
 * drains gracefully when main sends `stop`. No `electron` import: the utility
 * process is plain Node plus `parentPort`.
 */
import { ensureBundledAdmin } from '../core/hosted-hub/bundled-admin';
import {
  HUB_STOP_MESSAGE,
  hubParentMessageSchema,
  localHubUrl,
  type HubChildMessage,
} from '../core/hosted-hub/hub-process-messages';
import {
  hubSidePort,
  receiveHubSecrets,
  type ElectronParentPort,
} from '../core/hosted-hub/hub-secrets';
import { ConfigError } from '../../server/config/config-error';
import { loadHubConfig } from '../../server/config/hub-config';
import { withJwtSecret } from '../../server/cli/cli-config';
import { openBackplane } from '../../server/cli/open-backplane';
import { ensureInitialAdmin, openCredentials } from '../../server/cli/user-store';
import { createHub } from '../../server/hub/hub';
import { DEMO_TENANT_PROFILES } from '../../server/hub/tenant-profiles';
import { createLogger } from '../../server/logging/logger';
import { createHubMetrics } from '../../server/metrics/hub-metrics';
import { startDemo } from '../../server/demo/demo-runner';

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
  const { config } = withJwtSecret(loadHubConfig(env));
  const logger = createLogger(config.logLevel);
  const metrics = createHubMetrics();
  const backplane = await openBackplane(config, logger, metrics);
  const users = await openCredentials(config, logger);
  const admin = secrets?.admin;
  if (admin) {
    // The console's keychain holds the admin password; make the user store match it
    // (no plaintext initial-admin file, unlike a standalone `ops-hub serve`).
    const done = await ensureBundledAdmin(
      users.store,
      admin.username,
      admin.password,
      Object.keys(DEMO_TENANT_PROFILES),
    );
    logger.info({ user: admin.username, done }, 'bundled hub admin credential checked');
  } else {
    await ensureInitialAdmin(users, config, logger);
  }
  const hub = createHub(config, {
    backplane,
    credentials: users.verifier,
    logger,
    metrics,
  });
  const address = await hub.listen();
  let stopDemo: (() => void) | null = null;
  if (demo) {
    if (!hub.minter)
      throw Object.assign(new Error('the demo needs a JWT secret, not HUB_JWKS_URL'), {
        code: 'config',
      });
    stopDemo = startDemo({
      hubUrl: localHubUrl(address.port, config.host),
      minter: hub.minter,
      logger: logger.child({ component: 'demo' }),
    });
  }
  report({ type: 'ready', url: address.url, port: address.port, backplane: backplane.kind, demo });

  let stopping = false;
  const stop = async (why: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ why }, 'bundled hub shutting down');
    const force = setTimeout(() => process.exit(1), config.shutdownTimeoutMs + 1000);
    force.unref();
    stopDemo?.();
    await users.close();
    await hub.close();
    await backplane.close();
    process.exit(0);
  };
  port?.onMessage((data) => {
    if (hubParentMessageSchema.safeParse(data).success)
      void stop(`main sent ${HUB_STOP_MESSAGE.type}`);
  });
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

function failureCode(error: unknown): string {
  if (error instanceof ConfigError) return 'config';
  const code = (error as { code?: unknown }).code;
  if (code === 'EADDRINUSE') return 'port_in_use';
  if (code === 'EADDRNOTAVAIL') return 'bad_address';
  return typeof code === 'string' && /^[a-z_]+$/.test(code) ? code : 'hub_failed';
}

run().catch((error: unknown) => {
  report({
    type: 'failed',
    code: failureCode(error),
    message: error instanceof Error ? error.message : String(error),
  });
  // Let the message flush before exiting.
  setTimeout(() => process.exit(1), 100);
});
