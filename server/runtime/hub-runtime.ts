import type pino from 'pino';
import type { Logger } from 'pino';
import type { Backplane } from '../backplane/backplane';
import { ConfigError } from '../config/config-error';
import type { HubConfig } from '../config/hub-config';
import { createHub, type Hub } from '../hub/hub';
import { createLogger } from '../logging/logger';
import { createHubMetrics } from '../metrics/hub-metrics';
import { startDemo } from '../demo/demo-runner';
import { DEMO_TENANT_IDS } from '../demo/generator/demo-tenants';
import type { TenantDirectory } from '../directory/tenant-directory';
import type { UserStore } from '../users/user-store';
import { openBackplane } from './open-backplane';
import { openTenantDirectory, seedDemoDirectory } from './open-directory';
import { ensureInitialAdmin, openCredentials, type OpenCredentials } from './open-credentials';
import { withJwtSecret } from './runtime-config';

/**
 * The one way a hub process starts and stops, used by `ops-hub serve`
 * (server/cli/serve-command.ts) and by the desktop app's bundled hub
 * (electron/main/hub-process-entry.ts). Signal handling stays with the caller;
 * `stopAndExit` (exit-on-stop.ts) is what both do on a signal.
 *
 * Start order, each step needing the ones before it:
 * 1. JWT secret: the configured one, or the data dir's (generated once), so a
 *    zero-config hub and its CLI commands sign with one key.
 * 2. Logger, then metrics: everything after logs, and the Redis backplane counts
 *    its errors into the metrics.
 * 3. Backplane: waits for Redis's first connection, so an unreachable Redis fails
 *    the start before anything listens.
 * 4. Credentials (the user store), then the admin: the initial admin file, or
 *    the caller's `provisionAdmin` (the bundled hub's keychain credential). Then
 *    the tenant directory (same storage as the users); with the demo, the demo's
 *    groups are added to it when absent.
 * 5. Hub, then HTTP listen: /readyz answers 200 only once everything it serves
 *    is in place.
 * 6. Demo, when asked: it is a producer like any other and posts through the
 *    ingest API, so it needs the listening URL and the hub's token minter. The
 *    demo tenants' directory entries were seeded in step 4.
 *
 * Shutdown order (`stop()`), whatever started, whoever asks, once:
 * 1. Hub: stop accepting (readyz 503, upgrades and new connections refused),
 *    close every client with 1001 and a reconnect window, let in-flight ingests
 *    finish and write final checkpoints, close the HTTP server, all within
 *    HUB_SHUTDOWN_TIMEOUT. Clients hear "going away" while the backplane still
 *    works, and every ingest the hub answered 200 has reached it.
 * 2. Demo: stopped once the hub refuses new work, so each event it posted was
 *    either acknowledged or is logged as unsent, never half-delivered.
 * 3. Backplane: flush (the memory backplane's head files) and close, after the
 *    last append and checkpoint above, so nothing acknowledged is lost.
 * 4. User store and tenant directory: nothing above needs them any more.
 * 5. Logger: flushed last, so every step above is in the log.
 * A step that fails is logged and the later steps still run; `stop()` then
 * rejects with the first failure.
 */

export interface HubRuntimeOptions {
  /** Run the demo inside the hub: it publishes to the demo tenants, seeded into the directory when absent. */
  demo?: boolean;
  /**
   * Sets up the admin instead of the first-start `initial-admin.txt` (which is
   * written only to a store without users). The bundled hub passes its keychain
   * credential here. Receives the demo tenants to grant and the hub's logger.
   */
  provisionAdmin?: (store: UserStore, tenants: readonly string[], logger: Logger) => Promise<void>;
  /** Where lines for a person at a terminal go (listening, initial admin, console hint); dropped by default. */
  print?: (text: string) => void;
  /** Log destination, stdout by default; tests read the log through it. */
  logDestination?: pino.DestinationStream;
}

/** A running hub. */
export interface HubRuntime {
  readonly config: HubConfig;
  readonly logger: Logger;
  /** The hub's base URL as bound, e.g. http://127.0.0.1:8787. */
  readonly url: string;
  readonly wsUrl: string;
  readonly port: number;
  readonly backplaneKind: Backplane['kind'];
  readonly demo: boolean;
  /**
   * Shuts down in the order above. Idempotent: later calls return the first
   * call's promise. Does not exit the process.
   * @param reason logged with the first step, e.g. `SIGTERM`.
   */
  stop(reason?: string): Promise<void>;
}

/** What is open so far; a failed start closes exactly these, in the shutdown order. */
interface Parts {
  logger?: Logger;
  hub?: Hub;
  stopDemo?: () => void;
  backplane?: Backplane;
  users?: OpenCredentials;
  directory?: TenantDirectory;
}

