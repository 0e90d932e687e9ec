import { afterAll, beforeAll, beforeEach } from 'vitest';
import { Redis } from 'ioredis';
import { startRedis, type RedisTestServer } from '../../test-support/redis-server';
import { RedisUserStore } from './redis-user-store';
import { describeUserStoreContract, TEST_SCRYPT } from '../../test-support/user-store-contract';

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

describeUserStoreContract('redis', async () => ({
  first: new RedisUserStore({ url: redis.url, scryptParams: TEST_SCRYPT }),
  second: new RedisUserStore({ url: redis.url, scryptParams: TEST_SCRYPT }),
}));
