/**
 * Benchmark: 100 tenants on a 3-shard Redis Cluster (3 primaries + 3 replicas,
 * started with redis-cli --cluster create) against one Redis server. Each run
 * appends single events from `concurrency` producers to tenants picked round robin,
 * while one backplane subscribes to every tenant (sharded pub/sub), and prints
 * appends/s, append p50/p99 and append-to-delivery p99. Figures only; it never
 * fails on a timing. All servers run on this machine, so the cluster shows its
 * overhead, not the scale-out that separate hosts would give.
 * Run: npx tsx bench/redis-cluster-throughput.ts [appends] [concurrency]
 */
import pino from 'pino';
import type { OpsEvent, SequencedEvent } from '../protocol/events';
import { RedisBackplane } from '../server/backplane/redis-backplane';
import type { RedisTarget } from '../server/backplane/redis-connections';
import { tenantKeys } from '../server/backplane/redis-keys';
import { startRedisCluster } from '../test-support/redis-cluster';
import { startRedis } from '../test-support/redis-server';

const appends = Number(process.argv[2] ?? 20_000);
const concurrency = Number(process.argv[3] ?? 32);
const TENANTS = Array.from({ length: 100 }, (_, i) => `bench-tenant-${i}`);
if (
  !Number.isInteger(appends) ||
  appends <= 0 ||
  !Number.isInteger(concurrency) ||
  concurrency < 1
) {
  console.error('usage: tsx bench/redis-cluster-throughput.ts [appends] [concurrency]');
  process.exit(2);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
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

async function run(label: string, target: RedisTarget): Promise<void> {
  const logger = pino({ level: 'warn' });
  const producer = await RedisBackplane.connect({ target, logger, keyPrefix: 'ops-bench' });
  const consumer = await RedisBackplane.connect({ target, logger, keyPrefix: 'ops-bench' });
  const sentAt = new Map<string, number>();
  const deliveries: number[] = [];
  const stops = await Promise.all(
    TENANTS.map(async (tenant) => {
      const head = await consumer.head(tenant);
      return consumer.subscribe(
        tenant,
        head.seq,
        {
          onEvents: (events: SequencedEvent[]) => {
            const now = performance.now();
            for (const e of events) {
              const t0 = sentAt.get(e.event.id);
              if (t0 !== undefined) deliveries.push(now - t0);
            }
          },
          onReset: () => undefined,
        },
        { epoch: head.epoch },
      );
    }),
  );
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < appends) {
        const tenant = TENANTS[next % TENANTS.length] as string;
        next += 1;
        const batch = event();
        const t0 = performance.now();
        sentAt.set(batch[0]!.id, t0);
        await producer.append(tenant, batch, Date.now());
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const deadline = Date.now() + 10_000;
  while (deliveries.length < appends && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 20));
  latencies.sort((a, b) => a - b);
  deliveries.sort((a, b) => a - b);
  console.log(
    `${label.padEnd(16)} tenants=${TENANTS.length} appends=${appends} concurrency=${concurrency} ` +
      `appends/s=${(appends / seconds).toFixed(0)} append p50=${percentile(latencies, 50).toFixed(2)}ms ` +
      `p99=${percentile(latencies, 99).toFixed(2)}ms delivered=${deliveries.length} ` +
      `delivery p99=${percentile(deliveries, 99).toFixed(2)}ms`,
  );
  for (const stop of stops) await stop();
  await Promise.all([producer.close(), consumer.close()]);
}

const single = await startRedis();
try {
  await run('single redis', { kind: 'url', url: single.url });
} finally {
  await single.stop();
}

const cluster = await startRedisCluster();
try {
  const perShard = new Map<number, number>();
  for (const tenant of TENANTS) {
    const owner = await cluster.primaryForKey(tenantKeys(tenant, 'ops-bench').seq);
    perShard.set(owner, (perShard.get(owner) ?? 0) + 1);
  }
  console.log(`cluster shards   tenants per primary: ${[...perShard.values()].join(' / ')}`);
  const nodes = cluster.ports.map((port) => ({ host: '127.0.0.1', port }));
  await run('3-shard cluster', { kind: 'cluster', nodes });
} finally {
  await cluster.stop();
}
