import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { Backplane } from '../backplane/backplane';
import type { HubConfig } from '../config/hub-config';
import { createHub, type Hub } from '../hub/hub';
import { createLogger } from '../logging/logger';
import { createHubMetrics } from '../metrics/hub-metrics';
import { startDemo } from '../demo/demo-runner';
import { configFromFlags, withJwtSecret } from '../runtime/runtime-config';
import { openBackplane } from '../runtime/open-backplane';
import { ensureInitialAdmin, openCredentials } from '../runtime/open-credentials';

export interface ServeOptions {
  demo?: boolean;
  [flag: string]: unknown;
}

/**
 * `ops-hub serve`: starts the hub and keeps it running until SIGTERM or SIGINT,
 * then shuts down gracefully within HUB_SHUTDOWN_TIMEOUT.
 */
export async function serve(options: ServeOptions): Promise<void> {
  const { config, secretCreated } = withJwtSecret(configFromFlags(process.env, options));
  const logger = createLogger(config.logLevel);
  if (secretCreated)
    logger.info(
      { dataDir: config.dataDir },
      'generated a JWT secret in the data dir (jwt-secret, mode 0600)',
    );
  const metrics = createHubMetrics(config.limits.metricsMaxTenants);
  const backplane = await openBackplane(config, logger, metrics);
  const users = await openCredentials(config, logger);
  await ensureInitialAdmin(users, config, logger);
  const hub = createHub(config, { backplane, credentials: users.verifier, logger, metrics });
  const address = await hub.listen();
  process.stdout.write(
    `ops-hub listening on ${address.url} (WebSocket ${address.wsUrl}, ${backplane.kind} backplane, data dir ${config.dataDir})\n`,
  );
  process.stdout.write(consoleHint(address.url, config.consoleDir));
  const stopDemo = options.demo ? await startDemoInProcess(hub, address.url, logger) : null;
  installSignalHandlers(hub, backplane, config, logger, async () => {
    stopDemo?.();
    await users.close();
  });
}

/** Tells a new user where the browser console is, or how to build it. */
function consoleHint(hubUrl: string, consoleDir: string): string {
  const url = `${hubUrl}/console/`;
  return existsSync(join(consoleDir, 'index.html'))
    ? `browser console: ${url}\n`
    : `browser console: not built yet; run \`npm run build:renderer\` (or \`npm run console\`) to serve it at ${url}\n`;
}

async function startDemoInProcess(hub: Hub, url: string, logger: Logger): Promise<() => void> {
  if (!hub.minter)
    throw new Error(
      '--demo needs HUB_JWT_SECRET or a generated secret; it cannot mint tokens with HUB_JWKS_URL',
    );
  const minter = hub.minter;
  process.stdout.write(`demo simulator publishing to cedar-group and harbor-eats through ${url}\n`);
  return startDemo({ hubUrl: url, minter, logger: logger.child({ component: 'demo' }) });
}

function installSignalHandlers(
  hub: Hub,
  backplane: Backplane,
  config: HubConfig,
  logger: Logger,
  cleanup: () => Promise<void>,
): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      logger.error({ timeoutMs: config.shutdownTimeoutMs }, 'shutdown timed out; exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs);
    force.unref();
    void (async () => {
      try {
        await hub.close();
        await cleanup();
        await backplane.close();
        logger.info('shutdown complete');
        process.exit(0);
      } catch (error) {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      }
    })();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
