import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN_PATH, ingestPath } from '../../protocol/http-api';
import type { HubMessage } from '../../protocol/messages';
import { startHubProcess, type HubProcess } from '../../test-support/hub-process';
import { startRedis, type RedisTestServer } from '../../test-support/redis-server';
import { connectTestClient, postJson, type TestClient } from '../../test-support/ws-test-client';

type Answer = Extract<HubMessage, { type: 'ack' } | { type: 'error' }>;

function answerTo(client: TestClient, id: string, from: number): Promise<Answer> {
  return client.waitFor<Answer>((f) => (f.type === 'ack' || f.type === 'error') && f.id === id, {
    from,
  });
}

describe('operator actions on two hub instances sharing one Redis', () => {
  let redis: RedisTestServer;
  let a: HubProcess;
  let b: HubProcess;
  const open: TestClient[] = [];

  beforeAll(async () => {
    redis = await startRedis();
    a = await startHubProcess({ redisUrl: redis.url });
    b = await startHubProcess({ redisUrl: redis.url, jwtSecret: a.jwtSecret });
  });
  afterAll(async () => {
    await Promise.all(open.splice(0).map((c) => c.close()));
    await a?.stop();
    await b?.stop();
    await redis?.stop();
  });

  async function connect(hub: HubProcess, token: string): Promise<TestClient> {
    const client = await connectTestClient(hub.wsUrl, { token });
    open.push(client);
    return client;
  }

  async function placeOrder(tenant: string, orderId: string): Promise<number> {
    const token = await a.mintToken({ tenants: [tenant], scope: 'publish', sub: 'pos' });
    const answer = await postJson(
      a.url + ingestPath(tenant),
      {
        type: 'order.placed',
        location: 'dubai-marina',
        data: {
          orderId,
          channel: 'takeaway',
          items: [{ sku: 'karak', name: 'Karak', qty: 2, unitPrice: 500 }],
          total: 1000,
          currency: 'AED',
        },
      },
      { Authorization: `Bearer ${token}` },
    );
    expect(answer.status).toBe(200);
    return (answer.body as { lastSeq: number }).lastSeq;
  }

  /** The seqs of the tenant's `order.bumped` events as a fresh subscriber on `hub` sees them, up to `upTo`. */
  async function bumpsSeenOn(hub: HubProcess, tenant: string, upTo: number): Promise<number[]> {
    const watcher = await connect(hub, await hub.mintToken({ tenants: [tenant] }));
    watcher.send({ type: 'subscribe', tenant });
    const snapshot = await watcher.waitFor<Extract<HubMessage, { type: 'snapshot' }>>(
      (f) => f.type === 'snapshot',
    );
    if (snapshot.seq < upTo) await watcher.waitFor((f) => f.type === 'event' && f.seq >= upTo);
    // The snapshot's Feed lists each folded event by seq and type; live events follow it.
    const folded = (snapshot.state as { feed: Array<{ seq: number; type: string }> }).feed
      .filter((entry) => entry.type === 'order.bumped')
      .map((entry) => entry.seq);
    const live = watcher
      .events(tenant)
      .filter((e) => e.event.type === 'order.bumped')
      .map((e) => e.seq);
    return [...folded, ...live];
  }

  it('answers the same action id on the other instance with the first seq and duplicate true', async () => {
    const tenant = 'harbor-eats';
    await placeOrder(tenant, 'o-1');
    const token = await a.mintToken({ tenants: [tenant], scope: 'read operate', sub: 'maya' });
    const onA = await connect(a, token);
    const onB = await connect(b, token);
    const id = randomUUID();
    const frame = { type: 'action', id, tenant, action: 'order.bump', target: 'o-1' };

    onA.send(frame);
    const first = await answerTo(onA, id, 0);
    expect(first).toMatchObject({ type: 'ack', id, tenant, duplicate: false });
    onB.send(frame);
    const again = await answerTo(onB, id, 0);
    expect(again).toEqual({ ...first, duplicate: true });
    if (first.type !== 'ack') throw new Error('unreachable');
    expect(await bumpsSeenOn(b, tenant, first.seq)).toEqual([first.seq]);
  });

  it('appends one event when the same action id reaches both instances at once', async () => {
    const tenant = 'cedar-group';
    await placeOrder(tenant, 'o-7');
    const token = await a.mintToken({ tenants: [tenant], scope: 'read operate', sub: 'omar' });
    const onA = await connect(a, token);
    const onB = await connect(b, token);
    const id = randomUUID();
    const frame = { type: 'action', id, tenant, action: 'order.bump', target: 'o-7' };
    onA.send(frame);
    onB.send(frame);
    const answers = await Promise.all([answerTo(onA, id, 0), answerTo(onB, id, 0)]);
    const seqs = answers.map((answer) => (answer.type === 'ack' ? answer.seq : answer.code));
    expect(seqs[0]).toBe(seqs[1]);
    expect(answers.map((answer) => answer.type === 'ack' && answer.duplicate).sort()).toEqual([
      false,
      true,
    ]);
    expect(await bumpsSeenOn(a, tenant, seqs[0] as number)).toEqual([seqs[0]]);
  });

  it('lets a user added with scope "read operate" sign in and act, and a "read" user only watch', async () => {
    const tenant = 'souk-kitchens';
    await a.addUser('rania', 'correct horse battery', { tenants: [tenant], scope: 'read operate' });
    await a.addUser('sami', 'staple battery horse', { tenants: [tenant], scope: 'read' });
    await placeOrder(tenant, 'o-3');
    const signIn = async (username: string, password: string) => {
      const answer = await postJson(b.url + TOKEN_PATH, { username, password });
      expect(answer.status).toBe(200);
      return answer.body as { access_token: string; scope: string };
    };
    const rania = await signIn('rania', 'correct horse battery');
    expect(rania.scope).toBe('read operate');
    const sami = await signIn('sami', 'staple battery horse');

    const operator = await connect(b, rania.access_token);
    operator.send({ type: 'subscribe', tenant });
    await operator.waitFor((f) => f.type === 'snapshot');
    const acted = randomUUID();
    operator.send({ type: 'action', id: acted, tenant, action: 'order.bump', target: 'o-3' });
    const ack = await answerTo(operator, acted, 0);
    expect(ack).toMatchObject({ type: 'ack', duplicate: false });
    const event = await operator.waitFor(
      (f) => f.type === 'event' && f.event.type === 'order.bumped',
    );
    expect(event).toMatchObject({
      event: { data: { orderId: 'o-3', by: 'rania', actionId: acted } },
    });

    const viewer = await connect(a, sami.access_token);
    const refused = randomUUID();
    viewer.send({ type: 'action', id: refused, tenant, action: 'order.bump', target: 'o-3' });
    expect(await answerTo(viewer, refused, 0)).toMatchObject({
      type: 'error',
      code: 'forbidden',
      id: refused,
    });

    // `users set` grants operate without a new password; the next sign-in carries it.
    const set = a.runCli(['users', 'set', 'sami', '--scope', 'read,operate']);
    expect(set.status, set.stderr).toBe(0);
    expect(set.stdout).toContain('scope read operate');
    expect(a.runCli(['users', 'set', 'nobody', '--scope', 'read']).status).toBe(1);
    expect(a.runCli(['users', 'set', 'sami', '--scope', 'operator']).status).not.toBe(0);
    const promoted = await signIn('sami', 'staple battery horse');
    expect(promoted.scope).toBe('read operate');
    const retried = await connect(a, promoted.access_token);
    retried.send({ type: 'action', id: refused, tenant, action: 'order.bump', target: 'o-3' });
    expect(await answerTo(retried, refused, 0)).toMatchObject({ type: 'ack', duplicate: false });
  });
});
