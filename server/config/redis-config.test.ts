import { describe, expect, it } from 'vitest';
import { ConfigError } from './config-error';
import { loadRedisHaConfig } from './redis-config';

describe('loadRedisHaConfig', () => {
  it('reads Sentinels, the master name and both passwords', () => {
    const config = loadRedisHaConfig(
      {
        REDIS_SENTINELS: '10.0.0.5:26379, sentinel-b:26380',
        REDIS_SENTINEL_NAME: 'ops-primary',
        REDIS_PASSWORD: 'pw',
        REDIS_SENTINEL_PASSWORD: 'spw',
      },
      undefined,
    );
    expect(config.target).toEqual({
      kind: 'sentinel',
      sentinels: [
        { host: '10.0.0.5', port: 26379 },
        { host: 'sentinel-b', port: 26380 },
      ],
      name: 'ops-primary',
      password: 'pw',
      sentinelPassword: 'spw',
    });
  });

  it('reads cluster nodes and the replica wait', () => {
    expect(loadRedisHaConfig({ REDIS_CLUSTER_NODES: '127.0.0.1:7000' }, undefined).target).toEqual({
      kind: 'cluster',
      nodes: [{ host: '127.0.0.1', port: 7000 }],
      password: undefined,
    });
    expect(
      loadRedisHaConfig(
        { HUB_REDIS_MIN_REPLICAS: '2', HUB_REDIS_MIN_REPLICAS_TIMEOUT: '250ms' },
        'redis://127.0.0.1:6379',
      ).minReplicas,
    ).toEqual({ count: 2, timeoutMs: 250 });
  });

  it.each([
    [{ REDIS_SENTINELS: '10.0.0.5' }, 'REDIS_SENTINELS'],
    [{ REDIS_SENTINELS: '10.0.0.5:26379' }, 'REDIS_SENTINEL_NAME'],
    [
      { REDIS_CLUSTER_NODES: 'a:1', REDIS_SENTINELS: 'b:2', REDIS_SENTINEL_NAME: 'm' },
      'REDIS_CLUSTER_NODES',
    ],
    [{ REDIS_CLUSTER_NODES: 'a:1', HUB_REDIS_MIN_REPLICAS: '1' }, 'HUB_REDIS_MIN_REPLICAS'],
    [{ HUB_REDIS_MIN_REPLICAS: '1' }, 'HUB_REDIS_MIN_REPLICAS'],
    [{ REDIS_CLUSTER_NODES: 'a:99999' }, 'REDIS_CLUSTER_NODES'],
  ])('rejects %j naming %s', (env, variable) => {
    expect(() => loadRedisHaConfig(env, undefined)).toThrow(ConfigError);
    expect(() => loadRedisHaConfig(env, undefined)).toThrow(variable);
  });

  it('never echoes a password in an error', () => {
    try {
      loadRedisHaConfig({ REDIS_SENTINELS: 'x:1', REDIS_PASSWORD: 'hunter2-secret' }, undefined);
      expect.unreachable();
    } catch (error) {
      expect(String(error)).not.toContain('hunter2-secret');
    }
  });

  it('refuses REDIS_URL together with Sentinels', () => {
    expect(() =>
      loadRedisHaConfig(
        { REDIS_SENTINELS: 'x:1', REDIS_SENTINEL_NAME: 'm' },
        'redis://127.0.0.1:6379',
      ),
    ).toThrow(/set only one of REDIS_URL, REDIS_SENTINELS/);
  });
});
