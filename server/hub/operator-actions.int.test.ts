import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestPath } from '../../protocol/http-api';
import type { HubMessage } from '../../protocol/messages';
import { BACKPLANES, hubOn } from '../../test-support/backplane-matrix';
import { startInProcessHub, type InProcessHub } from '../../test-support/in-process-hub';
import { startRedis, type RedisTestServer } from '../../test-support/redis-server';
import { MemoryBackplane } from '../backplane/memory-backplane';
import { connectTestClient, postJson, type TestClient } from '../../test-support/ws-test-client';
import { actionEventId } from './action-handler';

type Answer = Extract<HubMessage, { type: 'ack' } | { type: 'error' }>;

let tenantCounter = 0;
function freshTenant(): string {
  tenantCounter += 1;
  return `act-${process.pid}-${tenantCounter}`;
}

function newActionId(): string {
  return randomUUID();
}

/** Sends an `action` frame and returns the `ack` or `error` that names its id. */
async function act(client: TestClient, frame: Record<string, unknown>): Promise<Answer> {
  const from = client.frames.length;
  client.send({ type: 'action', ...frame });
  return client.waitFor<Answer>(
    (f) => (f.type === 'ack' || f.type === 'error') && f.id === frame.id,
    {
      from,
    },
  );
}

describe.each(BACKPLANES)('operator actions (%s backplane)', (kind) => {
  let setup: Awaited<ReturnType<typeof hubOn>>;
  let hub: InProcessHub;
  const open: TestClient[] = [];

  beforeAll(async () => {
    setup = await hubOn(kind);
    hub = setup.hub;
  });
  afterAll(async () => {
    await Promise.all(open.splice(0).map((c) => c.close()));
    await setup?.stop();
  });

  async function client(tenants: string[], scope: string, sub = 'maya'): Promise<TestClient> {
    const c = await connectTestClient(hub.wsUrl, {
      token: await hub.mintToken({ tenants, scope, sub }),
    });
    open.push(c);
    return c;
  }

  async function post(tenant: string, event: Record<string, unknown>): Promise<number> {
    const token = await hub.mintToken({ tenants: [tenant], scope: 'publish', sub: 'pos' });
    const answer = await postJson(hub.url + ingestPath(tenant), event, {
      Authorization: `Bearer ${token}`,
    });
    if (answer.status !== 200) throw new Error(`ingest failed: ${JSON.stringify(answer.body)}`);
    return (answer.body as { lastSeq: number }).lastSeq;
  }

  async function placeOrder(tenant: string, orderId: string): Promise<number> {
    return post(tenant, {
      type: 'order.placed',
      location: 'beirut-downtown',
      data: {
        orderId,
        channel: 'dine_in',
        items: [{ sku: 'fw', name: 'Flat white', qty: 1, unitPrice: 450000 }],
        total: 450000,
        currency: 'LBP',
      },
    });
  }

  async function raiseAlert(tenant: string, id: string): Promise<number> {
    return post(tenant, {
      type: 'alert',
      id,
      location: 'jbr-walk',
      data: { severity: 'critical', message: 'Payment terminal offline' },
    });
  }

  async function headSeq(tenant: string): Promise<number> {
    return (await hub.backplane.head(tenant)).seq;
  }

  async function eventsWithId(tenant: string, eventId: string): Promise<number[]> {
    const range = await hub.backplane.readAfter(tenant, 0);
    if (!range.complete) throw new Error('the test log should be complete');
    return range.events.filter((e) => e.event.id === eventId).map((e) => e.seq);
  }

  it('refuses an action from a read-only token as forbidden, naming its id, and appends nothing', async () => {
    const tenant = freshTenant();
    await placeOrder(tenant, 'o-1');
    const before = await headSeq(tenant);
    const reader = await client([tenant], 'read');
    const id = newActionId();
    const answer = await act(reader, { id, tenant, action: 'order.bump', target: 'o-1' });
    expect(answer).toMatchObject({ type: 'error', code: 'forbidden', id, tenant });
    expect(await headSeq(tenant)).toBe(before);
  });

  it('lets a token granted operate alone connect, subscribe and act, since operate implies read', async () => {
    const tenant = freshTenant();
    await placeOrder(tenant, 'o-1');
    const operator = await client([tenant], 'operate', 'sami');
    operator.send({ type: 'subscribe', tenant });
    await operator.waitFor((f) => f.type === 'snapshot' && f.tenant === tenant);
    const id = newActionId();
    const answer = await act(operator, { id, tenant, action: 'order.bump', target: 'o-1' });
    expect(answer).toMatchObject({ type: 'ack', id, tenant, duplicate: false });
  });

  it('lets a read-and-operate token subscribe and act, and every subscriber gets the event with by and actionId', async () => {
    const tenant = freshTenant();
    await placeOrder(tenant, 'o-1');
    const watcher = await client([tenant], 'read', 'wall');
    watcher.send({ type: 'subscribe', tenant });
    await watcher.waitFor((f) => f.type === 'snapshot' && f.tenant === tenant);
    const operator = await client([tenant], 'read operate', 'maya');
    operator.send({ type: 'subscribe', tenant });
    await operator.waitFor((f) => f.type === 'snapshot' && f.tenant === tenant);

    const id = newActionId();
    const answer = await act(operator, { id, tenant, action: 'order.bump', target: 'o-1' });
    expect(answer).toEqual({ type: 'ack', id, tenant, seq: 2, duplicate: false });
    for (const c of [watcher, operator]) {
      const event = await c.waitFor((f) => f.type === 'event' && f.seq === 2);
      expect(event).toMatchObject({
        tenant,
        event: {
          type: 'order.bumped',
          id: actionEventId('maya', id),
          location: 'beirut-downtown',
          data: { orderId: 'o-1', by: 'maya', actionId: id },
        },
      });
    }
  });

  it('accepts an action from an admin token, since admin implies operate', async () => {
    const tenant = freshTenant();
    await raiseAlert(tenant, 'alert-1');
    const admin = await client([tenant], 'read admin', 'boss');
    const id = newActionId();
    const answer = await act(admin, { id, tenant, action: 'alert.acknowledge', target: 'alert-1' });
    expect(answer).toMatchObject({ type: 'ack', id, tenant, seq: 2, duplicate: false });
    const range = await hub.backplane.readAfter(tenant, 1);
    expect(range.complete && range.events[0]?.event).toMatchObject({
      type: 'alert.acknowledged',
      location: 'jbr-walk',
      data: { alertId: 'alert-1', by: 'boss', actionId: id },
    });
  });

  it('refuses an action on a tenant the token does not hold: the other log stays as it was and the own subscribers see nothing', async () => {
    const mine = freshTenant();
    const theirs = freshTenant();
    await placeOrder(theirs, 'o-9');
    const theirsBefore = await headSeq(theirs);
    const operator = await client([mine], 'read operate');
    operator.send({ type: 'subscribe', tenant: mine });
    await operator.waitFor((f) => f.type === 'snapshot' && f.tenant === mine);
    const id = newActionId();
    const answer = await act(operator, {
      id,
      tenant: theirs,
      action: 'order.clear',
      target: 'o-9',
      reason: 'stuck',
    });
    expect(answer).toMatchObject({ type: 'error', code: 'forbidden', id, tenant: theirs });
    expect(await headSeq(theirs)).toBe(theirsBefore);
    expect(await headSeq(mine)).toBe(0);
    // A later action on the own tenant is the next frame of its kind the client gets: nothing came before it.
    await placeOrder(mine, 'o-1');
    const next = newActionId();
    expect(
      await act(operator, { id: next, tenant: mine, action: 'order.bump', target: 'o-1' }),
    ).toMatchObject({ type: 'ack', seq: 2 });
    await operator.waitFor((f) => f.type === 'event' && f.seq === 2);
    expect(operator.events(mine).map((e) => e.seq)).toEqual([1, 2]);
    expect(operator.events(theirs)).toEqual([]);
  });

  it('answers a repeated action id with the first seq and duplicate true, and the log holds one event', async () => {
    const tenant = freshTenant();
    await placeOrder(tenant, 'o-1');
    const operator = await client([tenant], 'read operate');
    const id = newActionId();
    const frame = { id, tenant, action: 'order.bump', target: 'o-1' };
    const first = await act(operator, frame);
    const again = await act(operator, frame);
    expect(first).toMatchObject({ type: 'ack', seq: 2, duplicate: false });
    expect(again).toEqual({ type: 'ack', id, tenant, seq: 2, duplicate: true });
    expect(await eventsWithId(tenant, actionEventId('maya', id))).toEqual([2]);
    expect(await headSeq(tenant)).toBe(2);
  });

  it('answers a repeat after its first action took the ticket off the board with that first seq, not not_found', async () => {
    const tenant = freshTenant();
    await placeOrder(tenant, 'o-1');
    const operator = await client([tenant], 'read operate');
    const id = newActionId();
    const frame = {
      id,
      tenant,
      action: 'order.clear',
      target: 'o-1',
      reason: 'stuck after restart',
    };
    const first = await act(operator, frame);
    expect(first).toMatchObject({ type: 'ack', seq: 2, duplicate: false });
    // The ticket leaves the board for good (whatever the reducer does with order.cleared).
    await post(tenant, { type: 'order.status', data: { orderId: 'o-1', status: 'cancelled' } });
    const fresh = newActionId();
    expect(
      await act(operator, { ...frame, id: fresh }),
      'a new clear of a ticket that is gone',
    ).toMatchObject({ type: 'error', code: 'not_found', id: fresh });
    expect(await act(operator, frame)).toEqual({
      type: 'ack',
      id,
      tenant,
      seq: 2,
      duplicate: true,
    });
    expect(await headSeq(tenant)).toBe(3);
  });

  it('keeps the same action id of two different people apart: neither can pre-empt the other', async () => {
    const tenant = freshTenant();
    await raiseAlert(tenant, 'alert-1');
    const maya = await client([tenant], 'read operate', 'maya');
    const omar = await client([tenant], 'read operate', 'omar');
    const id = 'shared-action-id';
    const frame = { id, tenant, action: 'alert.acknowledge', target: 'alert-1' };
    expect(await act(maya, frame)).toMatchObject({ type: 'ack', seq: 2, duplicate: false });
    expect(await act(omar, frame)).toMatchObject({ type: 'ack', seq: 3, duplicate: false });
  });

  it('answers not_found, naming the target, for an unknown alert, an order that is not open and a recall of nothing', async () => {
    const tenant = freshTenant();
    await raiseAlert(tenant, 'alert-1');
    await placeOrder(tenant, 'o-1');
    const before = await headSeq(tenant);
    const operator = await client([tenant], 'read operate');
    const cases = [
      { action: 'alert.resolve', target: 'alert-404', text: 'alert alert-404' },
      { action: 'order.bump', target: 'o-404', text: 'order o-404' },
      { action: 'order.recall', target: 'o-404', text: 'order o-404' },
      { action: 'order.bump', target: 'alert-1', text: 'order alert-1' },
      { action: 'alert.acknowledge', target: 'o-1', text: 'alert o-1' },
      { action: 'order.bump', target: '__proto__', text: 'order __proto__' },
    ];
    for (const { action, target, text } of cases) {
      const id = newActionId();
      const answer = await act(operator, { id, tenant, action, target });
      expect(answer).toMatchObject({ type: 'error', code: 'not_found', id, tenant });
      expect(answer.type === 'error' && answer.message).toContain(text);
    }
    expect(await headSeq(tenant)).toBe(before);
    const metrics = await (await fetch(`${hub.url}/metrics`)).text();
    expect(metrics).toMatch(
      /ops_hub_operator_actions_total\{action="alert\.resolve",result="not_found"\} [1-9]/,
    );
    expect(metrics).toMatch(
      /ops_hub_operator_actions_total\{action="order\.bump",result="not_found"\} [1-9]/,
    );
  });

  it('answers bad_request with the action id for a clear without a reason, and keeps the connection open', async () => {
    const tenant = freshTenant();
    await placeOrder(tenant, 'o-1');
    const operator = await client([tenant], 'read operate');
    const id = newActionId();
    const answer = await act(operator, { id, tenant, action: 'order.clear', target: 'o-1' });
    expect(answer).toMatchObject({ type: 'error', code: 'bad_request', id, tenant });
    expect(answer.type === 'error' && answer.message).toContain('reason');
    expect(await headSeq(tenant)).toBe(1);
    const ok = newActionId();
    expect(
      await act(operator, {
        id: ok,
        tenant,
        action: 'order.clear',
        target: 'o-1',
        reason: 'stuck',
      }),
    ).toMatchObject({
      type: 'ack',
      seq: 2,
    });
  });

  it('answers bad_request without an id when the action id itself is invalid', async () => {
    const tenant = freshTenant();
    const operator = await client([tenant], 'read operate');
    const from = operator.frames.length;
    operator.send({ type: 'action', id: 'no', tenant, action: 'order.bump', target: 'o-1' });
    const answer = await operator.waitFor((f) => f.type === 'error', { from });
    expect(answer).toMatchObject({ type: 'error', code: 'bad_request' });
    expect('id' in answer).toBe(false);
  });
});

