import { afterEach, describe, expect, it } from 'vitest';
import { ingestPath } from '../../protocol/http-api';
import { AckAudit } from '../../test-support/ack-audit';
import {
  startPrimaryWithReplica,
  type PrimaryWithReplica,
} from '../../test-support/redis-replication';
import { startTcpProxy, type TcpProxy } from '../../test-support/tcp-proxy';
import { connectTestClient, postJson, type TestClient } from '../../test-support/ws-test-client';
import { startInProcessHub, type InProcessHub } from '../../test-support/in-process-hub';

const TENANT = 'harbor-eats';

describe('HUB_REDIS_MIN_REPLICAS', () => {
  let pair: PrimaryWithReplica | undefined;
  let proxy: TcpProxy | undefined;
  let hub: InProcessHub | undefined;
  let client: TestClient | undefined;

  afterEach(async () => {
    await client?.close();
    await hub?.close();
    await proxy?.close();
    await pair?.stop();
  });

  it('answers 503 while no replica confirms, acknowledges the same event id once one does, and loses nothing acknowledged when the replica is promoted', async () => {
    pair = await startPrimaryWithReplica();
    await pair.waitInSync();
    proxy = await startTcpProxy({ port: pair.primary.port });
    const redisUrl = `redis://127.0.0.1:${proxy.port}`;
    hub = await startInProcessHub({
      backplane: 'redis',
      redisUrl,
      env: {
        REDIS_URL: redisUrl,
        HUB_REDIS_MIN_REPLICAS: '1',
        HUB_REDIS_MIN_REPLICAS_TIMEOUT: '200ms',
      },
    });
    const token = await hub.mintToken({ tenants: [TENANT], scope: 'publish' });
    client = await connectTestClient(hub.wsUrl, {
      token: await hub.mintToken({ tenants: [TENANT] }),
    });
    client.send({ type: 'subscribe', tenant: TENANT });
    const first = await client.waitFor((f) => f.type === 'snapshot');
    const audit = new AckAudit(TENANT, [client]);
    const target = [{ url: hub.url, token }];
    for (let i = 0; i < 20; i++) await audit.publish(target);

    // The replica stops following: the write happens on the primary but is not confirmed.
    await pair.cutReplica();
    const event = {
      id: 'retry-me',
      type: 'queue.length',
      location: 'jounieh',
      data: { queue: 'kitchen', length: 3 },
    };
    const post = () =>
      postJson(hub!.url + ingestPath(TENANT), event, { Authorization: `Bearer ${token}` });
    const refused = await post();
    expect(refused.status).toBe(503);
    await pair.reattachReplica();
    await pair.waitInSync();
    const retried = await post();
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ accepted: 0, duplicates: 1 });
    expect(client.events(TENANT).filter((e) => e.event.id === 'retry-me')).toHaveLength(1);

    for (let i = 0; i < 20; i++) await audit.publish(target);
    // Every ack above waited for the replica, so promoting it loses nothing.
    await pair.primary.kill();
    await pair.promoteReplica();
    proxy.retarget({ port: pair.replica.port });
    // The promoted replica has no replica of its own yet: acks wait (503) until one joins.
    const refusedBefore = audit.refused;
    const pending = audit.publish(target);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await pair.rejoinOldPrimaryAsReplica();
    await pending;
    expect(audit.refused).toBeGreaterThan(refusedBefore);
    for (let i = 0; i < 19; i++) await audit.publish(target);
    const last = audit.acks.at(-1)!;
    await client.waitFor((f) => f.type === 'event' && f.event.id === last.id, {
      timeoutMs: 20_000,
    });
    const figures = audit.check(client);
    expect(figures.violations).toEqual([]);
    expect(figures.lost).toBe(0);
    expect(audit.pairConflicts()).toEqual([]);
    // No history was lost, so no new epoch and no resync.
    expect(client.frames.filter((f) => f.type === 'snapshot')).toEqual([first]);
    expect(last.epoch).toBe(audit.acks[0]!.epoch);
    console.log(
      `min replicas failover: ${audit.acks.length} acknowledged, ${figures.lost} lost, ${figures.announced} announced, ${audit.refused} refused/retried`,
    );
  });
});
