import { ingestPath, type EventInput, type IngestResponse } from '../../protocol';
import { launchChromium, type TestBrowser } from '../../test-support/browser';
import { startHubProcess, type HubProcess } from '../../test-support/hub-process';
import { startRedis, type RedisTestServer } from '../../test-support/redis-server';
import { ensureRendererBuilt } from './build-once';

/** The demo tenants `ops-hub serve --demo` publishes to. */
export const CEDAR = 'cedar-group';
export const HARBOR = 'harbor-eats';

/**
 * Users every harness creates: one with both demo tenants, one with cedar-group only
 * (both `read`: they watch), and one shift lead who may act on cedar-group (`operate`).
 */
export const USERS = {
  both: {
    username: 'floor-lead',
    password: 'e2e-pass-both-9f3k',
    tenants: [CEDAR, HARBOR],
    scope: 'read',
  },
  cedarOnly: {
    username: 'cedar-manager',
    password: 'e2e-pass-cedar-2m8q',
    tenants: [CEDAR],
    scope: 'read',
  },
  operator: {
    username: 'shift-lead',
    password: 'e2e-pass-operate-7h2d',
    tenants: [CEDAR],
    scope: 'read operate',
  },
} as const;

export type BackplaneKind = 'memory' | 'redis';

export interface ConsoleHarnessOptions {
  backplane: BackplaneKind;
  /** HUB_HEARTBEAT_MS; short so "within 2 heartbeats" is quick. Default 1000. */
  heartbeatMs?: number;
  /** HUB_APP_HEARTBEAT_MS; `heartbeatMs` by default (see HubProcessOptions). */
  appHeartbeatMs?: number;
  /** Run the demo simulator in the hub. Default true. */
  demo?: boolean;
  viewport?: { width: number; height: number };
  /** HUB_TOKEN_TTL, e.g. '6s'; the hub default (15m) otherwise. */
  tokenTtl?: string;
}

/**
 * A real hub child process (demo simulator on, memory or Redis backplane)
 * serving the built renderer at /console, plus a fresh Chromium. `close()`
 * kills everything this harness started, also after a failed test.
 */
export interface ConsoleHarness {
  readonly hub: HubProcess;
  readonly browser: TestBrowser;
  readonly redis: RedisTestServer | null;
  /** `http://127.0.0.1:<port>/console/` */
  readonly consoleUrl: string;
  /** Ingests events into a tenant over HTTP with a publish token; returns the hub's answer. @throws on a non-2xx answer. */
  publish(tenant: string, events: EventInput[]): Promise<IngestResponse>;
  close(): Promise<void>;
}

export async function startConsoleHarness(options: ConsoleHarnessOptions): Promise<ConsoleHarness> {
  const consoleDir = await ensureRendererBuilt();
  let redis: RedisTestServer | null = null;
  let hub: HubProcess | null = null;
  let browser: TestBrowser | null = null;
  const close = async () => {
    await browser?.close();
    await hub?.stop();
    await redis?.stop();
  };
  try {
    if (options.backplane === 'redis') redis = await startRedis();
    hub = await startHubProcess({
      demo: options.demo ?? true,
      heartbeatMs: options.heartbeatMs ?? 1000,
      ...(options.appHeartbeatMs ? { appHeartbeatMs: options.appHeartbeatMs } : {}),
      shutdownTimeout: '2s',
      env: { HUB_CONSOLE_DIR: consoleDir },
      ...(options.tokenTtl ? { tokenTtl: options.tokenTtl } : {}),
      ...(redis ? { redisUrl: redis.url } : {}),
    });
    for (const user of Object.values(USERS))
      await hub.addUser(user.username, user.password, {
        tenants: [...user.tenants],
        scope: user.scope,
      });
    browser = await launchChromium(options.viewport ? { viewport: options.viewport } : {});
  } catch (error) {
    await close();
    throw error;
  }
  const started = hub;
  const publishToken = await started.mintToken({
    tenants: [CEDAR, HARBOR],
    scope: 'publish',
    sub: 'e2e-producer',
    ttl: '1h',
  });
  return {
    hub: started,
    browser,
    redis,
    consoleUrl: `${started.url}/console/`,
    async publish(tenant, events) {
      const response = await fetch(started.url + ingestPath(tenant), {
        method: 'POST',
        headers: { authorization: `Bearer ${publishToken}`, 'content-type': 'application/json' },
        body: JSON.stringify(events.length === 1 ? events[0] : { events }),
      });
      const body = (await response.json()) as IngestResponse;
      if (!response.ok)
        throw new Error(
          `ingest into ${tenant} answered ${response.status}: ${JSON.stringify(body)}`,
        );
      return body;
    },
    close,
  };
}
