import { afterEach, describe, expect, it } from 'vitest';
import { startHubProcess, type HubProcess } from '../../test-support/hub-process';
import { startRedis, type RedisTestServer } from '../../test-support/redis-server';
import { countRetained, ingestBudget, watchHub } from '../../test-support/hub-watch';
import { connectTestClient, postJson } from '../../test-support/ws-test-client';

/** Issue 8 item 4: deeply nested JSON is refused at the boundary, before any seq exists. */

const DEPTH = 6000;
const deepData = () => `${'{"a":'.repeat(DEPTH)}1${'}'.repeat(DEPTH)}`;
const deepEventBody = (id: string) => `{"type":"custom.deep","id":"${id}","data":${deepData()}}`;

describe.each(['memory', 'redis'] as const)('deeply nested JSON (%s backplane)', (backplane) => {
  let hub: HubProcess | undefined;
  let redis: RedisTestServer | undefined;

  afterEach(async () => {
    await hub?.stop();
    await redis?.stop();
    hub = undefined;
    redis = undefined;
  });

  it('answers 400 to a 6,000-level event, assigns it no seq and loses no acknowledged event across a restart', async () => {
    redis = backplane === 'redis' ? await startRedis({ persistence: true }) : undefined;
    hub = await startHubProcess({ readyTimeoutMs: 60_000, redisUrl: redis?.url });
    const token = await hub.mintToken({ tenants: ['cedar-group'], scope: 'publish read' });
    const watcher = await connectTestClient(hub.wsUrl, { token });
    watcher.send({ type: 'subscribe', tenant: 'cedar-group' });
    const snapshot = await watcher.waitFor((f) => f.type === 'snapshot');
    const watched = { url: hub.url, pid: hub.pid(), token, tenant: 'cedar-group' };
    const budget = await ingestBudget(watched);
    const watch = watchHub(watched);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const answer = await postJson(
        `${hub.url}/v1/tenants/cedar-group/events`,
        deepEventBody(`deep-${i}`),
        { Authorization: `Bearer ${token}` },
      );
      statuses.push(answer.status);
      await new Promise((r) => setTimeout(r, 100));
    }
    await new Promise((r) => setTimeout(r, 500));
    const report = await watch.stop();
    console.info(`deep events (${backplane})`, statuses, {
      ...report,
      acked: report.acked.length,
      ...budget,
    });
    expect(statuses).toEqual([400, 400, 400, 400, 400]);
    expect(watcher.events('cedar-group').some((e) => e.event.id.startsWith('deep-'))).toBe(false);
    expect(report.healthzMaxMs).toBeLessThan(1000);
    expect(report.ingestP99Ms).toBeLessThan(budget.budgetMs);
    expect(report.ingestFailures).toBe(0);
    await watcher.close();

    await hub.restart();
    const retained = await countRetained(hub.url, token, 'cedar-group', report.acked);
    expect(retained).toEqual({ duplicates: report.acked.length, accepted: 0 });
    const after = await connectTestClient(hub.wsUrl, { token });
    after.send({ type: 'subscribe', tenant: 'cedar-group' });
    const again = await after.waitFor((f) => f.type === 'snapshot');
    expect(again.type === 'snapshot' && snapshot.type === 'snapshot' && again.epoch).toBe(
      snapshot.type === 'snapshot' ? snapshot.epoch : null,
    );
    await after.close();
  });

  it('answers a 6,000-level WebSocket frame with bad_request and keeps the connection serving', async () => {
    redis = backplane === 'redis' ? await startRedis() : undefined;
    hub = await startHubProcess({ readyTimeoutMs: 60_000, redisUrl: redis?.url });
    const client = await connectTestClient(hub.wsUrl, {
      token: await hub.mintToken({ tenants: ['cedar-group'] }),
    });
    await client.waitFor((f) => f.type === 'welcome');
    client.sendRaw(`{"type":"subscribe","tenant":"cedar-group","filter":${deepData()}}`);
    const error = await client.waitFor((f) => f.type === 'error');
    expect(error).toMatchObject({ code: 'bad_request' });
    expect(error.type === 'error' && error.message).toMatch(/nest/);
    client.send({ type: 'ping', id: 'still-here' });
    await client.waitFor((f) => f.type === 'pong');
    await client.close();
  });
});