describe('operator actions under the message rate limit', () => {
  let setup: Awaited<ReturnType<typeof hubOn>>;

  beforeAll(async () => {
    setup = await hubOn('memory', { HUB_MESSAGE_RATE: '5', HUB_VIOLATION_LIMIT: '1000' });
  });
  afterAll(async () => setup?.stop());

  it('refuses action frames past the rate as rate_limited and appends only the ones it let through', async () => {
    const hub = setup.hub;
    const tenant = 'rate-limited';
    const token = await hub.mintToken({ tenants: [tenant], scope: 'publish' });
    const placed = await postJson(
      hub.url + ingestPath(tenant),
      { type: 'alert', id: 'alert-1', data: { severity: 'info', message: 'x' } },
      { Authorization: `Bearer ${token}` },
    );
    expect(placed.status).toBe(200);
    const operator = await connectTestClient(hub.wsUrl, {
      token: await hub.mintToken({ tenants: [tenant], scope: 'read operate' }),
    });
    try {
      const ids = Array.from({ length: 40 }, () => newActionId());
      for (const id of ids)
        operator.send({
          type: 'action',
          id,
          tenant,
          action: 'alert.acknowledge',
          target: 'alert-1',
        });
      // Every frame is answered: an ack, or a rate_limited error (which names no id).
      const answered = () =>
        operator.frames.filter(
          (f) => f.type === 'ack' || (f.type === 'error' && f.code === 'rate_limited'),
        ).length;
      await expect.poll(answered).toBe(ids.length);
      const acked = operator.frames.filter((f) => f.type === 'ack').length;
      expect(acked).toBeGreaterThan(0);
      // Burst of twice the rate, plus what refills while the frames arrive.
      expect(acked).toBeLessThanOrEqual(12);
      expect((await hub.backplane.head(tenant)).seq).toBe(1 + acked);
    } finally {
      await operator.close();
    }
  });
});

