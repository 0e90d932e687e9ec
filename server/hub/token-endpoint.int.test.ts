import { statSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN_PATH, tokenResponseSchema } from '../../protocol/http-api';
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

    it('answers 400 with field errors to a malformed body', async () => {
      const answer = await postJson(hub.url + TOKEN_PATH, { username: 'ana' });
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({
        error: { code: 'bad_request', fields: expect.any(Array) },
      });
    });
  },
);
