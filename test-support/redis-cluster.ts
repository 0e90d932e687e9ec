import { spawnSync } from 'node:child_process';
import { Redis } from 'ioredis';
import { freePort } from './free-port';
import { startRedisChild, type RedisChild } from './redis-child';

/**
 * A real Redis Cluster on loopback: 3 primaries and 3 replicas, created with
 * `redis-cli --cluster create`, with `cluster-node-timeout` 1000 ms so a killed
 * primary is failed over within a few seconds.
 *
 * ```ts
 * const cluster = await startRedisCluster();
 * cluster.env;                               // {REDIS_CLUSTER_NODES} for the hub
 * const port = await cluster.primaryForKey('ops:{t:cedar-group}:seq');
 * await cluster.killNode(port);              // its replica takes over
 * await cluster.waitForPrimaryChange(port);
 * await cluster.migrateSlot('ops:{t:cedar-group}:seq', otherPrimaryPort);
 * await cluster.stop();
 * ```
 */
export interface RedisTestCluster {
  readonly ports: number[];
  readonly env: Record<string, string>;
  /** Port of the primary that currently owns `key`'s slot. */
  primaryForKey(key: string): Promise<number>;
  /** Distinct primary ports, in slot order. */
  primaries(): Promise<number[]>;
  killNode(port: number): Promise<void>;
  /** Resolves once `key`'s slot is owned by a node other than `oldPort`, and the cluster state is ok. */
  waitForPrimaryChange(key: string, oldPort: number, timeoutMs?: number): Promise<number>;
  /**
   * Moves `key`'s hash slot to the primary on `toPort` the way `redis-cli --cluster reshard`
   * does: SETSLOT IMPORTING/MIGRATING, MIGRATE of every key in the slot, SETSLOT NODE on
   * every primary. `pauseMs` is held in each intermediate state (migrating with the keys
   * still on the source, then with the keys moved), so traffic meets both. Resolves once
   * every live node names the new owner.
   */
  migrateSlot(key: string, toPort: number, options?: { pauseMs?: number }): Promise<void>;
  stop(): Promise<void>;
}

const SERVER_BIN = process.env.REDIS_SERVER_BIN ?? '/usr/bin/redis-server';
const CLI_BIN = process.env.REDIS_CLI_BIN ?? '/usr/bin/redis-cli';