describe('operator actions across a hub restart', () => {
  it('answers a repeat with the first seq after a restart whose final checkpoint already folded the action', async () => {
    const backplane = new MemoryBackplane();
    const tenant = 'restarted';
    const id = newActionId();
    const frame = { id, tenant, action: 'order.clear', target: 'o-1', reason: 'stuck' };
    let secret = '';
    // Minted by the first hub: the second one verifies with the same secret.
    let operatorToken = '';
    try {
      const before = await startInProcessHub({ backplane: 'memory', existingBackplane: backplane });
      secret = before.config.jwt.secret as string;
      operatorToken = await before.mintToken({ tenants: [tenant], scope: 'read operate' });
      try {
        const token = await before.mintToken({ tenants: [tenant], scope: 'publish' });
        for (const event of [
          {
            type: 'order.placed',
            location: 'beirut-downtown',
            data: { orderId: 'o-1', channel: 'takeaway', items: [], total: 0, currency: 'LBP' },
          },
        ])
          expect(
            (
              await postJson(before.url + ingestPath(tenant), event, {
                Authorization: `Bearer ${token}`,
              })
            ).status,
          ).toBe(200);
        const operator = await connectTestClient(before.wsUrl, { token: operatorToken });
        expect(await act(operator, frame)).toMatchObject({ type: 'ack', seq: 2, duplicate: false });
        const cancelled = await postJson(
          before.url + ingestPath(tenant),
          { type: 'order.status', data: { orderId: 'o-1', status: 'cancelled' } },
          { Authorization: `Bearer ${token}` },
        );
        expect(cancelled.status).toBe(200);
        await operator.close();
      } finally {
        await before.close();
      }
      const checkpoint = await backplane.loadCheckpoint(tenant);
      expect(checkpoint?.seq, 'the closing hub checkpointed every event').toBe(3);

      const after = await startInProcessHub({
        backplane: 'memory',
        existingBackplane: backplane,
        env: { HUB_JWT_SECRET: secret },
      });
      try {
        const operator = await connectTestClient(after.wsUrl, { token: operatorToken });
        expect(await act(operator, frame)).toEqual({
          type: 'ack',
          id,
          tenant,
          seq: 2,
          duplicate: true,
        });
        await operator.close();
      } finally {
        await after.close();
      }
    } finally {
      await backplane.close();
    }
  });
});

