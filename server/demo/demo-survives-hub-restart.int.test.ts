import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHubProcess, type HubProcess } from '../../test-support/hub-process';
import { startRedis, type RedisTestServer } from '../../test-support/redis-server';
import { tenantKeys } from '../backplane/redis-keys';

const ROOT = resolve(import.meta.dirname, '..', '..');
const TENANTS = ['cedar-group', 'harbor-eats'];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Every event id in a tenant's Redis stream, in seq order. */
async function streamIds(redis: Redis, tenant: string): Promise<string[]> {
  const entries = await redis.xrange(tenantKeys(tenant).stream, '-', '+');
  return entries.map(([, fields]) => {
    const json = fields[fields.indexOf('e') + 1] as string;
    return (JSON.parse(json) as { id: string }).id;
  });
}

async function allIds(redis: Redis): Promise<string[]> {
  return (await Promise.all(TENANTS.map((t) => streamIds(redis, t)))).flat();
}

/** The numbers of the ids the demo's producer gave (`demo-<8 chars>-<n>`). */
function producerNumbers(ids: string[]): number[] {
  return ids.flatMap((id) => {
    const match = /^demo-[\w-]{8}-(\d+)$/.exec(id);
    return match ? [Number(match[1])] : [];
  });
}

describe('the demo keeps going through a frozen and a crashed hub', () => {
  let redisServer: RedisTestServer;
  let redis: Redis;
  let hub: HubProcess;
  let dataDir: string;

  beforeAll(async () => {
    redisServer = await startRedis();
    redis = new Redis(redisServer.url);
    hub = await startHubProcess({ redisUrl: redisServer.url });
    dataDir = mkdtempSync(join(tmpdir(), 'ops-demo-'));
  });
  afterAll(async () => {
    await hub?.stop();
    redis?.disconnect();
    await redisServer?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('loses and doubles no event: retries resend the same ids and the hub drops the repeats', async () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      HUB_JWT_SECRET: hub.jwtSecret,
      HUB_DATA_DIR: dataDir,
      HUB_LOG_LEVEL: 'info',
    };
    delete env.REDIS_URL;
    let settled = 0;
    const demo = spawn(
      process.execPath,
      [join(ROOT, 'bin', 'ops-hub.mjs'), 'demo', '--hub', hub.url],
      {
        cwd: ROOT,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    demo.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    demo.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((done) => demo.once('exit', done));
    try {
      const started = Date.now();
      while ((await allIds(redis)).length < 20 && Date.now() - started < 30_000) await sleep(250);
      expect(
        (await allIds(redis)).length,
        `${output}\nkeys: ${(await redis.keys('*')).join(' ')}`,
      ).toBeGreaterThanOrEqual(20);

      // Frozen longer than the producer's 10 s request timeout: the stalled POST is
      // abandoned and resent, and the hub, on waking, reads both.
      hub.pause();
      await sleep(13_000);
      hub.resume();
      await sleep(3000);
      // A crash, then a restart on the same port.
      await hub.kill();
      await sleep(3000);
      await hub.restart();
      await sleep(7000);
      // Everything the demo made up to here must be in the log by the end.
      settled = Math.max(...producerNumbers(await allIds(redis)));
      await sleep(3000);
    } finally {
      demo.kill('SIGTERM');
    }
    expect(await exited).toBe(0);

    const ids = await allIds(redis);
    expect(settled).toBeGreaterThan(50);
    expect(new Set(ids).size, 'an event id appears twice in the log').toBe(ids.length);
    const numbers = new Set(producerNumbers(ids));
    const missing: number[] = [];
    for (let n = 1; n <= settled; n++) if (!numbers.has(n)) missing.push(n);
    expect(output).toMatch(/retrying the same events with backoff/);
    expect(output).toMatch(/reached the hub again/);
    expect(output).not.toMatch(/dropped/);
    expect(missing, output.slice(-4000)).toEqual([]);
  });
});
