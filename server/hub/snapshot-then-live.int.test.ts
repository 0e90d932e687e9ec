import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedis, type RedisTestServer } from '../../test-support/redis-server';
import { connectTestClient, postJson } from '../../test-support/ws-test-client';
import { ingestPath } from '../../protocol/http-api';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileTenantDirectory } from '../directory/file-tenant-directory';
import { seedDemoDirectory } from '../runtime/open-directory';
import { entryFields } from '../../protocol/tenant-directory';
import {
  startInProcessHub,
  type BackplaneKind,
  type InProcessHub,
} from '../../test-support/in-process-hub';

describe.each<BackplaneKind>(['memory', 'redis'])(
  'snapshot then live events (%s backplane)',
  (kind) => {
    let redis: RedisTestServer | undefined;
    let hub: InProcessHub;
    const dataDir = mkdtempSync(join(tmpdir(), 'snapshot-directory-'));
    const directory = new FileTenantDirectory({ dataDir, pollMs: 50 });

    beforeAll(async () => {
      if (kind === 'redis') redis = await startRedis();
      await seedDemoDirectory(directory);
      hub = await startInProcessHub({ backplane: kind, redisUrl: redis?.url, directory });
    });
    afterAll(async () => {
      await hub?.close();
      await directory.close();
      await redis?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('sends welcome, then a snapshot with the tenant profile, then each ingested event once in seq order', async () => {
      const publish = await hub.mintToken({ tenants: ['cedar-group'], scope: 'publish' });
      const first = await postJson(
        hub.url + ingestPath('cedar-group'),
        { type: 'table.seated', location: 'beirut-downtown', data: { tableId: 'T1', covers: 2 } },
        { Authorization: `Bearer ${publish}` },
      );
      expect(first.status).toBe(200);

      const client = await connectTestClient(hub.wsUrl, {
        token: await hub.mintToken({ tenants: ['cedar-group'] }),
      });
      try {
        const welcome = await client.waitFor((f) => f.type === 'welcome');
        expect(welcome).toMatchObject({
          type: 'welcome',
          tenants: ['cedar-group'],
          heartbeatMs: 30_000,
        });
        expect(client.frames[0]?.type).toBe('welcome');
        client.send({ type: 'subscribe', tenant: 'cedar-group' });
        const snapshot = await client.waitFor((f) => f.type === 'snapshot');
        if (snapshot.type !== 'snapshot') throw new Error('unreachable');
        expect(snapshot.seq).toBe(1);
        expect(snapshot.state).toMatchObject({
          timeZone: 'Asia/Beirut',
          currency: 'LBP',
          seq: 1,
          directory: { id: 'cedar-group', displayName: 'مجموعة الأرز', revision: 1 },
        });

        const batch = Array.from({ length: 20 }, (_, i) => ({
          type: 'queue.length',
          location: 'jounieh',
          data: { queue: 'waitlist', length: i },
        }));
        const answer = await postJson(
          hub.url + ingestPath('cedar-group'),
          { events: batch },
          { Authorization: `Bearer ${publish}` },
        );
        expect(answer.body).toEqual({
          accepted: 20,
          firstSeq: 2,
          lastSeq: 21,
          duplicates: 0,
          epoch: expect.any(String),
        });
        await client.waitFor((f) => f.type === 'event' && f.seq === 21);
        expect(client.events('cedar-group').map((e) => e.seq)).toEqual(
          Array.from({ length: 20 }, (_, i) => i + 2),
        );

        // A directory change reaches the open client as a fresh snapshot at the same seq.
        const entry = await directory.get('cedar-group');
        await directory.put('cedar-group', {
          ...entryFields(entry!),
          displayName: 'Cedar Restaurants',
        });
        const renamed = await client.waitFor(
          (f) => f.type === 'snapshot' && JSON.stringify(f.state).includes('"Cedar Restaurants"'),
        );
        expect(renamed).toMatchObject({ seq: 21, state: { directory: { revision: 2 } } });
      } finally {
        await client.close();
      }
    });
  },
);