describe('operator actions while Redis is down', () => {
  let redis: RedisTestServer;
  let hub: InProcessHub;

  beforeAll(async () => {
    redis = await startRedis({ persistence: true });
    hub = await startInProcessHub({ backplane: 'redis', redisUrl: redis.url });
  });
  afterAll(async () => {
    await hub?.close();
    await redis?.stop();
  });

  it('answers unavailable with the action id, and the same id is applied once Redis is back', async () => {
    const tenant = 'redis-down';
    const publish = await hub.mintToken({ tenants: [tenant], scope: 'publish' });
    const placed = await postJson(
      hub.url + ingestPath(tenant),
      { type: 'alert', id: 'alert-1', data: { severity: 'critical', message: 'Fryer offline' } },
      { Authorization: `Bearer ${publish}` },
    );
    expect(placed.status).toBe(200);
    const operator = await connectTestClient(hub.wsUrl, {
      token: await hub.mintToken({ tenants: [tenant], scope: 'read operate' }),
    });
    try {
      const id = newActionId();
      const frame = { id, tenant, action: 'alert.acknowledge', target: 'alert-1' };
      await redis.kill();
      expect(await act(operator, frame)).toMatchObject({
        type: 'error',
        code: 'unavailable',
        id,
        tenant,
      });
      await redis.restart();
      let answer: Answer | undefined;
      await expect
        .poll(
          async () => {
            answer = await act(operator, frame);
            return answer.type === 'error' ? answer.code : answer.type;
          },
          { timeout: 15_000, interval: 250 },
        )
        .toBe('ack');
      expect(answer).toMatchObject({ seq: 2, duplicate: false });
    } finally {
      await operator.close();
    }
  });
});
