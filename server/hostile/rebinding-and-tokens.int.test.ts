import { request } from 'node:http';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHubProcess, type HubProcess } from '../../test-support/hub-process';
import { connectTestClient, upgradeStatus } from '../../test-support/ws-test-client';

/** Issue 8 items 7 and 8: DNS rebinding, an open /metrics, and an unknown `crit` header. */

const METRICS_TOKEN = 'metrics-token-for-the-scraper-0123456789';

/** A GET with a forged Host header (fetch would not let us set one). */
function getWithHost(
  url: string,
  host: string,
  headers: Record<string, string> = {},
): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { Host: host, ...headers }, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('rebinding, metrics and token headers against a real hub process', () => {
  let hub: HubProcess;

  beforeAll(async () => {
    hub = await startHubProcess({
      readyTimeoutMs: 60_000,
      env: { HUB_METRICS_TOKEN: METRICS_TOKEN, HUB_ALLOWED_HOSTS: 'ops.example.com' },
    });
  });
  afterAll(async () => {
    await hub?.stop();
  });

  it('refuses HTTP requests whose Host is not a local name, an IP literal or in HUB_ALLOWED_HOSTS', async () => {
    expect(await getWithHost(`${hub.url}/healthz`, 'rebound.attacker.example')).toBe(421);
    expect(await getWithHost(`${hub.url}/healthz`, `localhost:${hub.port}`)).toBe(200);
    expect(await getWithHost(`${hub.url}/healthz`, `127.0.0.1:${hub.port}`)).toBe(200);
    expect(await getWithHost(`${hub.url}/healthz`, 'ops.example.com')).toBe(200);
  });

  it('refuses a WebSocket upgrade from a rebound page even when its Origin matches its Host', async () => {
    const token = await hub.mintToken({ tenants: ['cedar-group'] });
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${hub.url}/v1/ws`, {
        agent: false,
        headers: {
          Host: `rebound.attacker.example:${hub.port}`,
          Origin: `http://rebound.attacker.example:${hub.port}`,
          Connection: 'Upgrade',
          Upgrade: 'websocket',
          'Sec-WebSocket-Version': '13',
          'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
          'Sec-WebSocket-Protocol': 'ops.v1',
          Authorization: `Bearer ${token}`,
        },
      });
      req.on('upgrade', (_res, socket) => {
        socket.destroy();
        resolve(101);
      });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(421);
    expect(await upgradeStatus(hub.wsUrl, { token })).toBe(101);
  });

  it('answers /metrics only with the HUB_METRICS_TOKEN bearer', async () => {
    expect((await fetch(`${hub.url}/metrics`)).status).toBe(401);
    expect(
      (await fetch(`${hub.url}/metrics`, { headers: { Authorization: 'Bearer wrong-token' } }))
        .status,
    ).toBe(401);
    const scraped = await fetch(`${hub.url}/metrics`, {
      headers: { Authorization: `Bearer ${METRICS_TOKEN}` },
    });
    expect(scraped.status).toBe(200);
    expect(await scraped.text()).toContain('ops_hub_open_connections');
  });

  it('answers 401, not 503, to a token with an unknown crit header, on ingest and on upgrade', async () => {
    const token = await new SignJWT({
      tenants: ['cedar-group'],
      scope: 'publish read',
      token_use: 'access',
    })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT', crit: ['x-unknown'], 'x-unknown': true })
      .setSubject('crit-test')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(hub.jwtSecret), { crit: { 'x-unknown': true } });
    const ingest = await fetch(`${hub.url}/v1/tenants/cedar-group/events`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ type: 'order.placed', id: 'crit-1', data: {} }),
    });
    expect(ingest.status).toBe(401);
    expect(await upgradeStatus(hub.wsUrl, { token })).toBe(401);
    const client = await connectTestClient(hub.wsUrl, {
      token: await hub.mintToken({ tenants: ['cedar-group'] }),
    });
    await client.waitFor((f) => f.type === 'welcome');
    await client.close();
  });
});
