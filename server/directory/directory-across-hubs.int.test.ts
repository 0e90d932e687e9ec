import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TENANTS_PATH } from '../../protocol/tenant-directory';
import { startHubProcess, type HubProcess } from '../../test-support/hub-process';
import { startRedis, type RedisTestServer } from '../../test-support/redis-server';
import { CEDAR_INPUT } from '../../test-support/tenant-directory-contract';
import { connectTestClient } from '../../test-support/ws-test-client';

async function call(
  hub: HubProcess,
  method: string,
  path: string,
  token: string,
  body?: unknown,
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(hub.url + path, {
    method,
    headers: {
      Authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
}

describe('the tenant directory on two hubs sharing one Redis', () => {
  let redis: RedisTestServer;
  let a: HubProcess;
  let b: HubProcess;

  beforeAll(async () => {
    redis = await startRedis();
    a = await startHubProcess({ redisUrl: redis.url });
    b = await startHubProcess({ redisUrl: redis.url, jwtSecret: a.jwtSecret });
  });
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await redis?.stop();
  });

  it('an entry put through the admin API of hub B reaches a client of hub A live, in a fresh snapshot', async () => {
    const client = await connectTestClient(a.wsUrl, {
      token: await a.mintToken({ tenants: ['cedar-group'] }),
    });
    try {
      client.send({ type: 'subscribe', tenant: 'cedar-group' });
      const first = await client.waitFor((f) => f.type === 'snapshot');
      expect(first).toMatchObject({ state: { timeZone: 'UTC', currency: null } });
      expect((first as { state: object }).state).not.toHaveProperty('directory');

      const admin = await b.mintToken({ tenants: ['cedar-group'], scope: 'read admin' });
      const created = await call(b, 'PUT', `${ADMIN_TENANTS_PATH}/cedar-group`, admin, CEDAR_INPUT);
      expect(created).toMatchObject({ status: 201, body: { id: 'cedar-group', revision: 1 } });

      const live = await client.waitFor(
        (f) => f.type === 'snapshot' && JSON.stringify(f.state).includes('"directory"'),
      );
      expect(live).toMatchObject({
        state: {
          timeZone: 'Asia/Beirut',
          currency: 'LBP',
          directory: { displayName: 'Cedar Group', locations: [{ id: 'beirut-downtown' }] },
        },
      });

      const changed = await call(b, 'PUT', `${ADMIN_TENANTS_PATH}/cedar-group`, admin, {
        ...CEDAR_INPUT,
        displayName: 'مجموعة الأرز',
      });
      expect(changed).toMatchObject({ status: 200, body: { revision: 2 } });
      await client.waitFor(
        (f) => f.type === 'snapshot' && JSON.stringify(f.state).includes('مجموعة الأرز'),
      );
      expect(await call(a, 'GET', `${ADMIN_TENANTS_PATH}/cedar-group`, admin)).toMatchObject({
        status: 200,
        body: { displayName: 'مجموعة الأرز', revision: 2 },
      });
    } finally {
      await client.close();
    }
  });

  it('answers bad bodies, missing scope, other tenants and unknown entries with coded errors', async () => {
    const admin = await a.mintToken({ tenants: ['harbor-eats'], scope: 'admin' });
    const reader = await a.mintToken({ tenants: ['harbor-eats'], scope: 'read publish' });
    const path = `${ADMIN_TENANTS_PATH}/harbor-eats`;

    const bad = await call(a, 'PUT', path, admin, { displayName: 'H', timeZone: 'Mars/Base' });
    expect(bad).toMatchObject({
      status: 400,
      body: { error: { code: 'bad_request', fields: [{ path: 'timeZone' }] } },
    });
    const unordered = await call(a, 'PUT', path, admin, {
      displayName: 'H',
      locations: [
        {
          id: 'x',
          displayName: 'X',
          thresholds: { lateAfterMin: 30, overdueAfterMin: 20, staleAfterMin: 40 },
        },
      ],
    });
    expect(unordered.status).toBe(400);
    expect(await call(a, 'PUT', path, admin, '{"displayName":')).toMatchObject({ status: 400 });
    expect(await call(a, 'PUT', path, admin, 'x'.repeat(600 * 1024))).toMatchObject({
      status: 413,
      body: { error: { code: 'payload_too_large' } },
    });
    expect(await call(a, 'PUT', path, reader, { displayName: 'H' })).toMatchObject({
      status: 403,
      body: { error: { code: 'forbidden' } },
    });
    expect(
      await call(a, 'PUT', `${ADMIN_TENANTS_PATH}/cedar-group`, admin, { displayName: 'C' }),
    ).toMatchObject({ status: 403 });
    expect(await call(a, 'GET', path, admin)).toMatchObject({
      status: 404,
      body: { error: { code: 'not_found' } },
    });
    expect(await call(a, 'GET', `${ADMIN_TENANTS_PATH}/Bad%20Id`, admin)).toMatchObject({
      status: 400,
    });
    expect(await call(a, 'GET', path, 'not-a-token')).toMatchObject({ status: 401 });

    expect(await call(a, 'PUT', path, admin, { displayName: 'Harbor Eats' })).toMatchObject({
      status: 201,
    });
    // The list shows only the tenants the token names.
    const list = await call(a, 'GET', ADMIN_TENANTS_PATH, admin);
    expect((list.body as { tenants: Array<{ id: string }> }).tenants.map((t) => t.id)).toEqual([
      'harbor-eats',
    ]);
    expect(await call(b, 'DELETE', path, admin)).toMatchObject({ status: 204 });
    expect(await call(a, 'DELETE', path, admin)).toMatchObject({ status: 404 });
  });
});
