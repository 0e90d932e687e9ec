import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  TOKEN_PATH,
  ingestPath,
  tokenResponseSchema,
  type TokenResponse,
} from '../../protocol/http-api';
import { startHubProcess, type HubProcess } from '../../test-support/hub-process';
import { connectTestClient, postJson, upgradeStatus } from '../../test-support/ws-test-client';

/**
 * postJson on a fresh connection: the CLI calls between requests can take longer than
 * the hub's keep-alive timeout, and a reused idle socket then races its close.
 */
const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  postJson(url, body, { Connection: 'close', ...headers });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function grant(hub: HubProcess, body: unknown): Promise<TokenResponse> {
  const answer = await post(hub.url + TOKEN_PATH, body);
  if (answer.status !== 200)
    throw new Error(`token request answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return tokenResponseSchema.parse(answer.body);
}

function refreshTokenOf(answer: TokenResponse): string {
  if (!answer.refresh_token) throw new Error('the answer carries no refresh_token');
  return answer.refresh_token;
}

/** The tenants a hub connection opened with this access token is welcomed with. */
async function welcomedTenants(hub: HubProcess, accessToken: string): Promise<unknown> {
  const client = await connectTestClient(hub.wsUrl, { token: accessToken });
  try {
    const welcome = await client.waitFor((frame) => frame.type === 'welcome');
    return welcome.type === 'welcome' ? welcome.tenants : null;
  } finally {
    await client.close();
  }
}

/** `ops_hub_auth_failures_total{reason}` from the hub's /metrics: tells apart refusals whose answers are identical on purpose. */
async function authFailures(hub: HubProcess, reason: string): Promise<number> {
  const text = await (await fetch(`${hub.url}/metrics`)).text();
  const line = text
    .split('\n')
    .find((l) => l.startsWith(`ops_hub_auth_failures_total{reason="${reason}"}`));
  return line ? Number(line.split(' ').at(-1)) : 0;
}

describe('refresh grant of POST /v1/auth/token (hub process, memory backplane, 2 s access and 4 s refresh tokens)', () => {
  let hub: HubProcess;
  const seenRefreshTokens: string[] = [];
  const password = 'refresh-me-please-7t';

  beforeAll(async () => {
    hub = await startHubProcess({
      tokenTtl: '2s',
      env: { HUB_REFRESH_TTL: '4s', HUB_LOG_LEVEL: 'info' },
    });
    for (const name of ['ana', 'bo', 'cy'])
      await hub.addUser(name, password, { tenants: ['cedar-group'], scope: 'read' });
  });
  afterAll(async () => hub?.stop());

  async function signIn(username: string): Promise<TokenResponse> {
    const answer = await grant(hub, { username, password });
    seenRefreshTokens.push(refreshTokenOf(answer));
    return answer;
  }

  it('a password grant also returns a refresh token, and refreshing after the access token expired returns a working access token and a rotated refresh token', async () => {
    const first = await signIn('ana');
    expect(first).toMatchObject({ expires_in: 2, refresh_expires_in: 4, tenants: ['cedar-group'] });
    await sleep(2200);
    expect(await upgradeStatus(hub.wsUrl, { token: first.access_token })).toBe(401);

    const second = await grant(hub, { refreshToken: refreshTokenOf(first) });
    seenRefreshTokens.push(refreshTokenOf(second));
    expect(second).toMatchObject({
      token_type: 'Bearer',
      expires_in: 2,
      refresh_expires_in: 4,
      tenants: ['cedar-group'],
      scope: 'read',
    });
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(second.access_token).not.toBe(first.access_token);
    expect(await welcomedTenants(hub, second.access_token)).toEqual(['cedar-group']);

    // The rotated refresh token is itself good for the next refresh.
    const third = await grant(hub, { refreshToken: refreshTokenOf(second) });
    seenRefreshTokens.push(refreshTokenOf(third));
    expect(third.refresh_token).not.toBe(second.refresh_token);
    expect(await welcomedTenants(hub, third.access_token)).toEqual(['cedar-group']);
  });

  it('a refresh token is refused as an access token on the WebSocket upgrade, on ingest and in an in-band auth frame', async () => {
    const signedIn = await signIn('ana');
    const refreshToken = refreshTokenOf(signedIn);
    expect(await upgradeStatus(hub.wsUrl, { token: refreshToken })).toBe(401);
    expect(await upgradeStatus(hub.wsUrl, { token: refreshToken, tokenIn: 'query' })).toBe(401);

    const publisher = await hub.mintToken({
      sub: 'ana',
      tenants: ['cedar-group'],
      scope: 'publish',
    });
    const event = { type: 'queue.length', data: { queue: 'kitchen', length: 2 } };
    const ingested = await post(hub.url + ingestPath('cedar-group'), event, {
      Authorization: `Bearer ${refreshToken}`,
    });
    expect(ingested.status).toBe(401);
    // The same request with an access token goes through, so the 401 above is about the token.
    const control = await post(hub.url + ingestPath('cedar-group'), event, {
      Authorization: `Bearer ${publisher}`,
    });
    expect(control.status).toBe(200);

    const client = await connectTestClient(hub.wsUrl, { token: signedIn.access_token });
    try {
      await client.waitFor((frame) => frame.type === 'welcome');
      client.send({ type: 'auth', token: refreshToken });
      const refused = await client.waitFor(
        (frame) => frame.type === 'error' || frame.type === 'auth_ok',
      );
      expect(refused).toMatchObject({ type: 'error', code: 'auth_failed' });
    } finally {
      await client.close();
    }
  });

  it('an access token is refused as a refresh grant', async () => {
    const signedIn = await signIn('bo');
    const before = await authFailures(hub, 'refresh_bad_signature');
    const answer = await post(hub.url + TOKEN_PATH, { refreshToken: signedIn.access_token });
    expect(answer.status).toBe(401);
    expect(answer.body).toMatchObject({ error: { code: 'unauthorized' } });
    expect(await authFailures(hub, 'refresh_bad_signature')).toBe(before + 1);
  });

  it('an API key grant returns an access token without a refresh token', async () => {
    const { key } = await hub.createApiKey({
      sub: 'pos-bridge',
      tenants: ['cedar-group'],
      scope: 'publish',
    });
    const answer = await grant(hub, { apiKey: key });
    expect(answer.access_token).toBeTruthy();
    expect(answer).not.toHaveProperty('refresh_token');
    expect(answer).not.toHaveProperty('refresh_expires_in');
  });

  it('the refresh grant re-reads the user: a change of tenants in the store shows in the refreshed token', async () => {
    const signedIn = await signIn('cy');
    const file = join(hub.dataDir, 'users.json');
    const data = JSON.parse(readFileSync(file, 'utf8')) as {
      users: Record<string, { tenants: string[]; scope: string }>;
    };
    (data.users.cy as { tenants: string[] }).tenants = ['cedar-group', 'harbor-eats'];
    writeFileSync(`${file}.test.tmp`, JSON.stringify(data, null, 2), { mode: 0o600 });
    renameSync(`${file}.test.tmp`, file);

    const refreshed = await grant(hub, { refreshToken: refreshTokenOf(signedIn) });
    seenRefreshTokens.push(refreshTokenOf(refreshed));
    expect(refreshed.tenants).toEqual(['cedar-group', 'harbor-eats']);
    expect(await welcomedTenants(hub, refreshed.access_token)).toEqual([
      'cedar-group',
      'harbor-eats',
    ]);
  });

  it('an expired refresh token gets 401', async () => {
    const signedIn = await signIn('ana');
    expect((await grant(hub, { refreshToken: refreshTokenOf(signedIn) })).tenants).toEqual([
      'cedar-group',
    ]);
    await sleep(4200);
    const before = await authFailures(hub, 'refresh_expired');
    const answer = await post(hub.url + TOKEN_PATH, { refreshToken: refreshTokenOf(signedIn) });
    expect(answer.status).toBe(401);
    expect(await authFailures(hub, 'refresh_expired')).toBe(before + 1);
  });

  it('never writes a refresh token to the log, though it logs refused token requests', () => {
    expect(seenRefreshTokens.length).toBeGreaterThan(5);
    expect(hub.output()).toContain('token request refused');
    for (const token of seenRefreshTokens) {
      expect(hub.output()).not.toContain(token);
      expect(hub.output()).not.toContain(token.split('.')[2]);
    }
  });
});

/** POST /v1/auth/token from a chosen loopback source address, so per-IP and per-account limits can be told apart. */
function postFrom(
  localAddress: string,
  url: string,
  body: unknown,
): Promise<{ status: number; body: unknown }> {
  const text = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        localAddress,
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(text),
          Connection: 'close',
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: JSON.parse(Buffer.concat(chunks).toString()),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(text);
  });
}

describe('refresh grant rate limit (hub process, HUB_LOGIN_RATE=3)', () => {
  let hub: HubProcess;
  beforeAll(async () => {
    hub = await startHubProcess({ env: { HUB_LOGIN_RATE: '3' } });
    await hub.addUser('wall', 'kitchen-tv-password', { tenants: ['cedar-group'], scope: 'read' });
  });
  afterAll(async () => hub?.stop());

  it('valid refreshes are limited per account only, apart from the password attempts of that account', async () => {
    const url = hub.url + TOKEN_PATH;
    const signedIn = await postFrom('127.0.0.1', url, {
      username: 'wall',
      password: 'kitchen-tv-password',
    });
    expect(signedIn.status).toBe(200);
    let refreshToken = refreshTokenOf(tokenResponseSchema.parse(signedIn.body));
    const refreshFrom = async (ip: string) => {
      const answer = await postFrom(ip, url, { refreshToken });
      if (answer.status === 200)
        refreshToken = refreshTokenOf(tokenResponseSchema.parse(answer.body));
      return answer.status;
    };
    // Only failures spend an address's budget, so the account's three refreshes all pass here.
    expect(await refreshFrom('127.0.0.1')).toBe(200);
    expect(await refreshFrom('127.0.0.1')).toBe(200);
    expect(await refreshFrom('127.0.0.1')).toBe(200);
    expect(await refreshFrom('127.0.0.1')).toBe(429);
    // Another address: the account's refreshes are used up there too.
    expect(await refreshFrom('127.0.0.2')).toBe(429);
    // Password sign-ins of the account have their own budget and still work from there.
    const again = await postFrom('127.0.0.2', url, {
      username: 'wall',
      password: 'kitchen-tv-password',
    });
    expect(again.status).toBe(200);
  });
});

describe('refresh grant after the user is removed (hub process, memory backplane, default 12 h refresh tokens)', () => {
  let hub: HubProcess;
  const password = 'removed-soon-4k';
  beforeAll(async () => {
    hub = await startHubProcess();
    await hub.addUser('di', password, { tenants: ['cedar-group'], scope: 'read' });
  });
  afterAll(async () => hub?.stop());

  it('a removed user gets 401 at refresh, and so does a user removed and added again under the same name', async () => {
    const signedIn = await grant(hub, { username: 'di', password });
    expect(hub.runCli(['users', 'remove', 'di']).status).toBe(0);
    const removed = await post(hub.url + TOKEN_PATH, {
      refreshToken: refreshTokenOf(signedIn),
    });
    expect(removed.status).toBe(401);
    expect(removed.body).toMatchObject({ error: { code: 'unauthorized' } });
    expect(await authFailures(hub, 'refresh_user_removed')).toBe(1);

    await hub.addUser('di', 'a-new-password-for-di', { tenants: ['cedar-group'], scope: 'read' });
    const readded = await post(hub.url + TOKEN_PATH, {
      refreshToken: refreshTokenOf(signedIn),
    });
    expect(readded.status).toBe(401);
    // Refused because the account is a new one (the token is good for 12 h).
    expect(await authFailures(hub, 'refresh_user_replaced')).toBe(1);
    // The new account signs in and refreshes normally.
    const fresh = await grant(hub, { username: 'di', password: 'a-new-password-for-di' });
    expect((await post(hub.url + TOKEN_PATH, { refreshToken: refreshTokenOf(fresh) })).status).toBe(
      200,
    );
  });
});