export async function startRedisCluster(
  options: { nodeTimeoutMs?: number } = {},
): Promise<RedisTestCluster> {
  const nodes: RedisChild[] = [];
  const stopAll = () => Promise.all(nodes.map((n) => n.stop()));
  try {
    for (let i = 0; i < 6; i++) {
      const port = await freePort();
      nodes.push(
        await startRedisChild(
          SERVER_BIN,
          port,
          [
            `port ${port}`,
            'bind 127.0.0.1',
            'cluster-enabled yes',
            'cluster-config-file nodes.conf',
            `cluster-node-timeout ${options.nodeTimeoutMs ?? 1000}`,
            'appendonly no',
            'save ""',
            'loglevel warning',
          ].join('\n'),
        ),
      );
    }
    const created = spawnSync(
      CLI_BIN,
      [
        '--cluster',
        'create',
        ...nodes.map((n) => `127.0.0.1:${n.port}`),
        '--cluster-replicas',
        '1',
        '--cluster-yes',
      ],
      { encoding: 'utf8', timeout: 60_000 },
    );
    if (created.status !== 0)
      throw new Error(`redis-cli --cluster create failed: ${created.stdout}\n${created.stderr}`);
    await waitUntil(
      async () => {
        for (const node of nodes) {
          const info = await ask(node.port, (r) => r.call('CLUSTER', 'INFO') as Promise<string>);
          if (!/cluster_state:ok/.test(info)) return false;
        }
        // Every replica has finished its first sync, so a failover has data to promote.
        for (const node of nodes) {
          const info = await ask(node.port, (r) => r.info('replication'));
          if (/role:slave/.test(info) && !/master_link_status:up/.test(info)) return false;
        }
        return true;
      },
      30_000,
      'the cluster did not become ready',
    );
  } catch (error) {
    await stopAll();
    throw error;
  }
  const alive = () => nodes.filter((n) => n.alive);
  const slotOwner = async (key: string): Promise<number> => {
    for (const node of alive()) {
      try {
        const slot = (await ask(node.port, (r) => r.call('CLUSTER', 'KEYSLOT', key))) as number;
        const ranges = (await ask(node.port, (r) => r.call('CLUSTER', 'SLOTS'))) as Array<
          [number, number, [string, number, ...unknown[]], ...unknown[]]
        >;
        const owner = ranges.find(([from, to]) => slot >= from && slot <= to);
        if (owner) return owner[2][1];
      } catch (error) {
        if (!(error instanceof Error)) throw error;
      }
    }
    throw new Error(`no live node knows the owner of ${key}`);
  };
  const primaries = async (): Promise<number[]> => {
    const ranges = (await ask(alive()[0]!.port, (r) => r.call('CLUSTER', 'SLOTS'))) as Array<
      [number, number, [string, number]]
    >;
    return [...new Set(ranges.sort((a, b) => a[0] - b[0]).map((r) => r[2][1]))];
  };
  return {
    ports: nodes.map((n) => n.port),
    env: { REDIS_CLUSTER_NODES: nodes.map((n) => `127.0.0.1:${n.port}`).join(',') },
    primaryForKey: slotOwner,
    primaries,
    async killNode(port: number) {
      const node = nodes.find((n) => n.port === port);
      if (!node) throw new Error(`no cluster node on port ${port}`);
      await node.kill();
    },
    async waitForPrimaryChange(key, oldPort, timeoutMs = 20_000) {
      let owner = oldPort;
      await waitUntil(
        async () => {
          owner = await slotOwner(key);
          if (owner === oldPort) return false;
          const info = await ask(owner, (r) => r.call('CLUSTER', 'INFO') as Promise<string>);
          return /cluster_state:ok/.test(info);
        },
        timeoutMs,
        `the slot of ${key} stayed on ${oldPort}`,
      );
      return owner;
    },
    async migrateSlot(key, toPort, { pauseMs = 0 } = {}) {
      const from = await slotOwner(key);
      if (from === toPort) throw new Error(`the slot of ${key} is already on ${toPort}`);
      const slot = (await ask(from, (r) => r.call('CLUSTER', 'KEYSLOT', key))) as number;
      const idOf = (port: number) => ask(port, (r) => r.call('CLUSTER', 'MYID')) as Promise<string>;
      const [fromId, toId] = [await idOf(from), await idOf(toPort)];
      const pause = () => new Promise((resolve) => setTimeout(resolve, pauseMs));
      await ask(toPort, (r) => r.call('CLUSTER', 'SETSLOT', slot, 'IMPORTING', fromId));
      await ask(from, (r) => r.call('CLUSTER', 'SETSLOT', slot, 'MIGRATING', toId));
      await pause();
      for (;;) {
        const keys = (await ask(from, (r) =>
          r.call('CLUSTER', 'GETKEYSINSLOT', slot, 100),
        )) as string[];
        if (keys.length === 0) break;
        await ask(from, (r) =>
          r.call('MIGRATE', '127.0.0.1', toPort, '', 0, 5000, 'KEYS', ...keys),
        );
      }
      await pause();
      // The new owner first, as redis-cli does, so no node sends a client back and forth.
      const owners = [toPort, from, ...(await primaries())];
      for (const port of new Set(owners))
        await ask(port, (r) => r.call('CLUSTER', 'SETSLOT', slot, 'NODE', toId));
      await waitUntil(
        async () => {
          for (const node of alive()) {
            const ranges = (await ask(node.port, (r) => r.call('CLUSTER', 'SLOTS'))) as Array<
              [number, number, [string, number, ...unknown[]], ...unknown[]]
            >;
            const owner = ranges.find(([lo, hi]) => slot >= lo && slot <= hi);
            if (owner?.[2][1] !== toPort) return false;
          }
          return true;
        },
        10_000,
        `slot ${slot} did not settle on ${toPort}`,
      );
    },
    stop: async () => {
      await stopAll();
    },
  };
}

async function ask<T>(port: number, run: (r: Redis) => Promise<T>): Promise<T> {
  const r = new Redis(port, '127.0.0.1', { lazyConnect: true, maxRetriesPerRequest: 0 });
  try {
    await r.connect();
    return await run(r);
  } finally {
    r.disconnect();
  }
}

async function waitUntil(check: () => Promise<boolean>, timeoutMs: number, message: string) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let lastError: unknown = null;
    try {
      if (await check()) return;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline)
      throw new Error(`${message} within ${timeoutMs} ms (${String(lastError)})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
