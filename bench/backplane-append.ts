/**
 * Benchmark: append throughput and latency of the backplanes.
 * Prints appends/s and p50/p99 append latency for the memory backplane (in memory only,
 * and with a data dir in the OS temp dir, as `npm run hub` uses it), and for
 * Redis when REDIS_URL is set (`REDIS_URL=auto` starts a throwaway redis-server
 * through test-support). Figures only; it never fails on a timing.
 * Run: npx tsx bench/backplane-append.ts [appends] [batchSize]
 *      REDIS_URL=auto npx tsx bench/backplane-append.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { redactUrl } from '../node-shared/redact-url';
import type { OpsEvent } from '../protocol/events';
import type { Backplane } from '../server/backplane/backplane';
import { MemoryBackplane } from '../server/backplane/memory-backplane';
import { RedisBackplane } from '../server/backplane/redis-backplane';
import { startRedis, type RedisTestServer } from '../test-support/redis-server';

const appends = Number(process.argv[2] ?? 5000);
const batchSize = Number(process.argv[3] ?? 1);
const concurrency = 16;
if (
  !Number.isInteger(appends) ||
  appends <= 0 ||
  !Number.isInteger(batchSize) ||
  batchSize < 1 ||
  batchSize > 500
) {
  console.error(
    'usage: tsx bench/backplane-append.ts [appends: positive integer] [batchSize: 1..500]',
  );
  process.exit(2);
}

let counter = 0;
function batch(): OpsEvent[] {
  return Array.from({ length: batchSize }, () => {
    counter += 1;
    return {
      type: 'order.status',
      id: `bench-${counter}`,
      location: 'downtown',
      data: { orderId: `o-${counter}`, status: 'preparing' },
    };
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function measure(label: string, backplane: Backplane): Promise<void> {
  const tenant = `bench-${Date.now().toString(36)}`;
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  // `concurrency` producers share the work, like several ingest requests in flight.
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < appends) {
        next += 1;
        const t0 = performance.now();
        await backplane.append(tenant, batch(), Date.now());
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const head = await backplane.head(tenant);
  console.log(
    `${label.padEnd(14)} appends=${appends} batch=${batchSize} concurrency=${concurrency} ` +
      `appends/s=${(appends / seconds).toFixed(0)} events/s=${((appends * batchSize) / seconds).toFixed(0)} ` +
      `p50=${percentile(latencies, 50).toFixed(3)}ms p99=${percentile(latencies, 99).toFixed(3)}ms head.seq=${head.seq}`,
  );
}

const logger = pino({ level: 'warn' });
const memory = new MemoryBackplane({ logger });
await measure('memory', memory);
await memory.close();

const dataDir = mkdtempSync(join(tmpdir(), 'bench-backplane-'));
try {
  const persisted = new MemoryBackplane({ logger, dataDir });
  await measure('memory+dataDir', persisted);
  await persisted.close();
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}

const redisUrl = process.env.REDIS_URL;
if (redisUrl) {
  let server: RedisTestServer | null = null;
  try {
    if (redisUrl === 'auto') server = await startRedis({ persistence: false });
    const url = server?.url ?? redisUrl;
    const redis = await RedisBackplane.connect({ url, logger, keyPrefix: 'ops-bench' });
    await measure('redis', redis);
    await redis.close();
    console.log(
      `redis    at ${redactUrl(url)}${server ? ' (started by the bench, no persistence)' : ''}`,
    );
  } finally {
    await server?.stop();
  }
} else {
  console.log(
    'redis    skipped: set REDIS_URL (or REDIS_URL=auto to start a throwaway redis-server)',
  );
}
