import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import type { Backplane } from '../server/backplane/backplane';
import { MemoryBackplane } from '../server/backplane/memory-backplane';
import { RedisBackplane } from '../server/backplane/redis-backplane';
import { loadHubConfig, type HubConfig } from '../server/config/hub-config';
import { createTokenMinter } from '../server/auth/jwt';
import type { CredentialVerifier } from '../server/auth/credential-verifier';
import { createHub, type Hub } from '../server/hub/hub';
import type { TenantDirectory } from '../server/directory/tenant-directory';

/**
 * A hub inside the test process on a real port, on either backplane, for scenario
 * tests that need no process control. Tests that kill or pause the hub use
 * test-support/hub-process.ts instead.
 * @internal test support
 */
export interface InProcessHub {
  hub: Hub;
  backplane: Backplane;
  config: HubConfig;
  url: string;
  wsUrl: string;
  mintToken(claims: {
    tenants: string[];
    sub?: string;
    scope?: string;
    ttlMs?: number;
  }): Promise<string>;
  /** Closes the hub and its backplane, and removes the temp data dir. */
  close(): Promise<void>;
}

export type BackplaneKind = 'memory' | 'redis';

export async function startInProcessHub(options: {
  backplane: BackplaneKind;
  redisUrl?: string;
  env?: Record<string, string>;
  credentials?: CredentialVerifier;
  /** Share one backplane (e.g. two hubs on one memory backplane is not a thing, but a prepared Redis one is). */
  existingBackplane?: Backplane;
  /** The tenant directory boards take their names, time zone and currency from; none by default. The caller closes it. */
  directory?: TenantDirectory;
}): Promise<InProcessHub> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ops-hub-test-'));
  const secret = randomBytes(32).toString('base64url');
  const config = loadHubConfig({
    HUB_PORT: '0',
    HUB_DATA_DIR: dataDir,
    HUB_JWT_SECRET: secret,
    HUB_LOG_LEVEL: 'warn',
    ...options.env,
  });
  const logger = pino({ level: process.env.HUB_TEST_LOG_LEVEL ?? 'warn' });
  const retention = { maxEvents: config.replayMaxEvents, maxAgeMs: config.replayMaxAgeMs };
  let backplane = options.existingBackplane;
  if (!backplane) {
    if (options.backplane === 'redis') {
      const target =
        config.redisHa.target ??
        (options.redisUrl ? { kind: 'url' as const, url: options.redisUrl } : undefined);
      if (!target)
        throw new TypeError(
          'startInProcessHub({backplane: "redis"}) needs redisUrl, or REDIS_SENTINELS / REDIS_CLUSTER_NODES in env',
        );
      backplane = await RedisBackplane.connect({
        target,
        minReplicas: config.redisHa.minReplicas,
        retention,
        logger,
      });
    } else {
      backplane = new MemoryBackplane({ retention, logger });
    }
  }
  const hub = createHub(config, {
    backplane,
    logger,
    credentials: options.credentials ?? null,
    ...(options.directory ? { directory: options.directory } : {}),
  });
  const address = await hub.listen();
  const minter = createTokenMinter({ secret });
  const ownBackplane = !options.existingBackplane;
  return {
    hub,
    backplane,
    config,
    url: address.url,
    wsUrl: address.wsUrl,
    mintToken: async (claims) =>
      (
        await minter.mint({
          sub: claims.sub ?? 'test',
          tenants: claims.tenants,
          scope: claims.scope ?? 'read',
          ttlMs: claims.ttlMs ?? 900_000,
        })
      ).token,
    async close() {
      await hub.close();
      if (ownBackplane) await backplane.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Two hubs can share one secret only when it is passed in: a helper to mint on the hub's own secret. */
export function secretOf(hub: InProcessHub): string {
  return hub.config.jwt.secret as string;
}
