import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectTestClient } from '../../test-support/ws-test-client';
import { startHubProcess, type HubProcess } from '../../test-support/hub-process';

describe('token renewal (hub process, 3 s tokens)', () => {
  let hub: HubProcess;

  beforeAll(async () => {
    hub = await startHubProcess({ tokenTtl: '3s' });
  });
  afterAll(async () => hub?.stop());

  it('keeps a connection alive across several token lifetimes with in-band auth', async () => {
    const client = await connectTestClient(hub.wsUrl, {
      token: await hub.mintToken({ tenants: ['cedar-group'], ttl: '3s' }),
    });
    try {
      client.send({ type: 'subscribe', tenant: 'cedar-group' });
      await client.waitFor((f) => f.type === 'snapshot');
      for (let round = 0; round < 4; round++) {
        await new Promise((r) => setTimeout(r, 1500));
        client.send({
          type: 'auth',
          token: await hub.mintToken({ tenants: ['cedar-group'], ttl: '3s' }),
        });
        await client.waitFor((f) => f.type === 'auth_ok', { from: client.frames.length });
      }
      // 6 s have passed: two original lifetimes; the connection is still open.
      client.send({ type: 'ping', id: 'alive' });
      await client.waitFor((f) => f.type === 'pong' && f.id === 'alive');
      expect(client.ws.readyState).toBe(client.ws.OPEN);
    } finally {
      await client.close();
    }
  });

  it('closes with 4001 at expiry when the token is not renewed', async () => {
    const client = await connectTestClient(hub.wsUrl, {
      token: await hub.mintToken({ tenants: ['cedar-group'], ttl: '3s' }),
    });
    const { code } = await client.closed;
    expect(code).toBe(4001);
  });

  it('refuses a renewal with a different sub and keeps the old token', async () => {
    const client = await connectTestClient(hub.wsUrl, {
      token: await hub.mintToken({ sub: 'ana', tenants: ['cedar-group'] }),
    });
    try {
      client.send({
        type: 'auth',
        token: await hub.mintToken({ sub: 'bob', tenants: ['cedar-group'] }),
      });
      const error = await client.waitFor((f) => f.type === 'error');
      expect(error).toMatchObject({ code: 'auth_failed' });
    } finally {
      await client.close();
    }
  });

  it('ends the subscription of a tenant the renewed token drops with a forbidden error', async () => {
    const client = await connectTestClient(hub.wsUrl, {
      token: await hub.mintToken({ tenants: ['cedar-group', 'harbor-eats'] }),
    });
    try {
      client.send({ type: 'subscribe', tenant: 'cedar-group' });
      client.send({ type: 'subscribe', tenant: 'harbor-eats' });
      await client.waitFor((f) => f.type === 'snapshot' && f.tenant === 'harbor-eats');
      await client.waitFor((f) => f.type === 'snapshot' && f.tenant === 'cedar-group');
      client.send({ type: 'auth', token: await hub.mintToken({ tenants: ['cedar-group'] }) });
      const error = await client.waitFor((f) => f.type === 'error');
      expect(error).toMatchObject({ code: 'forbidden', tenant: 'harbor-eats' });
      await client.waitFor((f) => f.type === 'auth_ok');
      const publish = await hub.mintToken({ tenants: ['harbor-eats'], scope: 'publish' });
      const res = await fetch(`${hub.url}/v1/tenants/harbor-eats/events`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${publish}` },
        body: JSON.stringify({ type: 'alert', data: { severity: 'info', message: 'after drop' } }),
      });
      expect(res.status).toBe(200);
      client.send({ type: 'ping', id: 'sync' });
      await client.waitFor((f) => f.type === 'pong');
      await new Promise((r) => setTimeout(r, 200));
      expect(client.events('harbor-eats')).toEqual([]);
    } finally {
      await client.close();
    }
  });
});
