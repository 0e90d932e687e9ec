import { afterEach, describe, expect, it } from 'vitest';
import { watchFromEveryHub } from '../../test-support/ack-audit';
import {
  startPrimaryWithReplica,
  type PrimaryWithReplica,
} from '../../test-support/redis-replication';
import { startTcpProxy, type TcpProxy } from '../../test-support/tcp-proxy';
import { connectTestClient, type TestClient } from '../../test-support/ws-test-client';
import type { SnapshotMessage } from '../../protocol/messages';
import { startInProcessHub, type InProcessHub } from '../../test-support/in-process-hub';

const TENANT = 'cedar-group';

/**
 * The issue's scenario: two hubs on one Redis address, a replica that falls behind,
 * the primary dies, the replica is promoted and the address is pointed at it.
 */
describe('a lagging replica promoted after the primary dies', () => {
  let pair: PrimaryWithReplica | undefined;
  let proxy: TcpProxy | undefined;
  const hubs: InProcessHub[] = [];
  const clients: TestClient[] = [];

  afterEach(async () => {
    for (const c of clients.splice(0)) await c.close();
    for (const h of hubs.splice(0)) await h.close();
    await proxy?.close();
    await pair?.stop();
  });

  it('announces the lost events with a new epoch, never reuses a seq within an epoch, and never resumes the old epoch', async () => {
    pair = await startPrimaryWithReplica();
    proxy = await startTcpProxy({ port: pair.primary.port });
    const redisUrl = `redis://127.0.0.1:${proxy.port}`;
    for (let i = 0; i < 2; i++)
      hubs.push(await startInProcessHub({ backplane: 'redis', redisUrl }));
    const b = hubs[1]!;
    const { targets, audits } = await watchFromEveryHub(hubs, [TENANT], clients);
    const audit = audits[0]!;

    for (let i = 0; i < 30; i++) await audit.publish(targets);
    await pair.waitInSync();
    await pair.cutReplica();
    // These 30 are acknowledged by the primary only: the replica's lag.
    for (let i = 0; i < 30; i++) await audit.publish(targets);
    const lastBefore = audit.acks.at(-1)!;
    for (const client of clients)
      await client.waitFor((f) => f.type === 'event' && f.event.id === lastBefore.id);

    await pair.primary.kill();
    await pair.promoteReplica();
    proxy.retarget({ port: pair.replica.port });
    for (let i = 0; i < 30; i++) await audit.publish(targets);
    const lastAfter = audit.acks.at(-1)!;
    for (const client of clients)
      await client.waitFor((f) => f.type === 'event' && f.event.id === lastAfter.id, {
        timeoutMs: 20_000,
      });

    // A client that was away resumes with the old epoch and its last seq: it must get a snapshot.
    const returning = await connectTestClient(b.wsUrl, {
      token: await b.mintToken({ tenants: [TENANT] }),
    });
    clients.push(returning);
    returning.send({
      type: 'subscribe',
      tenant: TENANT,
      resumeFrom: lastBefore.seq,
      epoch: lastBefore.epoch,
    });
    const answer = await returning.waitFor(
      (f) => (f.type === 'snapshot' || f.type === 'resumed') && f.tenant === TENANT,
    );
    expect(answer.type).toBe('snapshot');
    expect((answer as SnapshotMessage).epoch).not.toBe(lastBefore.epoch);

    const newEpoch = lastAfter.epoch;
    expect(newEpoch).not.toBe(lastBefore.epoch);
    // Acked by the old primary only: gone from the promoted replica. Each one must be announced.
    const lost = audit.acks.filter((ack) => ack.epoch === lastBefore.epoch && ack.seq > 30);
    expect(lost).toHaveLength(30);
    const announced = lost.filter((ack) =>
      clients.slice(0, 2).every((client) => audit.announcedTo(client, ack)),
    );
    expect(announced).toHaveLength(lost.length);
    const figures = clients.slice(0, 2).map((c) => audit.check(c));
    for (const f of figures) expect(f.violations).toEqual([]);
    expect(audit.pairConflicts()).toEqual([]);
    // Both live clients saw the new epoch announced, and the board reflects only what survived.
    for (const client of clients.slice(0, 2)) {
      const resync = client.frames.find((f) => f.type === 'snapshot' && f.epoch === newEpoch) as
        SnapshotMessage | undefined;
      expect(resync, 'no snapshot of the new epoch').toBeDefined();
    }
    console.log(
      `promoted stale replica: ${audit.acks.length} acknowledged, ${lost.length} lost from Redis, ${announced.length} announced to every client, ${audit.refused} refused/retried; per client: ${figures
        .map(
          (f) =>
            `${f.acknowledged} acked, ${f.lost} never delivered, ${f.announced} covered by a snapshot`,
        )
        .join(' | ')}`,
    );
  });
});