/**
 * Starts a hub from a validated config (`configFromFlags` in runtime-config.ts), in the start
 * order above. On a failure it closes what it had opened, in the shutdown order,
 * and rethrows.
 * @throws ConfigError for a configuration the hub cannot run with (e.g. `demo`
 *   with HUB_JWKS_URL, which leaves it no key to mint the demo's token); the
 *   listen error (`code` EADDRINUSE, EADDRNOTAVAIL, …); a backplane or store
 *   that cannot be opened.
 */
export async function startHubRuntime(
  hubConfig: HubConfig,
  options: HubRuntimeOptions = {},
): Promise<HubRuntime> {
  const { config, secretCreated } = withJwtSecret(hubConfig);
  const print = options.print ?? (() => undefined);
  const parts: Parts = {};
  try {
    const logger = createLogger(config.logLevel, options.logDestination);
    parts.logger = logger;
    if (secretCreated)
      logger.info(
        { dataDir: config.dataDir },
        'generated a JWT secret in the data dir (jwt-secret, mode 0600)',
      );
    const metrics = createHubMetrics(config.limits.metricsMaxTenants);
    const backplane = await openBackplane(config, logger, metrics);
    parts.backplane = backplane;
    const users = await openCredentials(config, logger);
    parts.users = users;
    if (options.provisionAdmin) await options.provisionAdmin(users.store, DEMO_TENANT_IDS, logger);
    else await ensureInitialAdmin(users, config, logger, print);
    const directory = openTenantDirectory(config, logger);
    parts.directory = directory;
    if (options.demo) {
      const seeded = await seedDemoDirectory(directory);
      if (seeded.length > 0)
        logger.info({ tenants: seeded }, 'added the demo groups to the tenant directory');
    }
    const hub = createHub(config, {
      backplane,
      credentials: users.verifier,
      logger,
      metrics,
      directory,
    });
    parts.hub = hub;
    if (options.demo && !hub.minter)
      throw new ConfigError(
        'HUB_JWKS_URL',
        'the demo mints its own HS256 token; unset HUB_JWKS_URL or run the hub without the demo',
      );
    const address = await hub.listen();
    print(
      `ops-hub listening on ${address.url} (WebSocket ${address.wsUrl}, ${backplane.kind} backplane, data dir ${config.dataDir})\n`,
    );
    if (options.demo && hub.minter) {
      const demoUrl = loopbackUrl(address.url, config.host);
      parts.stopDemo = startDemo({
        hubUrl: demoUrl,
        minter: hub.minter,
        logger: logger.child({ component: 'demo' }),
      });
      print(`demo publishing to ${DEMO_TENANT_IDS.join(' and ')} through ${demoUrl}\n`);
    }
    logger.info(
      { url: address.url, backplane: backplane.kind, demo: Boolean(options.demo) },
      'hub started',
    );
    let stopping: Promise<void> | null = null;
    return {
      config,
      logger,
      url: address.url,
      wsUrl: address.wsUrl,
      port: address.port,
      backplaneKind: backplane.kind,
      demo: Boolean(options.demo),
      stop: (reason = 'stop requested') => (stopping ??= shutDown(parts, reason)),
    };
  } catch (error) {
    await shutDown(parts, 'start failed').catch((cleanupError: unknown) =>
      parts.logger?.error({ err: cleanupError }, 'closing after a failed start also failed'),
    );
    throw error;
  }
}

async function shutDown(parts: Parts, reason: string): Promise<void> {
  const logger = parts.logger;
  let firstFailure: unknown = null;
  const step = async (name: string, run: () => unknown): Promise<void> => {
    logger?.info({ step: name }, `shutdown: ${name}`);
    try {
      await run();
    } catch (error) {
      firstFailure ??= error;
      logger?.error({ err: error, step: name }, `shutdown: ${name} failed`);
    }
  };
  logger?.info({ reason }, 'hub shutting down');
  const { hub, stopDemo, backplane, users, directory } = parts;
  if (hub) await step('stop accepting and close clients (1001)', () => hub.close());
  if (stopDemo) await step('stop the demo', stopDemo);
  if (backplane) await step('flush and close the backplane', () => backplane.close());
  if (users) await step('close the user store', () => users.close());
  if (directory) await step('close the tenant directory', () => directory.close());
  logger?.info(firstFailure ? 'shutdown finished with errors' : 'shutdown complete');
  if (logger) await new Promise<void>((resolve) => logger.flush(() => resolve()));
  if (firstFailure) throw firstFailure;
}

/**
 * The URL the in-process demo posts to: the bound URL, with a wildcard bind
 * address (0.0.0.0, ::) replaced by loopback, which every platform can dial.
 */
function loopbackUrl(boundUrl: string, host: string): string {
  const url = new URL(boundUrl);
  if (host === '0.0.0.0' || host === '') url.hostname = '127.0.0.1';
  else if (host === '::') url.hostname = '[::1]';
  return url.origin;
}
