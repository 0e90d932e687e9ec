import { SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestPath } from '../../protocol/http-api';
import { postJson, upgradeStatus } from '../../test-support/ws-test-client';
import { BACKPLANES, hubOn } from '../../test-support/backplane-matrix';
import { secretOf, type InProcessHub } from '../../test-support/in-process-hub';

describe.each(BACKPLANES)('rejected upgrades and tokens (%s backplane)', (kind) => {
  let setup: Awaited<ReturnType<typeof hubOn>>;
  let hub: InProcessHub;

  beforeAll(async () => {
    setup = await hubOn(kind, { HUB_ALLOWED_ORIGINS: 'https://ops.example.com' });
    hub = setup.hub;
  });
  afterAll(async () => setup?.stop());

  const sign = (secret: string, exp: number) =>
    new SignJWT({ tenants: ['cedar-group'], scope: 'read' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('ops')
      .setExpirationTime(exp)
      .sign(new TextEncoder().encode(secret));

  it('upgrades a valid token from the header or the access_token query', async () => {
    const token = await hub.mintToken({ tenants: ['cedar-group'] });
    expect(await upgradeStatus(hub.wsUrl, { token })).toBe(101);
    expect(await upgradeStatus(hub.wsUrl, { token, tokenIn: 'query' })).toBe(101);
  });

  it('answers 401 to no token, a bad signature, alg none and an expired token', async () => {
    const now = Math.floor(Date.now() / 1000);
    const badSignature = await sign('some-other-secret-of-at-least-32-bytes', now + 60);
    const none = new UnsecuredJWT({ tenants: ['cedar-group'], scope: 'read' })
      .setSubject('ops')
      .setExpirationTime(now + 60)
      .encode();
    const expired = await sign(secretOf(hub), now - 5);
    expect(await upgradeStatus(hub.wsUrl, {})).toBe(401);
    expect(await upgradeStatus(hub.wsUrl, { token: badSignature })).toBe(401);
    expect(await upgradeStatus(hub.wsUrl, { token: none })).toBe(401);
    expect(await upgradeStatus(hub.wsUrl, { token: expired })).toBe(401);
  });

  it('answers 403 to a disallowed Origin and accepts listed, same-origin and absent ones', async () => {
    const token = await hub.mintToken({ tenants: ['cedar-group'] });
    expect(await upgradeStatus(hub.wsUrl, { token, origin: 'https://evil.example.com' })).toBe(403);
    expect(await upgradeStatus(hub.wsUrl, { token, origin: 'https://ops.example.com' })).toBe(101);
    expect(await upgradeStatus(hub.wsUrl, { token, origin: new URL(hub.url).origin })).toBe(101);
    expect(await upgradeStatus(hub.wsUrl, { token })).toBe(101);
  });

  it('selects ops.v1, treats no subprotocol as v1 and refuses only-unknown subprotocols', async () => {
    const token = await hub.mintToken({ tenants: ['cedar-group'] });
    expect(await upgradeStatus(hub.wsUrl, { token, protocols: [] })).toBe(101);
    expect(await upgradeStatus(hub.wsUrl, { token, protocols: ['ops.v2', 'ops.v1'] })).toBe(101);
    expect(await upgradeStatus(hub.wsUrl, { token, protocols: ['ops.v2'] })).toBe(400);
  });

  it('refuses a publish-only token on the WebSocket with 403', async () => {
    expect(
      await upgradeStatus(hub.wsUrl, {
        token: await hub.mintToken({ tenants: ['cedar-group'], scope: 'publish' }),
      }),
    ).toBe(403);
  });

  it("answers 403 to a publish token for tenant B on tenant A's ingest, and 401 without a token", async () => {
    const forB = await hub.mintToken({ tenants: ['harbor-eats'], scope: 'publish' });
    const event = { type: 'alert', data: { severity: 'info', message: 'hello' } };
    expect(
      (
        await postJson(hub.url + ingestPath('cedar-group'), event, {
          Authorization: `Bearer ${forB}`,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await postJson(hub.url + ingestPath('harbor-eats'), event, {
          Authorization: `Bearer ${forB}`,
        })
      ).status,
    ).toBe(200);
    expect((await postJson(hub.url + ingestPath('cedar-group'), event)).status).toBe(401);
    const readOnly = await hub.mintToken({ tenants: ['cedar-group'], scope: 'read' });
    expect(
      (
        await postJson(hub.url + ingestPath('cedar-group'), event, {
          Authorization: `Bearer ${readOnly}`,
        })
      ).status,
    ).toBe(403);
  });
});
