import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startHubProcess, type HubProcess } from '../../test-support/hub-process';
import { countRetained, ingestBudget, watchHub } from '../../test-support/hub-watch';
import { connectTestClient, type TestClient } from '../../test-support/ws-test-client';

/**
 * Issue 8 items 1 and 6: silent sockets and one greedy token must not take the hub's
 * descriptors or connection slots. The hub runs with RLIMIT_NOFILE 512 so exhaustion is
 * reachable with a few hundred sockets instead of 20,000.
 */
describe('connection floods against a real hub process', () => {
  let hub: HubProcess | undefined;
  const sockets: Socket[] = [];
  const clients: TestClient[] = [];

  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.destroy();
    await Promise.all(clients.splice(0).map((c) => c.close()));
    await hub?.stop();
    hub = undefined;
  });

  function silentSocket(port: number, localAddress: string): Promise<Socket> {
    return new Promise((resolve) => {
      const socket = connect({ host: '127.0.0.1', port, localAddress });
      sockets.push(socket);
      socket.on('error', () => undefined); // refused or reset by the hub: that is the point
      socket.once('connect', () => resolve(socket));
      socket.once('close', () => resolve(socket));
    });
  }

  it('keeps /healthz under 1 s and every acknowledged event while 560 silent sockets from 8 addresses hold on', async () => {
    hub = await startHubProcess({
      readyTimeoutMs: 60_000,
      nofile: 512,
      env: { HUB_MAX_SOCKETS_PER_ADDRESS: '50', HUB_IDLE_SOCKET_TIMEOUT: '30s' },
    });
    const token = await hub.mintToken({ tenants: ['cedar-group'], scope: 'publish read' });
    const watched = { url: hub.url, pid: hub.pid(), token, tenant: 'cedar-group' };
    const budget = await ingestBudget(watched);
    const watch = watchHub(watched);
    for (let address = 2; address < 10; address++)
      await Promise.all(
        Array.from({ length: 70 }, () => silentSocket(hub!.port, `127.0.0.${address}`)),
      );
    await new Promise((r) => setTimeout(r, 2000));
    const report = await watch.stop();
    console.info('silent-socket flood', { ...report, acked: report.acked.length, ...budget });

    expect(hub.pid()).not.toBeNull();
    expect(report.healthzFailures).toBe(0);
    expect(report.healthzMaxMs).toBeLessThan(1000);
    expect(report.ingestFailures).toBe(0);
    expect(report.ingestP99Ms).toBeLessThan(budget.budgetMs);
    expect(report.peakRssBytes).toBeLessThan(400 * 1024 * 1024);
    const retained = await countRetained(hub.url, token, 'cedar-group', report.acked);
    expect(retained).toEqual({ duplicates: report.acked.length, accepted: 0 });
  });

  it('closes a socket that sends nothing within HUB_IDLE_SOCKET_TIMEOUT of its accept', async () => {
    hub = await startHubProcess({ readyTimeoutMs: 60_000, env: { HUB_IDLE_SOCKET_TIMEOUT: '1s' } });
    const silent = await Promise.all(
      Array.from({ length: 10 }, () => silentSocket(hub!.port, '127.0.0.2')),
    );
    const closedWithin = await Promise.all(
      silent.map(
        (socket) =>
          new Promise<number>((resolve) => {
            const started = Date.now();
            if (socket.closed) return resolve(0);
            socket.once('close', () => resolve(Date.now() - started));
            setTimeout(() => resolve(Number.POSITIVE_INFINITY), 4000);
          }),
      ),
    );
    console.info('idle sockets closed after (ms)', closedWithin);
    expect(Math.max(...closedWithin)).toBeLessThan(4000);
    const health = await fetch(`${hub.url}/healthz`);
    expect(health.status).toBe(200);
  });

  it('refuses upgrades past HUB_MAX_CONNECTIONS_PER_SUBJECT so another subject still gets a slot', async () => {
    hub = await startHubProcess({
      readyTimeoutMs: 60_000,
      env: { HUB_MAX_CONNECTIONS: '10', HUB_MAX_CONNECTIONS_PER_SUBJECT: '3' },
    });
    const greedy = await hub.mintToken({ tenants: ['cedar-group'], sub: 'greedy-wall' });
    const outcomes: string[] = [];
    for (let i = 0; i < 10; i++) {
      try {
        const client = await connectTestClient(hub.wsUrl, { token: greedy });
        clients.push(client);
        const first = await Promise.race([
          client.waitFor((f) => f.type === 'welcome').then(() => 'welcome'),
          client.closed.then((c) => `closed ${c.code}`),
        ]);
        outcomes.push(first);
      } catch (error) {
        outcomes.push(`refused ${(error as { status?: number }).status ?? String(error)}`);
      }
    }
    console.info('greedy subject upgrades', outcomes);
    expect(outcomes.filter((o) => o === 'welcome')).toHaveLength(3);
    expect(outcomes.filter((o) => o === 'refused 429')).toHaveLength(7);

    const honest = await connectTestClient(hub.wsUrl, {
      token: await hub.mintToken({ tenants: ['cedar-group'], sub: 'lobby-wall' }),
    });
    clients.push(honest);
    await honest.waitFor((f) => f.type === 'welcome');
  });
});
