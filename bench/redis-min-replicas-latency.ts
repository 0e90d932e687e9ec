/**
 * Benchmark: what HUB_REDIS_MIN_REPLICAS=1 (WAIT 1 after every append) costs in
 * append latency, against a real primary with one replica on loopback.
 * Prints p50/p99 per append and appends/s, without and with the wait, at
 * concurrency 1 and 16. Figures only; it never fails on a timing.
 * Run: npx tsx bench/redis-min-replicas-latency.ts [appends]
 */
import pino from 'pino';
import type { OpsEvent } from '../protocol/events';
import { RedisBackplane } from '../server/backplane/redis-backplane';
import { startPrimaryWithReplica } from '../test-support/redis-replication';

const appends = Number(process.argv[2] ?? 3000);
if (!Number.isInteger(appends) || appends <= 0) {
  console.error('usage: tsx bench/redis-min-replicas-latency.ts [appends: positive integer]');
  process.exit(2);
}

let counter = 0;
function event(): OpsEvent[] {
  counter += 1;
  return [
    {
      id: `bench-${counter}`,
      type: 'queue.length',
      location: 'jounieh',
      data: { queue: 'kitchen', length: counter % 40 },
    },
  ];
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function measure(backplane: RedisBackplane, concurrency: number) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (next < appends) {
        next += 1;
        const t0 = performance.now();
        await backplane.append(`bench-${worker}`, event(), Date.now());
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    p50: percentile(latencies, 50).toFixed(3),
    p99: percentile(latencies, 99).toFixed(3),
    perSecond: Math.round(appends / seconds),
  };
}

const pair = await startPrimaryWithReplica();
try {
  await pair.waitInSync();
  const logger = pino({ level: 'silent' });
  for (const concurrency of [1, 16]) {
    for (const minReplicas of [undefined, { count: 1, timeoutMs: 1000 }]) {
      const backplane = await RedisBackplane.connect({
        url: pair.primary.url,
        logger,
        minReplicas,
      });
      await measure(backplane, concurrency); // warm-up: scripts loaded, JIT warm
      const figures = await measure(backplane, concurrency);
      await backplane.close();
      console.log(
        `concurrency ${String(concurrency).padStart(2)}  ${minReplicas ? 'WAIT 1   ' : 'no WAIT  '}  p50 ${figures.p50} ms  p99 ${figures.p99} ms  ${figures.perSecond} appends/s`,
      );
    }
  }
} finally {
  await pair.stop();
}
