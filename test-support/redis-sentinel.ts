import { Redis } from 'ioredis';
import { freePort } from './free-port';
import { startRedisChild, type RedisChild } from './redis-child';
import { startPrimaryWithReplica, type PrimaryWithReplica } from './redis-replication';

/**
 * A primary, one replica and one `redis-sentinel` watching them (quorum 1), on
 * loopback, with short timeouts: a killed primary is failed over in about 2 s.
 *
 * ```ts
 * const set = await startSentinelSet();
 * set.env;                          // {REDIS_SENTINELS, REDIS_SENTINEL_NAME} for the hub
 * await set.pair.primary.kill();    // Sentinel promotes the replica
 * await set.waitForFailover();      // resolves with the new primary's port
 * await set.stop();
 * ```
 */
export interface SentinelSet {
  readonly pair: PrimaryWithReplica;
  readonly sentinel: RedisChild;
  readonly masterName: string;
  /** Hub environment pointing at this Sentinel. */
  readonly env: Record<string, string>;
  /** The port Sentinel currently names as primary. */
  currentPrimaryPort(): Promise<number>;
  /** Resolves once Sentinel names a primary other than the first one. @throws after `timeoutMs` (default 20 s). */
  waitForFailover(timeoutMs?: number): Promise<number>;
  stop(): Promise<void>;
}

const SENTINEL_BIN = process.env.REDIS_SENTINEL_BIN ?? '/usr/bin/redis-sentinel';

export async function startSentinelSet(): Promise<SentinelSet> {
  const masterName = 'ops-primary';
  const pair = await startPrimaryWithReplica();
  let sentinel: RedisChild;
  try {
    await pair.waitInSync();
    const port = await freePort();
    sentinel = await startRedisChild(
      SENTINEL_BIN,
      port,
      [
        `port ${port}`,
        'bind 127.0.0.1',
        `sentinel monitor ${masterName} 127.0.0.1 ${pair.primary.port} 1`,
        `sentinel down-after-milliseconds ${masterName} 800`,
        `sentinel failover-timeout ${masterName} 4000`,
        `sentinel parallel-syncs ${masterName} 1`,
      ].join('\n'),
    );
  } catch (error) {
    await pair.stop();
    throw error;
  }
  const ask = async () => {
    const client = new Redis(sentinel.port, '127.0.0.1', { lazyConnect: true });
    try {
      await client.connect();
      const [, port] = (await client.call('SENTINEL', 'GET-MASTER-ADDR-BY-NAME', masterName)) as [
        string,
        string,
      ];
      return Number(port);
    } finally {
      client.disconnect();
    }
  };
  return {
    pair,
    sentinel,
    masterName,
    env: { REDIS_SENTINELS: `127.0.0.1:${sentinel.port}`, REDIS_SENTINEL_NAME: masterName },
    currentPrimaryPort: ask,
    async waitForFailover(timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const port = await ask();
        if (port !== pair.primary.port) return port;
        if (Date.now() > deadline)
          throw new Error(`Sentinel did not fail over within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    async stop() {
      await sentinel.stop();
      await pair.stop();
    },
  };
}
