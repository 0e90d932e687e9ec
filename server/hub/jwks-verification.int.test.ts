import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, UnsecuredJWT, exportJWK, generateKeyPair, type CryptoKey } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN_PATH, ingestPath } from '../../protocol/http-api';
import { freePort } from '../../test-support/free-port';
import { connectTestClient, postJson, upgradeStatus } from '../../test-support/ws-test-client';
import { startInProcessHub, type InProcessHub } from '../../test-support/in-process-hub';

interface SigningKey {
  kid: string;
  alg: 'RS256' | 'ES256';
  privateKey: CryptoKey;
}

async function signingKey(kid: string, alg: SigningKey['alg']) {
  const { publicKey, privateKey } = await generateKeyPair(alg);
  const jwk = { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' };
  return { key: { kid, alg, privateKey } satisfies SigningKey, jwk };
}

function sign(
  key: SigningKey,
  claims: Record<string, unknown>,
  { expInSec = 300, audience = 'ops-hub' } = {},
) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ tenants: ['cedar-group'], scope: 'read', ...claims })
    .setProtectedHeader({ alg: key.alg, kid: key.kid })
    .setSubject('idp-user')
    .setIssuer('https://id.example.test')
    .setAudience(audience)
    .setIssuedAt(now)
    .setExpirationTime(now + expInSec)
    .sign(key.privateKey);
}

describe('tokens verified against a JWKS served over HTTP', () => {
  let jwksServer: Server;
  let jwksRequests = 0;
  let hub: InProcessHub;
  let rsa: SigningKey;
  let ec: SigningKey;
  let stranger: SigningKey;

  beforeAll(async () => {
    const [r, e, s] = await Promise.all([
      signingKey('rsa-1', 'RS256'),
      signingKey('ec-1', 'ES256'),
      signingKey('rsa-1', 'RS256'), // same kid, but not the published key
    ]);
    rsa = r.key;
    ec = e.key;
    stranger = s.key;
    const body = JSON.stringify({ keys: [r.jwk, e.jwk] });
    jwksServer = createServer((req, res) => {
      jwksRequests += 1;
      if (req.url !== '/.well-known/jwks.json') return res.writeHead(404).end();
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(body);
    });
    await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
    const { port } = jwksServer.address() as AddressInfo;
    hub = await startInProcessHub({
      backplane: 'memory',
      env: {
        HUB_JWT_SECRET: '',
        HUB_JWKS_URL: `http://127.0.0.1:${port}/.well-known/jwks.json`,
        HUB_JWT_ISSUER: 'https://id.example.test',
        HUB_JWT_AUDIENCE: 'ops-hub',
      },
    });
  });
  afterAll(async () => {
    await hub?.close();
    await new Promise((resolve) => jwksServer?.close(resolve));
  });

  it('accepts RS256 and ES256 tokens signed by keys in the JWKS', async () => {
    for (const key of [rsa, ec]) {
      const client = await connectTestClient(hub.wsUrl, { token: await sign(key, {}) });
      try {
        const welcome = await client.waitFor((f) => f.type === 'welcome');
        expect(welcome).toMatchObject({ tenants: ['cedar-group'] });
        client.send({ type: 'subscribe', tenant: 'cedar-group' });
        await client.waitFor((f) => f.type === 'snapshot');
      } finally {
        await client.close();
      }
    }
    expect(jwksRequests).toBeGreaterThan(0);
  });

  it('accepts a JWKS-signed publish token on ingest', async () => {
    const token = await sign(rsa, { scope: 'publish' });
    const answer = await postJson(
      hub.url + ingestPath('cedar-group'),
      { type: 'alert', data: { severity: 'info', message: 'from an IdP-issued token' } },
      { Authorization: `Bearer ${token}` },
    );
    expect(answer.status).toBe(200);
  });

  it('refuses HS256 tokens, alg none, a key outside the JWKS, a wrong audience and an expired token with 401', async () => {
    const now = Math.floor(Date.now() / 1000);
    const hs256 = await new SignJWT({ tenants: ['cedar-group'], scope: 'read' })
      .setProtectedHeader({ alg: 'HS256', kid: 'rsa-1' })
      .setSubject('idp-user')
      .setIssuer('https://id.example.test')
      .setAudience('ops-hub')
      .setExpirationTime(now + 300)
      .sign(new TextEncoder().encode('a-shared-secret-of-at-least-32-bytes!!'));
    const none = new UnsecuredJWT({ tenants: ['cedar-group'], scope: 'read' })
      .setSubject('idp-user')
      .setIssuer('https://id.example.test')
      .setAudience('ops-hub')
      .setExpirationTime(now + 300)
      .encode();
    const wrongAudience = await sign(rsa, {}, { audience: 'someone-else' });
    const expired = await sign(rsa, {}, { expInSec: -10 });
    const refused = { hs256, none, stranger: await sign(stranger, {}), wrongAudience, expired };
    for (const [name, token] of Object.entries(refused))
      expect({ name, status: await upgradeStatus(hub.wsUrl, { token }) }).toEqual({
        name,
        status: 401,
      });
    expect(
      (
        await postJson(
          hub.url + ingestPath('cedar-group'),
          { type: 'alert', data: { severity: 'info', message: 'x' } },
          { Authorization: `Bearer ${hs256}` },
        )
      ).status,
    ).toBe(401);
  });

  it('issues no tokens of its own: the token endpoint answers 404', async () => {
    const answer = await postJson(hub.url + TOKEN_PATH, { username: 'admin', password: 'x' });
    expect(answer.status).toBe(404);
  });

  it('answers 503, not 401, while the JWKS cannot be fetched', async () => {
    const dead = await startInProcessHub({
      backplane: 'memory',
      env: {
        HUB_JWT_SECRET: '',
        HUB_JWKS_URL: `http://127.0.0.1:${await freePort()}/jwks.json`,
      },
    });
    try {
      const token = await sign(rsa, {});
      expect(await upgradeStatus(dead.wsUrl, { token })).toBe(503);
      const ingest = await postJson(
        dead.url + ingestPath('cedar-group'),
        { type: 'alert', data: { severity: 'info', message: 'x' } },
        { Authorization: `Bearer ${await sign(rsa, { scope: 'publish' })}` },
      );
      expect(ingest.status).toBe(503);
    } finally {
      await dead.close();
    }
  });
});
