import { afterEach, describe, expect, it } from 'vitest';
import { parseRetryWindow } from '../../protocol/codes';
import { startHubProcess, type HubProcess } from '../../test-support/hub-process';
import { startRedis, type RedisTestServer } from '../../test-support/redis-server';
import {
  connectTestClient,
  upgradeStatus,
  type TestClient,
} from '../../test-support/ws-test-client';

describe.each(['memory', 'redis'] as const)('graceful shutdown (%s backplane)', (kind) => {
  let redis: RedisTestServer | undefined;
  let hub: HubProcess | undefined;
  const clients: TestClient[] = [];

  afterEach(async () => {
    await Promise.all(clients.map((c) => c.close()));
    clients.length = 0;
    await hub?.stop();
    await redis?.stop();
  });

  it('closes every client with 1001 and a reconnect window, refuses new upgrades, and exits on time', async () => {
    redis = kind === 'redis' ? await startRedis() : undefined;
    hub = await startHubProcess({ redisUrl: redis?.url, shutdownTimeout: '4s' });
    const token = await hub.mintToken({ tenants: ['cedar-group', 'harbor-eats'] });
    for (let i = 0; i < 20; i++) {
      const client = await connectTestClient(hub.wsUrl, { token });
      client.send({ type: 'subscribe', tenant: i % 2 ? 'cedar-group' : 'harbor-eats' });
      clients.push(client);
    }
    await Promise.all(clients.map((c) => c.waitFor((f) => f.type === 'snapshot')));
    // One client never answers the close handshake; the hub must not wait for it past the timeout.
    const stalled = clients[0] as TestClient;
    stalled.pauseReading();

    const started = Date.now();
    const exit = hub.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    const ready = await fetch(`${hub.url}/readyz`).then(
      (r) => r.status,
      () => 'refused',
    );
    expect([503, 'refused']).toContain(ready);
    const status = await upgradeStatus(hub.wsUrl, { token }).catch(() => 'refused');
    expect([503, 'refused']).toContain(status);

    const closes = await Promise.all(clients.slice(1).map((c) => c.closed));
    for (const close of closes) {
      expect(close.code).toBe(1001);
      expect(parseRetryWindow(close.reason, -1)).toBeGreaterThan(0);
    }
    const { code } = await exit;
    const elapsed = Date.now() - started;
    console.log(
      `[${kind}] hub exited ${elapsed} ms after SIGTERM with code ${code} (HUB_SHUTDOWN_TIMEOUT 4 s)`,
    );
    expect(code).toBe(0);
    stalled.resumeReading();
  });
});
