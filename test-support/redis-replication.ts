import { Redis } from 'ioredis';
import { freePort } from './free-port';
import { startRedis, type RedisTestServer } from './redis-server';

/**
 * A real primary and one replica on loopback, for failover tests.
 *
 * ```ts
 * const pair = await startPrimaryWithReplica();
 * await pair.waitInSync();       // the replica has every write so far
 * await pair.cutReplica();       // the replica stops following: later writes are its lag
 * await pair.primary.kill();
 * await pair.promoteReplica();   // REPLICAOF NO ONE, as Sentinel or an operator would
 * await pair.stop();             // both processes and dirs removed
 * ```
 */
export interface PrimaryWithReplica {
  readonly primary: RedisTestServer;
  readonly replica: RedisTestServer;
  /** Resolves once the replica's offset reached the primary's. @throws after `timeoutMs` (default 10 s). */
  waitInSync(timeoutMs?: number): Promise<void>;
  /**
   * Points the replica at a port where nothing listens: it keeps its data but misses every
   * later write, a lag as long as the test wants, without timing games.
   */
  cutReplica(): Promise<void>;
  /** Starts the killed primary again (empty) as a replica of the promoted one, as Sentinel does. */
  rejoinOldPrimaryAsReplica(): Promise<void>;
  /** Points the replica back at the primary; it resyncs. */
  reattachReplica(): Promise<void>;
  /** `REPLICAOF NO ONE` on the replica: it becomes a primary with whatever it had. */
  promoteReplica(): Promise<void>;
  stop(): Promise<void>;
}

export async function startPrimaryWithReplica(): Promise<PrimaryWithReplica> {
  const primary = await startRedis();
  let replica: RedisTestServer | undefined;
  try {
    replica = await startRedis({ extraArgs: ['--replicaof', '127.0.0.1', String(primary.port)] });
  } catch (error) {
    await primary.stop();
    throw error;
  }
  const started = replica;
  const admin = (server: RedisTestServer) =>
    new Redis(server.port, '127.0.0.1', { lazyConnect: true, maxRetriesPerRequest: 1 });
  const withAdmin = async <T>(server: RedisTestServer, run: (r: Redis) => Promise<T>) => {
    const connection = admin(server);
    try {
      await connection.connect();
      return await run(connection);
    } finally {
      connection.disconnect();
    }
  };
  const pair: PrimaryWithReplica = {
    primary,
    replica: started,
    async waitInSync(timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const primaryOffset = await withAdmin(primary, async (r) =>
          replicationField(await r.info('replication'), 'master_repl_offset'),
        );
        const replicaInfo = await withAdmin(started, (r) => r.info('replication'));
        if (
          replicationField(replicaInfo, 'master_link_status') === 'up' &&
          Number(replicationField(replicaInfo, 'slave_repl_offset')) >= Number(primaryOffset)
        )
          return;
        if (Date.now() > deadline)
          throw new Error(`replica did not catch up with the primary within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    async cutReplica() {
      const nowhere = await freePort();
      await withAdmin(started, (r) => r.replicaof('127.0.0.1', nowhere));
    },
    async rejoinOldPrimaryAsReplica() {
      await primary.restart();
      await withAdmin(primary, (r) => r.replicaof('127.0.0.1', started.port));
    },
    async reattachReplica() {
      await withAdmin(started, (r) => r.replicaof('127.0.0.1', primary.port));
    },
    async promoteReplica() {
      await withAdmin(started, (r) => r.replicaof('NO', 'ONE'));
    },
    async stop() {
      await Promise.all([primary.stop(), started.stop()]);
    },
  };
  return pair;
}

function replicationField(info: string, field: string): string {
  const match = new RegExp(`^${field}:(.*)$`, 'm').exec(info);
  return match?.[1]?.trim() ?? '';
}
