import pino from 'pino';
import { afterAll, beforeAll } from 'vitest';
import { startRedis, type RedisTestServer } from '../../test-support/redis-server';
import { describeBackplaneContract } from '../../test-support/backplane-contract';
import { RedisBackplane } from './redis-backplane';

let redis: RedisTestServer;

beforeAll(async () => {
  redis = await startRedis({ persistence: false });
});

afterAll(async () => {
  await redis?.stop();
});

describeBackplaneContract('redis', ({ retention }) =>
  RedisBackplane.connect({ url: redis.url, retention, logger: pino({ level: 'silent' }) }),
);
