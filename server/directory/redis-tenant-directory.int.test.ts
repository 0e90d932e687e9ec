import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { startRedis, type RedisTestServer } from '../../test-support/redis-server';
import { describeTenantDirectoryContract } from '../../test-support/tenant-directory-contract';
import { RedisTenantDirectory } from './redis-tenant-directory';
import { DirectoryCorruptError } from './tenant-directory';

let redis: RedisTestServer;
let admin: Redis;

beforeAll(async () => {
  redis = await startRedis();
  admin = new Redis(redis.url);
});
beforeEach(async () => {
  await admin.flushall();
});
afterAll(async () => {
  admin?.disconnect();
  await redis?.stop();
});

describeTenantDirectoryContract('redis', async () => ({
  first: new RedisTenantDirectory({ url: redis.url }),
  second: new RedisTenantDirectory({ url: redis.url }),
}));

it('refuses a stored entry that is not valid, naming the key', async () => {
  const directory = new RedisTenantDirectory({ url: redis.url });
  await admin.hset('ops:{directory}:tenants', 'cedar-group', '{"id":"cedar-group"}');
  await expect(directory.get('cedar-group')).rejects.toBeInstanceOf(DirectoryCorruptError);
  await expect(directory.list()).rejects.toThrow(/ops:\{directory\}:tenants/);
  await directory.close();
});
