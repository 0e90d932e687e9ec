import { statSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN_PATH, ingestPath, tokenResponseSchema } from '../../protocol/http-api';
import { startHubProcess, type HubProcess } from '../../test-support/hub-process';
import { startRedis, type RedisTestServer } from '../../test-support/redis-server';
import { connectTestClient, postJson } from '../../test-support/ws-test-client';

describe.each(['memory', 'redis'] as const)(
  'token endpoint and users added to a running hub (%s backplane)',
  (kind) => {
    let redis: RedisTestServer | undefined;
    let hub: HubProcess;

    beforeAll(async () => {
      redis = kind === 'redis' ? await startRedis() : undefined;
      hub = await startHubProcess({ redisUrl: redis?.url, tokenTtl: '2s' });
    });
    afterAll(async () => {
      await hub?.stop();
      await redis?.stop();
    });

    it('creates an initial admin whose password is only in a 0600 file in the data dir', async () => {
      const file = join(hub.dataDir, 'initial-admin.txt');
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const password = /password: (\S+)/.exec(readFileSync(file, 'utf8'))?.[1] as string;
      expect(hub.output()).not.toContain(password);
      const answer = await postJson(hub.url + TOKEN_PATH, { username: 'admin', password });
      expect(answer.status).toBe(200);
    });

    it('issues a token to a user added after the hub started, with expires_in in seconds', async () => {
      await hub.addUser('ana', 'correct horse battery', {
        tenants: ['cedar-group'],
        scope: 'read',
      });
      const answer = await postJson(hub.url + TOKEN_PATH, {
        username: 'ana',
        password: 'correct horse battery',
      });
      expect(answer.status).toBe(200);
      const body = tokenResponseSchema.parse(answer.body);
      expect(body).toMatchObject({
        token_type: 'Bearer',
        expires_in: 2,
        tenants: ['cedar-group'],
        scope: 'read',
      });
      const client = await connectTestClient(hub.wsUrl, { token: body.access_token });
      try {
        const welcome = await client.waitFor((f) => f.type === 'welcome');
        expect(welcome).toMatchObject({ tenants: ['cedar-group'] });
      } finally {
        await client.close();
      }
    });

    it('answers the same 401 for an unknown user and a wrong password', async () => {
      const unknown = await postJson(hub.url + TOKEN_PATH, {
        username: 'nobody',
        password: 'whatever',
      });
      const wrong = await postJson(hub.url + TOKEN_PATH, {
        username: 'admin',
        password: 'wrong password',
      });
      expect(unknown.status).toBe(401);
      expect(wrong).toEqual(unknown);
    });

    it('exchanges an API key from ops-hub keys create for a token that ingests, until the key is revoked', async () => {
      const { key, id } = await hub.createApiKey({
        sub: 'pos-bridge',
        tenants: ['harbor-eats'],
        scope: 'publish',
      });
      expect(key).toMatch(/^opsk_/);
      const answer = await postJson(hub.url + TOKEN_PATH, { apiKey: key });
      expect(answer.status).toBe(200);
      const body = tokenResponseSchema.parse(answer.body);
      expect(body).toMatchObject({ tenants: ['harbor-eats'], scope: 'publish', expires_in: 2 });
      const event = { type: 'queue.length', data: { queue: 'kitchen', length: 3 } };
      const ingested = await postJson(hub.url + ingestPath('harbor-eats'), event, {
        Authorization: `Bearer ${body.access_token}`,
      });
      expect(ingested.status).toBe(200);
      const elsewhere = await postJson(hub.url + ingestPath('cedar-group'), event, {
        Authorization: `Bearer ${body.access_token}`,
      });
      expect(elsewhere.status).toBe(403);

      const listed = hub.runCli(['keys', 'list', '--json']);
      expect(listed.status).toBe(0);
      expect(listed.stdout).not.toContain(key);
      expect(JSON.parse(listed.stdout)).toContainEqual(
        expect.objectContaining({ id, name: 'pos-bridge', tenants: ['harbor-eats'] }),
      );

      const revoked = hub.runCli(['keys', 'revoke', id]);
      expect(revoked.status).toBe(0);
      const refused = await postJson(hub.url + TOKEN_PATH, { apiKey: key });
      expect(refused.status).toBe(401);
      expect(hub.runCli(['keys', 'revoke', id]).status).toBe(1);
    });

    it('answers an unknown API key with the same 401 as a wrong password', async () => {
      const unknownKey = await postJson(hub.url + TOKEN_PATH, {
        apiKey: `opsk_${'A'.repeat(43)}`,
      });
      const wrongPassword = await postJson(hub.url + TOKEN_PATH, {
        username: 'admin',
        password: 'wrong password',
      });
      expect(unknownKey.status).toBe(401);
      expect(unknownKey).toEqual(wrongPassword);
    });

    it('refuses to create a key with an unknown scope or an invalid tenant, naming the field', () => {
      const badScope = hub.runCli([
        'keys',
        'create',
        '--sub',
        'svc',
        '--tenants',
        'cedar-group',
        '--scope',
        'root',
      ]);
      expect(badScope.status).not.toBe(0);
      expect(badScope.stderr).toContain('scope');
      expect(badScope.stdout).not.toMatch(/opsk_/);
      const badTenant = hub.runCli(['keys', 'create', '--sub', 'svc', '--tenants', 'Not A Tenant']);
      expect(badTenant.status).not.toBe(0);
      expect(badTenant.stderr).toContain('tenant');
    });

    it('answers 415 to a token request that is not application/json and 413 to one over 8 KiB', async () => {
      const text = await postJson(hub.url + TOKEN_PATH, '{"username":"a","password":"b"}', {
        'Content-Type': 'text/plain',
      });
      expect(text.status).toBe(415);
      const huge = await postJson(hub.url + TOKEN_PATH, {
        username: 'admin',
        password: 'x'.repeat(9 * 1024),
      });
      expect(huge.status).toBe(413);
    });

    it('answers 400 with field errors to a malformed body', async () => {
      const answer = await postJson(hub.url + TOKEN_PATH, { username: 'ana' });
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({
        error: { code: 'bad_request', fields: expect.any(Array) },
      });
    });
  },
);
